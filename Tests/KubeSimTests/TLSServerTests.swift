import Foundation
import KubeModel
import KubeSim
import Testing

/// The sandbox TLS setup over real sockets, judged by the clients learners use: curl, kubectl, Python.
@Suite("Sandbox TLS over real sockets", .serialized, .enabled(if: CommandLineTool.curl.isInstalled))
struct TLSServerTests {
  /// The user the echo server reports in a 200 body.
  private func userName(in body: String) throws -> String? {
    try JSON(parsing: body)["user"]?.stringValue
  }

  @Test func clientCertificateAuthenticatesTheAdmin() async throws {
    try await TLSTestSandbox.with { sandbox in
      let result = try await sandbox.curl([
        "--cacert", sandbox.caPath, "--cert", sandbox.clientCertificatePath, "--key", sandbox.clientKeyPath,
      ])
      #expect(result.status == 0, "\(result.standardError)")
      let lines = result.standardOutput.split(separator: "\n")
      #expect(lines.last == "200 1.1")
      let body = try JSON(parsing: String(lines.first ?? ""))
      #expect(body["user"]?.stringValue == "kubernetes-admin")
      #expect(body["groups"] == ["kubeadm:cluster-admins", "system:authenticated"])
    }
  }

  @Test func bearerTokenAuthenticatesWithoutAClientCertificate() async throws {
    try await TLSTestSandbox.with { sandbox in
      let accepted = try await sandbox.curl([
        "--cacert", sandbox.caPath, "-H", "Authorization: Bearer \(sandbox.credentials.adminToken.secret)",
      ])
      #expect(accepted.standardOutput.hasSuffix("200 1.1"))
      #expect(try userName(in: String(accepted.standardOutput.split(separator: "\n")[0])) == "kubelab-admin")
      let rejected = try await sandbox.curl(["--cacert", sandbox.caPath, "-H", "Authorization: Bearer not-the-token"])
      #expect(rejected.standardOutput.hasSuffix("401 1.1"))
    }
  }

