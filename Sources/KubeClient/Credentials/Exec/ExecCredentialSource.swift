import Foundation

/// Credentials from an exec plugin, cached until their `expirationTimestamp` (or until a 401 makes
/// the transport call `invalidate()`), then fetched by running the plugin again.
final class ExecCredentialSource: CredentialSource, CustomStringConvertible, @unchecked Sendable {
  let plugin: ExecPlugin
  private let lock = NSLock()
  private var cached: ExecCredentialOutput?
  /// Secrets the plugin returned so far, kept only to remove them from its later error output.
  private var issuedSecrets: [String] = []

  init(plugin: ExecPlugin) {
    self.plugin = plugin
  }

  func current() throws -> [Credential] {
    try lock.withLock {
      if let cached, cached.expiry.map({ plugin.settings.now() < $0 }) ?? true {
        return cached.credentials
      }
      // Running under the lock makes concurrent requests share one plugin run, as client-go does.
      let fresh = try plugin.run(redacting: issuedSecrets)
      cached = fresh
      issuedSecrets = Array(Set(issuedSecrets + fresh.credentials.flatMap(\.secrets)))
      return fresh.credentials
    }
  }

  func invalidate() {
    lock.withLock { cached = nil }
  }

  var description: String {
    "exec plugin \(plugin.name) (\(plugin.apiVersion))"
  }
}
