/// Several sources presented together, as when a user has a client certificate and a token.
struct CombinedCredentialSource: CredentialSource, CustomStringConvertible {
  let sources: [any CredentialSource]

  func current() throws -> [Credential] {
    try sources.flatMap { try $0.current() }
  }

  func invalidate() {
    for source in sources { source.invalidate() }
  }

  var description: String {
    sources.map { String(describing: $0) }.joined(separator: " + ")
  }
}
