import Foundation
import Isolation
import Processes
import Testing

@Suite struct BubblewrapTests {
  /// Runs `script` in a container of the host's userland plus `mounts`, and returns its status and output.
  func run(_ script: String, mounts: [Bubblewrap.Mount] = []) async throws -> (status: Int32, output: String) {
    guard case .available(let bwrap) = IsolationSupport.check() else {
      Issue.record("bubblewrap is needed for this test")
      return (-1, "")
    }
    var container = Bubblewrap(command: ["/bin/sh", "-c", script])
    container.hostname = "node01"
    container.mounts = mounts
    container.environment = ["PATH": "/usr/bin:/bin"]
    let output = NSTemporaryDirectory() + "isolation-output-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    var command = ProcessCommand(bwrap, container.withHostUserland.arguments, environment: [:])
    command.output = .file(output, flags: O_WRONLY | O_CREAT | O_TRUNC)
    command.error = .sameAs(1)
    let ended = try await SpawnedProcess(command).exit()
    let text = FileManager.default.contents(atPath: output) ?? Data()
    return (ended.shellStatus, String(decoding: text, as: UTF8.self))
  }

  @Test func theContainerHasItsOwnHostnameAndEnvironment() async throws {
    let result = try await run("hostname; echo ${HOME:-no-home}")
    #expect(result.output == "node01\nno-home\n")
    #expect(result.status == 0)
  }

  @Test func writesGoOnlyToTheBoundTree() async throws {
    let tree = FileManager.default.temporaryDirectory.appendingPathComponent("isolation-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: tree) }
    let result = try await run(
      "echo kept > /etc/kubernetes/note && (echo lost > /usr/escaped || echo refused)",
      mounts: [.bind(source: tree, destination: "/etc/kubernetes")])
    #expect(result.output.hasSuffix("refused\n"))
    #expect(FileManager.default.contents(atPath: tree + "/note") == Data("kept\n".utf8))
    #expect(!FileManager.default.fileExists(atPath: "/usr/escaped"))
  }

  @Test func theHostEtcAndRootStayOutOfReach() async throws {
    let result = try await run("ls /etc/passwd /root 2>&1 >/dev/null | wc -l")
    #expect(result.output == "2\n")
  }

  @Test func argumentsEndWithTheCommand() {
    var container = Bubblewrap(command: ["sleep", "1"])
    container.mounts = [.readOnly(source: "/a", destination: "/b")]
    #expect(Array(container.arguments.suffix(5)) == ["--chdir", "/", "--", "sleep", "1"])
    #expect(container.arguments.contains("--ro-bind"))
  }
}
