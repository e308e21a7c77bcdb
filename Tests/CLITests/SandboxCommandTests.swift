import Foundation
import Processes
import TestSupport
import Testing

/// `kubelab sandbox` as a process: its ready line, its kubeconfig, its options and its exit.
@Suite struct SandboxCommandTests {
  @Test(arguments: [SIGTERM, SIGINT])
  func exitsZeroOnSignal(signal: Int32) throws {
    let sandbox = try SandboxProcess()
    #expect(sandbox.url.hasPrefix("https://127.0.0.1:"))
    #expect(sandbox.process.end(with: signal) == .exited(0))
  }

  @Test func kubeconfigIsPrivateAndRejectsStrangers() async throws {
    let sandbox = try SandboxProcess()
    defer { _ = sandbox.stop() }
    let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.kubeconfig)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let config = try String(contentsOfFile: sandbox.kubeconfig, encoding: .utf8)
    #expect(config.contains("current-context: kubelab-sandbox"))
    // Trusting the CA is not enough: without a client certificate or token the answer is 401.
    let folder = NSTemporaryDirectory() + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let caData = try #require(
      config.split(separator: "\n").first { $0.contains("certificate-authority-data:") }?.split(separator: " ").last)
    let caFile = folder + "/ca.pem"
    try #require(Data(base64Encoded: String(caData))).write(to: URL(fileURLWithPath: caFile))
    let anonymous = try await ProcessRunner.run(
      "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", caFile, sandbox.url + "/api"])
    #expect(anonymous.stdout == "401")
  }

  @Test func plainHTTPOnAChosenPort() async throws {
    // Held until the sandbox listens on it, so that nothing else takes the port meanwhile.
    let placeholder = try LoopbackListener.placeholder()
    let port = placeholder.port
    let sandbox = try SandboxProcess(arguments: ["--no-tls", "--port", String(port)])
    placeholder.close()
    defer { _ = sandbox.stop() }
    #expect(sandbox.url == "http://127.0.0.1:\(port)")
    let version = try await ProcessRunner.run("/usr/bin/curl", ["-s", sandbox.url + "/version"])
    #expect(version.stdout.contains("\"gitVersion\":\"v1.33.1\""))
  }

  @Test func injectedFaultsAnswerTheNextRequests() async throws {
    let sandbox = try SandboxProcess(arguments: ["--no-tls", "--faults", "status:503*2"])
    defer { _ = sandbox.stop() }
    var codes: [String] = []
    for _ in 0..<3 {
      codes.append(
        try await ProcessRunner.run(
          "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", sandbox.url + "/api"]
        ).stdout)
    }
    #expect(codes == ["503", "503", "200"])
  }

  @Test func faultsCanBeQueuedAndClearedWhileItRuns() async throws {
    let sandbox = try SandboxProcess(arguments: ["--no-tls"])
    defer { _ = sandbox.stop() }
    func curl(_ arguments: [String]) async throws -> String {
      try await ProcessRunner.run("/usr/bin/curl", ["-s"] + arguments).stdout
    }
    let code = ["-o", "/dev/null", "-w", "%{http_code}", sandbox.url + "/api"]
    await #expect(
      try curl(["-X", "POST", "--data", "status:500*2", sandbox.url + "/debug/faults"]) == "queued 2 faults\n")
    await #expect(try curl(code) == "500")
    await #expect(try curl(["-X", "DELETE", sandbox.url + "/debug/faults"]) == "cleared\n")
    await #expect(try curl(code) == "200")
    let bad = try await curl(["-X", "POST", "--data", "explode", sandbox.url + "/debug/faults"])
    #expect(bad.contains("invalid fault \"explode\""))
  }

  @Test func badOptionsAreNamed() async throws {
    let kubelab = try BuiltProducts.kubelab()
    let faults = try await ProcessRunner.run(kubelab, ["sandbox", "--faults", "explode"])
    #expect(faults.status != 0)
    #expect(faults.stderr.contains("invalid fault \"explode\""))
    let topology = try await ProcessRunner.run(kubelab, ["sandbox", "--topology", "nowhere", "--no-tls"])
    #expect(topology.status == 64)
    #expect(topology.stderr.contains("unknown topology \"nowhere\""))
  }
}
