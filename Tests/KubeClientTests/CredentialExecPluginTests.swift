import Foundation
import KubeClient
import KubeModel
import Synchronization
import Testing

@Suite("Exec credential plugins")
struct CredentialExecPluginTests {
  static let v1beta1 = "client.authentication.k8s.io/v1beta1"
  static let v1 = "client.authentication.k8s.io/v1"

  /// Counts its runs, records what it was given, and prints a token numbered by the run.
  static let countingPlugin = """
    #!/bin/sh
    count=$(cat "$RUN_COUNT" 2>/dev/null || echo 0)
    count=$((count + 1))
    echo "$count" > "$RUN_COUNT"
    printf '%s' "$KUBERNETES_EXEC_INFO" > "$EXEC_INFO_OUT"
    printf '%s' "$*" > "$ARGS_OUT"
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"exec-token-%s","expirationTimestamp":"2030-01-01T00:00:00Z"}}\\n' "$REPLY_API" "$count"

    """

  /// A kubeconfig whose user runs `command` with `apiVersion`; the plugin answers with `replyAPI`.
  static func kubeconfig(
    folder: KubeconfigTestFolder, command: String, apiVersion: String, replyAPI: String? = nil, extra: String = ""
  ) -> String {
    """
    current-context: main
    clusters:
    - name: lab
      cluster:
        server: https://exec.example:6443
        certificate-authority-data: \(TestPEM.base64(TestPEM.authority))
        tls-server-name: api.internal
        extensions:
        - name: client.authentication.k8s.io/exec
          extension: {audience: lab-audience}
    users:
    - name: u
      user:
        exec:
          apiVersion: \(apiVersion)
          command: \(command)
          args: [--cluster, lab]
          env:
          - {name: RUN_COUNT, value: \(folder.path)/count}
          - {name: EXEC_INFO_OUT, value: \(folder.path)/exec-info.json}
          - {name: ARGS_OUT, value: \(folder.path)/args}
          - {name: REPLY_API, value: \(replyAPI ?? apiVersion)}
    \(extra.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
    contexts:
    - name: main
      context: {cluster: lab, user: u}

    """
  }

