import Foundation
import TestSupport
import Testing

/// `kubectl exec`, `cp` and `run -it` (attach) reach real container processes over the WebSocket
/// stream protocol; an SPDY-only kubectl is told which version it needs.
@Suite struct ContainerStreamTests {
  @Test(arguments: streamingKubectlVersions)
  func execReportsExitCodesAndPassesStdin(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "box", "--image=busybox", "--", "sleep", "3600"])
      try await kubectl.run(["run", "web", "--image=nginx"])
      _ = try await kubectl.poll(["get", "pods", "--no-headers"]) { table in
        table.split(separator: "\n").count == 2 && table.split(separator: "\n").allSatisfy { $0.contains("Running") }
      }
      let failed = try await kubectl.run(["exec", "-it", "box", "--", "sh", "-c", "echo in $(hostname); exit 3"])
      #expect(failed.status == 3, "\(failed.stderr)")
      #expect(failed.stdout.contains("in box"), "\(failed.stdout)")
      #expect(failed.stderr.contains("command terminated with exit code 3"), "\(failed.stderr)")

      let echoed = try await kubectl.run(
        ["exec", "-i", "box", "--", "sh", "-c", "cat; echo oops >&2"], input: "hello\n")
      #expect(echoed.status == 0)
      #expect(echoed.stdout == "hello\n")
      #expect(echoed.stderr == "oops\n")

      let missing = try await kubectl.run(["exec", "box", "--", "bash"])
      #expect(missing.status == 1)
      #expect(missing.stderr.contains("exec: \"bash\": executable file not found in $PATH"), "\(missing.stderr)")

      // An image without a shell: busybox in its files, as a debug container would see them.
      let page = try await kubectl.run(["exec", "web", "--", "cat", "/usr/share/nginx/html/index.html"])
      #expect(page.stdout.contains("<title>Welcome to nginx!</title>"), "\(page.stderr)")
      let conf = try await kubectl.run(["exec", "web", "--", "ls", "/etc/nginx/conf.d"])
      #expect(conf.stdout == "default.conf\n")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func cpCopiesToAndFromAPodAndRunPrintsTheOutput(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "box", "--image=busybox", "--", "sleep", "3600"])
      _ = try await kubectl.poll(["get", "pod", "box", "--no-headers"]) { $0.contains("Running") }
      let folder = NSTemporaryDirectory() + "kubelab-cp-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try "from the host\n".write(toFile: folder + "/note.txt", atomically: true, encoding: .utf8)
      let upload = try await kubectl.run(["cp", folder + "/note.txt", "box:/tmp/note.txt"])
      #expect(upload.status == 0, "\(upload.stderr)")
      #expect(try await kubectl.run(["exec", "box", "--", "cat", "/tmp/note.txt"]).stdout == "from the host\n")
      let download = try await kubectl.run(["cp", "box:/etc/hostname", folder + "/hostname"])
      #expect(download.status == 0, "\(download.stderr)")
      #expect(try String(contentsOfFile: folder + "/hostname", encoding: .utf8) == "box\n")

      let run = try await kubectl.run(
        ["run", "hi", "--rm", "-it", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hi"], timeout: 90)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("hi\n"), "\(run.stdout)")
      #expect(run.stdout.contains("pod \"hi\" deleted"), "\(run.stdout)")
    }
  }

  @Test func anSPDYOnlyKubectlIsToldWhichVersionItNeeds() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.29", kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["run", "box", "--image=busybox", "--", "sleep", "3600"])
      _ = try await kubectl.poll(["get", "pod", "box", "--no-headers"]) { $0.contains("Running") }
      let old = try await kubectl.run(["exec", "box", "--", "true"])
      #expect(old.status == 1)
      #expect(old.stderr.contains("use kubectl 1.30 or newer"), "\(old.stderr)")
      let gone = try await kubectl.run(["exec", "nosuch", "--", "true"])
      #expect(gone.stderr.contains("pods \"nosuch\" not found"), "\(gone.stderr)")
    }
  }
}
