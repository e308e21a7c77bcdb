import Foundation
import NIOHTTP1

/// Which WebSocket upgrades reach a terminal: `/terminal/<id>` of a terminal that exists, with
/// the access token, from a page this server served (its Origin is this server's own address).
/// A page of another site could otherwise drive the learner's shell through their browser.
enum TerminalRoute {
  static let prefix = "/terminal/"

  static func accepts(_ head: HTTPRequestHead, token: AccessToken, terminals: TerminalRegistry) -> Bool {
    guard token.admits(head), let origin = head.headers.first(name: "Origin"),
      let host = head.headers.first(name: "Host"), origin == "http://" + host
    else { return false }
    return terminal(head, terminals: terminals) != nil
  }

  static func terminal(_ head: HTTPRequestHead, terminals: TerminalRegistry) -> TerminalSession? {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
    guard path.hasPrefix(prefix) else { return nil }
    return terminals.session(String(path.dropFirst(prefix.count)))
  }
}
