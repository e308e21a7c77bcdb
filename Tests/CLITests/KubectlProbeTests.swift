import Foundation
import TestSupport
import Testing

/// Readiness and liveness probes in the sandbox: a probe on a port the container declares passes,
/// one on an undeclared port fails with the kubelet's `Unhealthy` events, and probes carry the API
/// server's defaults.
@Suite struct KubectlProbeTests {
  static let manifest = """
    apiVersion: v1
    kind: Pod
    metadata: {name: healthy}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{name: http, containerPort: 80}]
        readinessProbe: {httpGet: {path: /, port: http}, initialDelaySeconds: 5}
        livenessProbe: {tcpSocket: {port: 80}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: unready}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80}]
        readinessProbe: {tcpSocket: {port: 8080}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: unlive}
    spec:
      containers:
      - name: web
        image: nginx
        livenessProbe: {httpGet: {path: /healthz, port: 8080}}
    """

  @Test(arguments: testedKubectlVersions)
  func probesDecideReadinessAndRestarts(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let applied = try await kubectl.run(["apply", "-n", namespace, "-f", "-"], input: Self.manifest)
    #expect(applied.status == 0, "\(applied.stderr)")
    let waited = try await kubectl.run(
      ["wait", "--for=condition=Ready", "pod/healthy", "-n", namespace, "--timeout=30s"], timeout: 40)
    #expect(waited.status == 0, "\(waited.stderr)")
    // The API server's probe defaults show in describe.
    let healthy = try await kubectl.run(["describe", "pod", "healthy", "-n", namespace]).stdout
    #expect(
      healthy.contains("http-get http://:http/ delay=5s timeout=1s period=10s #success=1 #failure=3"), "\(healthy)")
    #expect(healthy.contains("tcp-socket :80 delay=0s timeout=1s period=10s #success=1 #failure=3"), "\(healthy)")

    let described = try await kubectl.poll(["describe", "pod", "unready", "-n", namespace]) {
      $0.contains("Readiness probe failed")
    }
    #expect(described.contains("Unhealthy"), "\(described)")
    #expect(described.contains("Readiness probe failed: dial tcp 10.244.0."), "\(described)")
    #expect(described.contains(":8080: connect: connection refused"), "\(described)")
    let row = try await kubectl.run(["get", "pod", "unready", "-n", namespace, "--no-headers"]).stdout
    #expect(row.split(separator: " ").prefix(3) == ["unready", "0/1", "Running"], "\(row)")

    let killed = try await kubectl.poll(["describe", "pod", "unlive", "-n", namespace]) {
      $0.contains("failed liveness probe")
    }
    #expect(killed.contains("Container web failed liveness probe, will be restarted"), "\(killed)")
    let restarts = try await kubectl.poll(
      ["get", "pod", "unlive", "-n", namespace, "-o", "jsonpath={.status.containerStatuses[0].restartCount}"]
    ) { (Int($0) ?? 0) > 0 }
    #expect((Int(restarts) ?? 0) > 0, "restarts stayed at \(restarts)")
  }
}
