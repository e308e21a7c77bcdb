import Foundation
import KubeModel

/// What an exec plugin printed: an ExecCredential whose status holds a token or a client
/// certificate and key, and maybe when they expire. Problems are described without quoting the
/// output, which holds the secret.
struct ExecCredentialOutput: Sendable {
  var credentials: [Credential]
  var expiry: Date?

  /// Parses `stdout`; `problem` is the message of the first thing wrong.
  init(stdout: Data, apiVersion: String) throws(Problem) {
    guard let json = try? JSON(parsing: stdout), let object = json.objectValue else {
      throw Problem("its output is not an ExecCredential JSON object")
    }
    let returnedVersion = object["apiVersion"]?.stringValue ?? ""
    guard returnedVersion == apiVersion else {
      let shown = returnedVersion.isEmpty ? "none" : returnedVersion
      throw Problem("it is configured to use API version \(apiVersion), but the plugin returned version \(shown)")
    }
    guard object["kind"]?.stringValue == "ExecCredential" else {
      throw Problem("its output is not of kind ExecCredential")
    }
    guard let status = object["status"]?.objectValue else { throw Problem("it did not return a status field") }
    let token = status["token"]?.stringValue ?? ""
    let certificate = status["clientCertificateData"]?.stringValue ?? ""
    let key = status["clientKeyData"]?.stringValue ?? ""
    guard !token.isEmpty || !certificate.isEmpty || !key.isEmpty else {
      throw Problem("it did not return a token or a client certificate and key")
    }
    guard certificate.isEmpty == key.isEmpty else {
      throw Problem("it returned only a client certificate or a key, not both")
    }
    credentials = []
    if !certificate.isEmpty {
      credentials.append(.clientCertificate(certificatePEM: Data(certificate.utf8), keyPEM: Data(key.utf8)))
    }
    if !token.isEmpty { credentials.append(.bearerToken(token)) }
    switch status["expirationTimestamp"] {
    case nil, .null?:
      expiry = nil
    case .string(let text)?:
      guard let date = RFC3339.date(from: text) else {
        throw Problem("its expirationTimestamp \"\(text)\" is not an RFC 3339 time")
      }
      expiry = date
    case let other?:
      throw Problem("its expirationTimestamp is a \(other.typeName), not an RFC 3339 time")
    }
  }

  struct Problem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }
}
