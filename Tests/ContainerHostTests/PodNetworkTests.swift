import Foundation
import TestSupport
import Testing

/// The network as a container's commands probe it (nslookup, wget, nc through the sandbox), with
/// the real kubectl: Services by DNS name reach a busybox httpd and nginx's default page, and
/// NetworkPolicies drop what they do not allow, DNS included.
@Suite struct PodNetworkTests {
  static let objects =
    PortForwardTests.nginxBehindService + """

      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: api, labels: {app: api}}
      spec:
        containers:
        - name: api
          image: busybox
          command: [sh, -c, "echo served by busybox > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]
          ports: [{containerPort: 8080, name: http}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        selector: {app: api}
        ports: [{port: 80, targetPort: http}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: frontend, labels: {role: frontend}}
      spec:
        containers: [{name: main, image: busybox, command: [sleep, "3600"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stranger}
      spec:
        containers: [{name: main, image: busybox, command: [sleep, "3600"]}]
      """

  static let denyIngress = """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api-deny}
    spec:
      podSelector: {matchLabels: {app: api}}
      policyTypes: [Ingress]
    """

  static let allowFrontend = """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api-from-frontend}
    spec:
      podSelector: {matchLabels: {app: api}}
      ingress:
      - from: [{podSelector: {matchLabels: {role: frontend}}}]
        ports: [{port: http}]
    """

  static let denyFrontendEgress = """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: frontend-no-egress}
    spec:
      podSelector: {matchLabels: {role: frontend}}
      policyTypes: [Egress]
    """

  /// A sandbox with the objects above applied and their four pods running.
  static func cluster(_ version: String) async throws -> (SandboxProcess, Kubectl) {
    let sandbox = try SandboxProcess()
    let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
    let applied = try await kubectl.run(["apply", "-f", "-"], input: Self.objects)
    #expect(applied.status == 0, "\(applied.stderr)")
    _ = try await kubectl.poll(["get", "pods", "--no-headers"]) { table in
      let rows = table.split(separator: "\n")
      return rows.count == 4 && rows.allSatisfy { $0.contains("Running") }
    }
    return (sandbox, kubectl)
  }

  @Test(arguments: streamingKubectlVersions)
  func servicesAnswerByTheirDNSNames(version: String) async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, kubectl) = try await Self.cluster(version)
      defer { _ = sandbox.stop() }
      // The Service's port maps through its named targetPort to the busybox httpd that really listens.
      let served = try await kubectl.run(["exec", "frontend", "--", "wget", "-qO-", "http://api"])
      #expect(served.status == 0 && served.stdout == "served by busybox\n", "\(served.stdout)\(served.stderr)")
      let nginx = try await kubectl.run(["exec", "frontend", "--", "wget", "-O", "-", "front.default:8000"])
      #expect(nginx.stdout.contains("<title>Welcome to nginx!</title>"), "\(nginx.stderr)")
      #expect(nginx.stderr.contains("Connecting to front.default ("), "\(nginx.stderr)")
      let missing = try await kubectl.run(["exec", "frontend", "--", "wget", "-qO-", "http://front:8000/nosuch"])
      #expect(missing.stderr.contains("wget: server returned error: HTTP/1.1 404 Not Found"), "\(missing.stderr)")

      let clusterIP = try await kubectl.run(["get", "svc", "api", "-o", "jsonpath={.spec.clusterIP}"]).stdout
      let lookup = try await kubectl.run(["exec", "frontend", "--", "nslookup", "api"])
      #expect(lookup.status == 0)
      #expect(
        lookup.stdout.hasPrefix(
          "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tapi.default.svc.cluster.local\nAddress: \(clusterIP)\n"
            + "\n** server can't find api.svc.cluster.local: NXDOMAIN\n"), "\(lookup.stdout)")
      let unknown = try await kubectl.run(["exec", "frontend", "--", "nslookup", "nosuch.default.svc.cluster.local"])
      #expect(unknown.status == 1)
      #expect(unknown.stdout.contains("** server can't find nosuch.default.svc.cluster.local: NXDOMAIN"))

      // Nothing listens on the pod's port 81: busybox's nc says so with -vv.
      let podIP = try await kubectl.run(["get", "pod", "api", "-o", "jsonpath={.status.podIP}"]).stdout
      let refused = try await kubectl.run(["exec", "frontend", "--", "nc", "-zvv", "-w", "1", podIP, "81"])
      #expect(refused.status == 1 && refused.stderr.contains("Connection refused"), "\(refused.stderr)")
      // nc carries stdin to the far end and its answer back.
      let piped = try await kubectl.run(
        ["exec", "-i", "frontend", "--", "nc", "front", "8000"],
        input: "GET / HTTP/1.0\r\n\r\n")
      #expect(piped.stdout.hasPrefix("HTTP/1.1 200 OK"), "\(piped.stdout)\(piped.stderr)")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func aDefaultDenyThenAnAllowRuleDecideWhoReachesThePod(version: String) async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, kubectl) = try await Self.cluster(version)
      defer { _ = sandbox.stop() }
      let probe = { (pod: String) in
        try await kubectl.run(["exec", pod, "--", "nc", "-z", "-w", "1", "api", "80"]).status
      }
      #expect(try await probe("frontend") == 0)
      #expect(try await probe("stranger") == 0)

      #expect(try await kubectl.run(["apply", "-f", "-"], input: Self.denyIngress).status == 0)
      let started = Date()
      #expect(try await probe("frontend") == 1)
      // A dropped connection waits out nc's -w, as under a CNI that enforces policies.
      #expect(Date().timeIntervalSince(started) >= 1)
      #expect(try await probe("stranger") == 1)

      #expect(try await kubectl.run(["apply", "-f", "-"], input: Self.allowFrontend).status == 0)
      #expect(try await probe("frontend") == 0)
      let denied = try await kubectl.run(["exec", "stranger", "--", "nc", "-zv", "-w", "1", "api", "80"])
      #expect(denied.status == 1 && denied.stderr.contains("Connection timed out"), "\(denied.stderr)")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func denyingEgressBlocksDNSToo(version: String) async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, kubectl) = try await Self.cluster(version)
      defer { _ = sandbox.stop() }
      #expect(try await kubectl.run(["apply", "-f", "-"], input: Self.denyFrontendEgress).status == 0)
      let lookup = try await kubectl.run(["exec", "frontend", "--", "nslookup", "api"])
      #expect(lookup.status == 1)
      #expect(lookup.stdout.contains(";; connection timed out; no servers could be reached"), "\(lookup.stdout)")
      let fetch = try await kubectl.run(["exec", "frontend", "--", "wget", "-T", "1", "-qO-", "http://api"])
      #expect(fetch.stderr.contains("wget: bad address 'api'"), "\(fetch.stderr)")
      // Other pods keep their DNS and their way to the api.
      #expect(
        try await kubectl.run(["exec", "stranger", "--", "wget", "-qO-", "http://api"]).stdout == "served by busybox\n")
    }
  }
}
