/// A kind in a group version, e.g. `apps/v1, Kind=Deployment`.
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var version: String
  public var kind: String

  public init(group: String, version: String, kind: String) {
    self.group = group
    self.version = version
    self.kind = kind
  }

  /// From an object's `apiVersion` and `kind`.
  public init(apiVersion: String, kind: String) throws {
    let groupVersion = try GroupVersion(parsing: apiVersion)
    self.init(group: groupVersion.group, version: groupVersion.version, kind: kind)
  }

  public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
  public var groupKind: GroupKind { GroupKind(group: group, kind: kind) }
  /// The `apiVersion` field value.
  public var apiVersion: String { groupVersion.description }

  /// As `schema.GroupVersionKind.String()`: `apps/v1, Kind=Deployment`.
  public var description: String { "\(groupVersion), Kind=\(kind)" }
}
