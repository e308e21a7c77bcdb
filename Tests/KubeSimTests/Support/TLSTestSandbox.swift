import Foundation
import KubeSim

/// A running AuthEchoServer with fresh sandbox credentials, and its CA and admin PEM files
/// written to a private temporary folder for command-line clients.
struct TLSTestSandbox {
  let credentials: SandboxCredentials
  let server: AuthEchoServer
  let files: TemporaryDirectory
  let caPath: String
  let clientCertificatePath: String
  let clientKeyPath: String

  var url: String { "https://127.0.0.1:\(server.port)/" }

  /// Starts a sandbox server, runs `body`, then stops the server and deletes the files.
  static func with<T>(_ body: (TLSTestSandbox) async throws -> T) async throws -> T {
    let credentials = try SandboxCredentials()
    let server = try await AuthEchoServer.start(
      sslContext: try credentials.pki.makeServerSSLContext(), authenticator: credentials.authenticator)
    let files = try TemporaryDirectory()
    let outcome: Result<T, Error>
    do {
      let sandbox = TLSTestSandbox(
        credentials: credentials,
        server: server,
        files: files,
        caPath: try files.write(credentials.pki.caCertificatePEM, to: "ca.pem"),
        clientCertificatePath: try files.write(credentials.pki.admin.certificatePEM, to: "client.pem"),
        clientKeyPath: try files.write(credentials.pki.admin.privateKeyPEM, to: "client-key.pem")
      )
      outcome = .success(try await body(sandbox))
    } catch {
      outcome = .failure(error)
    }
    files.remove()
    try await server.shutdown()
    return try outcome.get()
  }

  /// `curl -sS` against this sandbox with extra arguments; `-w` appends the HTTP status line.
  func curl(_ arguments: [String], path: String = "") async throws -> CommandLineTool.Result {
    try await CommandLineTool.curl.run(["-sS", "-w", "\n%{http_code} %{http_version}"] + arguments + [url + path])
  }
}
