import Foundation
import TestSupport
import Testing

/// Services in the sandbox get the endpoints of the pods they select: `kubectl get endpoints`,
/// `get endpointslices` and `describe svc` list the ready pods' addresses with the target port.
@Suite struct KubectlServiceEndpointsTests {
  func podIPs(_ kubectl: Kubectl, _ namespace: String, _ selector: String) async throws -> Set<String> {
    let output = try await kubectl.run([
      "get", "pods", "-n", namespace, "-l", selector, "--field-selector=status.phase=Running", "-o",
      "jsonpath={.items[*].status.podIP}",
    ]).stdout
    return Set(output.split(separator: " ").map(String.init))
  }

  func endpointIPs(_ kubectl: Kubectl, _ namespace: String, _ service: String) async throws -> Set<String> {
    let output = try await kubectl.run([
      "get", "endpoints", service, "-n", namespace, "-o", "jsonpath={.subsets[*].addresses[*].ip}",
    ]).stdout
    return Set(output.split(separator: " ").map(String.init))
  }

  @Test(arguments: testedKubectlVersions)
  func anExposedDeploymentHasItsPodsAsEndpoints(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("create deployment web --image=nginx --replicas=2 -n \(namespace)")
    let exposed = try await kubectl("expose deployment web --port=80 -n \(namespace)")
    #expect(exposed.status == 0, "\(exposed.stderr)")
    try await kubectl.poll(
      ["get", "endpoints", "web", "-n", namespace, "-o", "jsonpath={.subsets[*].addresses[*].ip}"], seconds: 60
    ) {
      $0.split(separator: " ").count == 2
    }
    let ips = try await podIPs(kubectl, namespace, "app=web")
    #expect(ips.count == 2, "\(ips)")
    await #expect(try endpointIPs(kubectl, namespace, "web") == ips)

    let table = try await kubectl("get endpoints web -n \(namespace)").stdout
    let described = try await kubectl("describe svc web -n \(namespace)").stdout
    let endpointsLine = described.split(separator: "\n").first { $0.hasPrefix("Endpoints:") } ?? ""
    for ip in ips {
      #expect(table.contains("\(ip):80"), "\(table)")
      #expect(endpointsLine.contains("\(ip):80"), "\(described)")
    }
    let slices = try await kubectl.run([
      "get", "endpointslices", "-n", namespace, "-l", "kubernetes.io/service-name=web", "-o",
      "jsonpath={range .items[*]}{.metadata.name} {.metadata.labels.endpointslice\\.kubernetes\\.io/managed-by} {.endpoints[*].addresses[0]}{\"\\n\"}{end}",
    ]).stdout
    let slice = slices.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(slice.count == 1, "\(slices)")
    #expect(slice.first?.first?.hasPrefix("web-") == true, "\(slices)")
    #expect(slice.first?.dropFirst().first == "endpointslice-controller.k8s.io", "\(slices)")
    #expect(Set(slice.first?.dropFirst(2) ?? []) == ips, "\(slices)")

    try await kubectl("scale deployment web --replicas=3 -n \(namespace)")
    let three = try await kubectl.poll(
      ["get", "endpoints", "web", "-n", namespace, "-o", "jsonpath={.subsets[*].addresses[*].ip}"], seconds: 60
    ) { $0.split(separator: " ").count == 3 }
    await #expect(Set(three.split(separator: " ").map(String.init)) == (try podIPs(kubectl, namespace, "app=web")))
  }

  @Test(arguments: testedKubectlVersions)
  func aNamedTargetPortResolvesPerPodAndAServiceWithoutSelectorIsLeftAlone(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: api, labels: {app: api}}
      spec:
        containers:
        - name: api
          image: nginx
          ports: [{name: http, containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        selector: {app: api}
        ports: [{name: web, port: 80, targetPort: http}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: external}
      spec:
        ports: [{port: 80}]
      """
    let applied = try await kubectl.run(["apply", "-n", namespace, "-f", "-"], input: manifest)
    #expect(applied.status == 0, "\(applied.stderr)")
    let ports = try await kubectl.poll(
      [
        "get", "endpoints", "api", "-n", namespace, "-o",
        "jsonpath={.subsets[*].addresses[*].ip}:{.subsets[*].ports[*].port}",
      ],
      seconds: 60
    ) { $0.hasSuffix(":8080") && !$0.hasPrefix(":") }
    let ip = try await #require(try podIPs(kubectl, namespace, "app=api").first)
    #expect(ports == "\(ip):8080")
    let missing = try await kubectl("get endpoints external -n \(namespace)")
    #expect(missing.status != 0 && missing.stderr.contains("NotFound"), "\(missing.stdout)\(missing.stderr)")
    let apiServer = try await kubectl("get endpoints kubernetes -n default --no-headers").stdout
    #expect(apiServer.contains("192.168.100.10:6443"), "\(apiServer)")
  }
}
