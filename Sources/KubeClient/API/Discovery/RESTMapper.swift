/// Resolves what a user types for a resource type (`po`, `pods`, `pod`, `Pod`, `deploy`,
/// `deployments.apps`, `deployments.v1.apps`, `Deployment.apps`) to one discovered resource.
///
/// Like kubectl's priority REST mapper, when several groups serve a name the earliest group in
/// discovery order wins: the core group first, then groups in the order `/apis` lists them, and
/// within a group its preferred version first. So `ev` and `events` are core v1 events, not
/// events.k8s.io ones.
public struct RESTMapper: Sendable {
  /// Top-level resources (no subresources) in priority order.
  public let resources: [ResourceRef]

  public init(resources: [ResourceRef]) {
    self.resources = resources
  }

  /// The resource `text` names, or `KubeClientError.unknownResource`.
  public func resolve(_ text: String) throws -> ResourceRef {
    let lowered = text.lowercased()
    for query in Self.queries(lowered) {
      // Full names beat abbreviations: a plural or singular name anywhere wins over a short name,
      // and a short name over a kind.
      for matches in Self.matchers {
        if let found = resources.first(where: { query.admits($0) && matches($0, query.name) }) { return found }
      }
    }
    throw KubeClientError.unknownResource(text)
  }

  private struct Query {
    var name: String
    var version: String?
    var group: String?

    func admits(_ resource: ResourceRef) -> Bool {
      (group == nil || resource.group == group) && (version == nil || resource.version == version)
    }
  }

  /// The readings of `resource.version.group` and `resource.group`, most specific first, as
  /// kubectl parses a resource argument.
  private static func queries(_ text: String) -> [Query] {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count > 1 else { return [Query(name: text)] }
    var queries: [Query] = []
    if parts.count > 2 {
      queries.append(Query(name: parts[0], version: parts[1], group: parts[2...].joined(separator: ".")))
    }
    queries.append(Query(name: parts[0], group: parts[1...].joined(separator: ".")))
    return queries
  }

  private static let matchers: [@Sendable (ResourceRef, String) -> Bool] = [
    { resource, name in resource.resource == name },
    { resource, name in resource.singularName == name },
    { resource, name in resource.shortNames.contains(name) },
    { resource, name in resource.kind.lowercased() == name },
  ]
}
