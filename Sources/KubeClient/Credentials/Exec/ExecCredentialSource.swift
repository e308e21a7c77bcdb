import Foundation
import Synchronization

/// Credentials from an exec plugin, cached until their `expirationTimestamp` (or until a 401 makes
/// the transport call `invalidate()`), then fetched by running the plugin again.
final class ExecCredentialSource: CredentialSource, CustomStringConvertible, Sendable {
  let plugin: ExecPlugin
  private let state = Mutex(State())

  private struct State {
    var cached: ExecCredentialOutput?
    /// Secrets the plugin returned so far, kept only to remove them from its later error output.
    var issuedSecrets: [String] = []
  }

  init(plugin: ExecPlugin) {
    self.plugin = plugin
  }

  func current() throws -> [Credential] {
    try state.withLock { state in
      if let cached = state.cached, cached.expiry.map({ plugin.settings.now() < $0 }) ?? true {
        return cached.credentials
      }
      // Running under the lock makes concurrent requests share one plugin run, as client-go does.
      let fresh = try plugin.run(redacting: state.issuedSecrets)
      state.cached = fresh
      state.issuedSecrets = Array(Set(state.issuedSecrets + fresh.credentials.flatMap(\.secrets)))
      return fresh.credentials
    }
  }

  func invalidate() {
    state.withLock { $0.cached = nil }
  }

  var description: String {
    "exec plugin \(plugin.name) (\(plugin.apiVersion))"
  }
}
