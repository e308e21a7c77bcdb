import Foundation
import KubeModel

/// A request that asked for `as=Table` gets server-side printed rows instead of objects.
struct TableNegotiation {
  /// Ages are printed against the cluster's clock, which a test may have moved.
  let clock: any SandboxClock

  init?(_ request: APIRequest, clock: any SandboxClock) {
    guard let accept = request.header("Accept"), accept.contains("as=Table") else { return nil }
    self.clock = clock
  }

  func render(
    _ objects: [JSON], _ resource: ServedResource, resourceVersion: Int, continueToken: String? = nil,
    includeColumnDefinitions: Bool = true
  ) -> JSON {
    var table = TableResponse.table(
      resource: resource.plural, group: resource.group, objects: objects, resourceVersion: String(resourceVersion),
      now: clock.now, includeColumnDefinitions: includeColumnDefinitions)
    if let continueToken { table[path: ["metadata", "continue"]] = .string(continueToken) }
    return table
  }
}
