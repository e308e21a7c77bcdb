/// A resource in a group version, e.g. `apps/v1, Resource=deployments`.
public struct GroupVersionResource: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var version: String
  public var resource: String

  public init(group: String, version: String, resource: String) {
    self.group = group
    self.version = version
    self.resource = resource
  }

  public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
  public var groupResource: GroupResource { GroupResource(group: group, resource: resource) }

  /// As `schema.GroupVersionResource.String()`: `apps/v1, Resource=deployments`.
  public var description: String { "\(groupVersion), Resource=\(resource)" }
}
