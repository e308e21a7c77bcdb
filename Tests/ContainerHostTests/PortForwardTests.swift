import Foundation
import TestSupport
import Testing

/// `kubectl port-forward` (SPDY tunnelled in WebSocket, kubectl 1.31+) to a pod or a service: an
/// nginx pod answers with its default page, a busybox httpd answers for real, a port nothing
/// listens on is refused as the kubelet words it; an SPDY-only kubectl is told what it needs.
@Suite struct PortForwardTests {
  /// An nginx pod behind the Service `front` (port 8000 to 80), which the pod network tests reach too.
  static let nginxBehindService = """
    apiVersion: v1
    kind: Pod
    metadata: {name: nginx, labels: {app: front}}
    spec:
      containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: front}
    spec:
      selector: {app: front}
      ports: [{port: 8000, targetPort: 80}]
    """

  static let objects =
    nginxBehindService + """

      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - name: web
          image: busybox
          command: [sh, -c, "echo served by busybox > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]
          ports: [{containerPort: 8080}]
      """

  /// Starts `kubectl port-forward TARGET :PORT` and returns it with the local port it printed.
  static func forward(_ kubectl: Kubectl, _ target: String, _ port: Int) async throws -> (ChildProcess, Int?) {
    let child = try kubectl.start(["port-forward", target, ":\(port)"])
    let output = try await child.waitForOutput { $0.stdout.contains("Forwarding from 127.0.0.1:") || $0.status >= 0 }
    let local = output.stdout.components(separatedBy: "Forwarding from 127.0.0.1:").dropFirst().first
      .flatMap { Int($0.prefix { $0.isNumber }) }
    return (child, local)
  }

  static func get(_ port: Int, _ path: String = "/") async throws -> HTTPTestClient.Response {
    try await HTTPTestClient(baseURL: "http://127.0.0.1:\(port)").send("GET", path)
  }

  @Test(arguments: streamingKubectlVersions)
  func aForwardedPortReachesThePodsServer(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let applied = try await kubectl.run(["apply", "-f", "-"], input: Self.objects)
      #expect(applied.status == 0, "\(applied.stderr)")
      _ = try await kubectl.poll(["get", "pods", "--no-headers"]) { table in
        table.split(separator: "\n").count == 2 && table.split(separator: "\n").allSatisfy { $0.contains("Running") }
      }

      let (nginx, nginxPort) = try await Self.forward(kubectl, "pod/nginx", 80)
      let local = try #require(nginxPort, "\(nginx.outputSoFar)")
      let page = try await Self.get(local)
      #expect(page.status == 200)
      #expect(page.text.contains("<title>Welcome to nginx!</title>"), "\(page.text)")
      #expect(page.headers["server"] == "nginx/1.27.4")
      #expect(try await Self.get(local, "/nosuch.html").status == 404)
      let forwarded = try await nginx.stop()
      #expect(forwarded.stdout.contains("Handling connection for \(local)"), "\(forwarded.stdout)")

      // A service is resolved by kubectl to one of its pods, and its port to the target port.
      let (service, servicePort) = try await Self.forward(kubectl, "svc/front", 8000)
      let serviceLocal = try #require(servicePort, "\(service.outputSoFar)")
      #expect(try await Self.get(serviceLocal).text.contains("Welcome to nginx!"))
      _ = try await service.stop()

      // A container that listens answers for real, reached in its own network namespace.
      let (web, webPort) = try await Self.forward(kubectl, "pod/web", 8080)
      let webLocal = try #require(webPort, "\(web.outputSoFar)")
      let served = try await Self.get(webLocal)
      #expect(served.text == "served by busybox\n", "\(served.text)")
      _ = try await web.stop()

      // Nothing listens on 81: the connection fails with the kubelet's message and kubectl gives up.
      let (refused, refusedPort) = try await Self.forward(kubectl, "pod/nginx", 81)
      let refusedLocal = try #require(refusedPort, "\(refused.outputSoFar)")
      _ = try? await Self.get(refusedLocal)
      let ended = try await refused.waitForOutput { $0.stderr.contains("connection refused") }
      #expect(
        ended.stderr.contains("error forwarding port 81 to pod")
          && ended.stderr.contains("dial tcp4 127.0.0.1:81: connect: connection refused"), "\(ended.stderr)")
      _ = try await refused.stop()
    }
  }

  static let python = #"""
    import json, sys
    from kubernetes import client, config
    from kubernetes.stream import portforward

    config.load_kube_config(config_file=sys.argv[1])
    v1 = client.CoreV1Api()
    forward = portforward(v1.connect_get_namespaced_pod_portforward, "nginx", "default", ports="80,81")
    web = forward.socket(80)
    web.setblocking(True)
    web.sendall(b"GET / HTTP/1.1\r\nHost: nginx\r\nConnection: close\r\n\r\n")
    response = b""
    while True:
        chunk = web.recv(65536)
        if not chunk:
            break
        response += chunk
    web.close()
    text = response.decode()
    print(json.dumps({"status": text.split("\r\n")[0], "page": "Welcome to nginx!" in text, "refused": forward.error(81)}))
    """#

  /// The Python client forwards over the kubelet's own protocol (`v4.channel.k8s.io`, `?ports=`).
  @Test func thePythonClientForwardsOverTheKubeletsProtocol() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "nginx", "--image=nginx"])
      _ = try await kubectl.poll(["get", "pod", "nginx", "--no-headers"]) { $0.contains("Running") }
      let file = try temporaryFile(named: "forward.py", contents: Self.python)
      let output = try await ProcessRunner.run("/usr/bin/python3", [file, sandbox.kubeconfig], timeout: 60)
      #expect(output.status == 0, "\(output.stderr)")
      let line = try #require(output.stdout.split(separator: "\n").last)
      let result = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(result?["status"] as? String == "HTTP/1.1 200 OK")
      #expect(result?["page"] as? Bool == true)
      let refused = try #require(result?["refused"] as? String)
      #expect(refused.contains("dial tcp4 127.0.0.1:81: connect: connection refused"), "\(refused)")
    }
  }

  @Test func anSPDYOnlyKubectlIsToldWhichVersionItNeeds() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.27", kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "nginx", "--image=nginx"])
      _ = try await kubectl.poll(["get", "pod", "nginx", "--no-headers"]) { $0.contains("Running") }
      let old = try await kubectl.run(["port-forward", "pod/nginx", ":80"])
      #expect(old.status == 1)
      #expect(old.stderr.contains("use kubectl 1.31 or newer"), "\(old.stderr)")
    }
  }
}
