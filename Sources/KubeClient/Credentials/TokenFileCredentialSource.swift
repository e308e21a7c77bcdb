import Foundation

/// A bearer token read from a file that may be rotated (`tokenFile`, the in-cluster service account
/// token): the file is checked at every `current()` and read again when it changed.
struct TokenFileCredentialSource: CredentialSource, CustomStringConvertible {
  let file: WatchedFile
  /// Where the token file was configured, for messages.
  let location: KubeconfigLocation
  let description: String

  init(path: String, location: KubeconfigLocation, description: String) {
    self.file = WatchedFile(path: path)
    self.location = location
    self.description = description
  }

  func current() throws -> [Credential] {
    guard let contents = file.read() else { throw location.error("cannot read token file \(file.path)") }
    // Surrounding whitespace (a trailing newline) is not part of the token, as in client-go.
    let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty else { throw location.error("token file \(file.path) is empty") }
    return [.bearerToken(token)]
  }

  /// After a 401 the file is read again even if its stamp did not change.
  func invalidate() {
    file.forget()
  }
}