  final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ text: String) { current = Mutex(ISO8601DateFormatter().date(from: text)!) }
    var now: Date { current.withLock { $0 } }
    func set(_ text: String) { current.withLock { $0 = ISO8601DateFormatter().date(from: text)! } }
  }

  func loader(_ folder: KubeconfigTestFolder, _ kubeconfig: String, clock: TestClock? = nil, terminal: Bool = false)
    -> KubeconfigLoader
  {
    var loader = folder.loader(kubeconfig: kubeconfig)
    if let clock { loader.execSettings.now = { clock.now } }
    loader.execSettings.stdinIsTerminal = { terminal }
    return loader
  }

  @Test func cachesUntilExpiryAndRunsAgainAfterInvalidateOrExpiry() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("bin/plugin.sh", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config", Self.kubeconfig(folder: folder, command: "./bin/plugin.sh", apiVersion: Self.v1beta1))
    let clock = TestClock("2029-12-31T23:00:00Z")
    let endpoint = try loader(folder, path, clock: clock).load()
    #expect(endpoint.origin.authentication == "exec plugin plugin.sh (\(Self.v1beta1))")
    let credentials = try #require(endpoint.credentials)

    #expect(try credentials.current() == [.bearerToken("exec-token-1")])
    #expect(try credentials.current() == [.bearerToken("exec-token-1")])
    #expect(try folder.read("count") == "1\n")

    credentials.invalidate()
    #expect(try credentials.current() == [.bearerToken("exec-token-2")])

    clock.set("2030-01-01T00:00:01Z")
    #expect(try credentials.current() == [.bearerToken("exec-token-3")])
    #expect(try folder.read("count") == "3\n")
  }

  @Test func clusterInfoArgumentsAndEnvironmentReachThePlugin() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("bin/plugin.sh", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config",
      Self.kubeconfig(
        folder: folder, command: "./bin/plugin.sh", apiVersion: Self.v1beta1, extra: "provideClusterInfo: true"))
    _ = try loader(folder, path).load().credentials?.current()

    let info = try JSON(parsing: try folder.read("exec-info.json"))
    #expect(info["apiVersion"] == .string(Self.v1beta1))
    #expect(info["kind"] == "ExecCredential")
    #expect(info[path: ["spec", "interactive"]] == .bool(false))
    #expect(info[path: ["spec", "cluster", "server"]] == "https://exec.example:6443")
    #expect(info[path: ["spec", "cluster", "tls-server-name"]] == "api.internal")
    #expect(
      info[path: ["spec", "cluster", "certificate-authority-data"]] == .string(TestPEM.base64(TestPEM.authority)))
    #expect(info[path: ["spec", "cluster", "config", "audience"]] == "lab-audience")
    #expect(try folder.read("args") == "--cluster lab")
  }

  @Test func withoutProvideClusterInfoTheSpecHasNoCluster() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("bin/plugin.sh", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config", Self.kubeconfig(folder: folder, command: "./bin/plugin.sh", apiVersion: Self.v1beta1))
    _ = try loader(folder, path).load().credentials?.current()
    let info = try JSON(parsing: try folder.read("exec-info.json"))
    #expect(info["spec"] == ["interactive": false], "\(info.serialized())")
  }

  @Test func v1PluginFoundOnPath() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("bin/lab-auth-plugin", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config",
      Self.kubeconfig(
        folder: folder, command: "lab-auth-plugin", apiVersion: Self.v1, extra: "interactiveMode: Never"))
    var loader = loader(folder, path)
    loader.environment["PATH"] = folder.path + "/bin:/usr/bin:/bin"
    let endpoint = try loader.load()
    #expect(try endpoint.credentials?.current() == [.bearerToken("exec-token-1")])
    #expect(endpoint.origin.authentication == "exec plugin lab-auth-plugin (\(Self.v1))")
  }

  @Test func interactiveModeAlwaysNeedsATerminal() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("plugin.sh", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config",
      Self.kubeconfig(folder: folder, command: "./plugin.sh", apiVersion: Self.v1, extra: "interactiveMode: Always"))
    let withoutTerminal = try #require(try loader(folder, path, terminal: false).load().credentials)
    let error = try #require(throws: KubeconfigError.self) { try withoutTerminal.current() }
    #expect(
      error.description.hasPrefix(
        "\(path):14:5: users[0].user.exec: exec plugin \(folder.path)/plugin.sh needs a terminal"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/count"))

    let withTerminal = try #require(try loader(folder, path, terminal: true).load().credentials)
    #expect(try withTerminal.current() == [.bearerToken("exec-token-1")])
    #expect(try JSON(parsing: try folder.read("exec-info.json"))[path: ["spec", "interactive"]] == .bool(true))
  }

  @Test func clientCertificateFromAPlugin() throws {
    let folder = try KubeconfigTestFolder()
    let certificate = TestPEM.certificate.replacingOccurrences(of: "\n", with: "\\\\n")
    let key = TestPEM.key.replacingOccurrences(of: "\n", with: "\\\\n")
    try folder.write(
      "cert-plugin.sh",
      """
      #!/bin/sh
      printf '{"apiVersion":"\(Self.v1)","kind":"ExecCredential","status":{"clientCertificateData":"\(certificate)","clientKeyData":"\(key)"}}'

      """, executable: true)
    let path = try folder.write(
      "config",
      Self.kubeconfig(folder: folder, command: "./cert-plugin.sh", apiVersion: Self.v1, extra: "interactiveMode: Never")
    )
    let credentials = try #require(try loader(folder, path).load().credentials)
    #expect(
      try credentials.current() == [
        .clientCertificate(certificatePEM: Data(TestPEM.certificate.utf8), keyPEM: Data(TestPEM.key.utf8))
      ])
  }

  @Test func apiVersionOfTheOutputIsChecked() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("plugin.sh", Self.countingPlugin, executable: true)
    let path = try folder.write(
      "config",
      Self.kubeconfig(
        folder: folder, command: "./plugin.sh", apiVersion: Self.v1, replyAPI: Self.v1beta1,
        extra: "interactiveMode: Never"))
    let credentials = try #require(try loader(folder, path).load().credentials)
    let error = try #require(throws: KubeconfigError.self) { try credentials.current() }
    #expect(
      error.message
        == """
        exec plugin \(folder.path)/plugin.sh returned no usable credential: it is configured to use API version \
        \(Self.v1), but the plugin returned version \(Self.v1beta1)
        """)
    #expect(!error.description.contains("exec-token"))
  }

  @Test func failingPluginReportsItsStderrButNeverItsToken() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write(
      "flaky.sh",
      """
      #!/bin/sh
      if [ -e "$RUN_COUNT" ]; then
        echo "refresh failed for exec-token-first-run-secret: session expired" >&2
        exit 3
      fi
      touch "$RUN_COUNT"
      printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"exec-token-first-run-secret"}}' "$REPLY_API"

      """, executable: true)
    let path = try folder.write(
      "config", Self.kubeconfig(folder: folder, command: "./flaky.sh", apiVersion: Self.v1beta1))
    let credentials = try #require(try loader(folder, path).load().credentials)
    #expect(try credentials.current() == [.bearerToken("exec-token-first-run-secret")])
    credentials.invalidate()
    let error = try #require(throws: KubeconfigError.self) { try credentials.current() }
    #expect(
      error.description
        == """
        \(path):14:5: users[0].user.exec: exec plugin \(folder.path)/flaky.sh failed with exit code 3; \
        stderr: refresh failed for REDACTED: session expired
        """)
  }

  @Test func missingPluginShowsTheInstallHint() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write(
      "config",
      Self.kubeconfig(
        folder: folder, command: "absent-auth-plugin", apiVersion: Self.v1beta1,
        extra: "installHint: 'Install it with: brew install absent-auth-plugin'"))
    let credentials = try #require(try loader(folder, path).load().credentials)
    let error = try #require(throws: KubeconfigError.self) { try credentials.current() }
    #expect(
      error.message.hasPrefix("exec plugin absent-auth-plugin not found: no executable absent-auth-plugin on PATH"))
    #expect(error.message.hasSuffix("Install it with: brew install absent-auth-plugin"))
  }

  @Test func hangingPluginIsStopped() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("hang.sh", "#!/bin/sh\nexec sleep 30\n", executable: true)
    let path = try folder.write(
      "config", Self.kubeconfig(folder: folder, command: "./hang.sh", apiVersion: Self.v1beta1))
    var loader = loader(folder, path)
    loader.execSettings.timeout = 1
    let credentials = try #require(try loader.load().credentials)
    let started = Date()
    let error = try #require(throws: KubeconfigError.self) { try credentials.current() }
    #expect(error.message.hasSuffix("did not finish within 1 s and was stopped"))
    #expect(Date().timeIntervalSince(started) < 10)
  }
}
