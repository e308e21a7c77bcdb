import Foundation
import TestSupport
import Testing

/// `kubelab doctor` against the sandbox: usable with its own kubeconfig, untrusted with another CA.
@Suite struct DoctorCommandTests {
  @Test func sandboxKubeconfigIsUsable() async throws {
    let sandbox = try sharedSandbox.get()
    let output = try await ProcessRunner.run(
      try BuiltProducts.kubelab(), ["doctor", "--kubeconfig", sandbox.kubeconfig])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map { $0.split(separator: ":", maxSplits: 1) }
    let fields = Dictionary(
      lines.compactMap { $0.count == 2 ? (String($0[0]), $0[1].trimmingCharacters(in: .whitespaces)) : nil },
      uniquingKeysWith: { first, _ in first })
    #expect(fields["server version"] == "v1.33.1")
    #expect(fields["server"] == sandbox.url)
    #expect(fields["context"] == "kubelab-sandbox")
    #expect(fields["authentication"]?.hasPrefix("client certificate") == true)
    #expect(fields["may list pods"] == "yes")
    #expect(fields["may create namespaces"] == "yes")
    #expect(fields["node shells"] == "available (/usr/bin/bwrap)")
    #expect(output.stdout.hasSuffix("The cluster is usable.\n"))
    #expect(!output.stdout.contains("PRIVATE KEY"))
  }

  @Test func anotherCertificateAuthorityIsNotTrusted() async throws {
    let sandbox = try sharedSandbox.get()
    let other = try SandboxProcess()
    defer { _ = other.stop() }
    let otherCA = try caData(of: other.kubeconfig)
    let config = try String(contentsOfFile: sandbox.kubeconfig, encoding: .utf8)
      .replacingOccurrences(of: try caData(of: sandbox.kubeconfig), with: otherCA)
    let path = try temporaryFile(named: "kubeconfig", contents: config)
    let output = try await ProcessRunner.run(try BuiltProducts.kubelab(), ["doctor", "--kubeconfig", path])
    #expect(output.status == 1)
    let problem = output.stderr.split(separator: "\n")
    #expect(problem.count == 1)
    #expect(problem.first?.contains("the server's certificate is not trusted") == true)
    #expect(problem.first?.contains(sandbox.url) == true)
  }

  func caData(of kubeconfig: String) throws -> String {
    let text = try String(contentsOfFile: kubeconfig, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains("certificate-authority-data:") })
    return String(try #require(line.split(separator: " ").last))
  }
}