  @Test func requestWithoutCredentialsIsUnauthorized() async throws {
    try await TLSTestSandbox.with { sandbox in
      let result = try await sandbox.curl(["--cacert", sandbox.caPath])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.hasSuffix("401 1.1"))
    }
  }

  @Test func clientWithoutTheSandboxCAFailsVerification() async throws {
    try await TLSTestSandbox.with { sandbox in
      // curl's exit 60: the peer certificate cannot be authenticated with known CA certificates.
      let result = try await sandbox.curl([])
      #expect(result.status == 60)
    }
  }

  @Test func clientCertificateFromAnotherAuthorityIsRefused() async throws {
    try await TLSTestSandbox.with { sandbox in
      let stranger = try SandboxPKI().admin
      let certificate = try sandbox.files.write(stranger.certificatePEM, to: "stranger.pem")
      let key = try sandbox.files.write(stranger.privateKeyPEM, to: "stranger-key.pem")
      let result = try await sandbox.curl(["--cacert", sandbox.caPath, "--cert", certificate, "--key", key])
      #expect(result.status != 0)
      #expect(!result.standardOutput.contains("200"))
    }
  }

  @Test func serverCertificateCannotBeUsedAsAClientCertificate() async throws {
    try await TLSTestSandbox.with { sandbox in
      // Signed by the right CA, but its extended key usage is serverAuth only, as kube-apiserver demands clientAuth.
      let server = sandbox.credentials.pki.server
      let certificate = try sandbox.files.write(server.certificatePEM, to: "server.pem")
      let key = try sandbox.files.write(server.privateKeyPEM, to: "server-key.pem")
      let result = try await sandbox.curl(["--cacert", sandbox.caPath, "--cert", certificate, "--key", key])
      #expect(result.status != 0)
      #expect(!result.standardOutput.contains("200"))
    }
  }

  @Test func serverAnswersToItsClusterNamesOnly() async throws {
    try await TLSTestSandbox.with { sandbox in
      func status(asHost host: String) async throws -> Int32 {
        let url = "https://\(host):\(sandbox.server.port)/"
        return try await CommandLineTool.curl.run([
          "-sS", "-o", "/dev/null", "--cacert", sandbox.caPath, "--resolve", "\(host):\(sandbox.server.port):127.0.0.1",
          url,
        ]).status
      }
      var statuses: [Int32] = []
      for host in ["kubernetes.default.svc.cluster.local", "controlplane", "not-the-cluster.example"] {
        statuses.append(try await status(asHost: host))
      }
      #expect(statuses == [0, 0, 60])
    }
  }

  @Test func alpnSettlesOnHTTP1EvenWhenTheClientOffersHTTP2() async throws {
    try await TLSTestSandbox.with { sandbox in
      let result = try await sandbox.curl(["--http2", "--cacert", sandbox.caPath])
      #expect(result.standardOutput.hasSuffix("401 1.1"), "\(result.standardError)")
    }
  }

  @Test(.enabled(if: CommandLineTool.python.isInstalled))
  func pythonSSLConnectsWithTheCAAndClientCertificate() async throws {
    try await TLSTestSandbox.with { sandbox in
      let script = """
        import ssl, sys, urllib.request
        url, ca, cert, key = sys.argv[1:5]
        context = ssl.create_default_context(cafile=ca)
        context.load_cert_chain(cert, key)
        print(urllib.request.urlopen(url, context=context).read().decode())
        """
      let result = try await CommandLineTool.python.run([
        "-c", script, sandbox.url, sandbox.caPath, sandbox.clientCertificatePath, sandbox.clientKeyPath,
      ])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(try userName(in: result.standardOutput) == "kubernetes-admin")
    }
  }

  @Test(arguments: ["1.27", "1.33"])
  func kubectlAuthenticatesWithKubeconfigCredentials(version: String) async throws {
    let kubectl = try #require(CommandLineTool.kubectl(version: version), "kubectl.\(version) is not installed")
    try await TLSTestSandbox.with { sandbox in
      let pki = sandbox.credentials.pki
      let cache = sandbox.files.url.appendingPathComponent("kube-cache").path
      func get(user: String) async throws -> CommandLineTool.Result {
        let kubeconfig = try sandbox.files.write(
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: sandbox
            cluster:
              server: https://127.0.0.1:\(sandbox.server.port)
              certificate-authority-data: \(Data(pki.caCertificatePEM.utf8).base64EncodedString())
          users:
          - name: sandbox-user
            user:
          \(user)
          contexts:
          - name: sandbox
            context: {cluster: sandbox, user: sandbox-user}
          current-context: sandbox
          """, to: "kubeconfig")
        return try await kubectl.run(
          ["--kubeconfig", kubeconfig, "get", "--raw", "/"], environment: ["KUBECACHEDIR": cache])
      }
      let byCertificate = try await get(
        user: """
              client-certificate-data: \(Data(pki.admin.certificatePEM.utf8).base64EncodedString())
              client-key-data: \(Data(pki.admin.privateKeyPEM.utf8).base64EncodedString())
          """)
      #expect(byCertificate.status == 0, "\(byCertificate.standardError)")
      #expect(try userName(in: byCertificate.standardOutput) == "kubernetes-admin")

      let byToken = try await get(user: "    token: \(sandbox.credentials.adminToken.secret)")
      #expect(byToken.status == 0, "\(byToken.standardError)")
      #expect(try userName(in: byToken.standardOutput) == "kubelab-admin")

      // (kubectl would prompt for a user name given no credential at all; curl covers anonymity.)
      let wrongToken = try await get(user: "    token: not-the-token")
      #expect(wrongToken.status != 0)
      #expect(wrongToken.standardError.contains("You must be logged in to the server"), "\(wrongToken.standardError)")
    }
  }
}
