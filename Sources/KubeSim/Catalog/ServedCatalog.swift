import Foundation
import KubeModel

/// Every resource the sandbox serves, grouped by API group in the order discovery lists them.
public struct ServedCatalog: Sendable {
  public struct GroupVersionResources: Sendable {
    public var group: String
    public var version: String
    public var resources: [ServedResource]

    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
  }

  public let groups: [GroupVersionResources]
  private let byGroupVersionPlural: [String: ServedResource]
  private let byAPIVersionKind: [String: ServedResource]

  public init(groups: [GroupVersionResources]) {
    self.groups = groups
    var byPlural: [String: ServedResource] = [:]
    var byKind: [String: ServedResource] = [:]
    for group in groups {
      for resource in group.resources {
        byPlural["\(group.groupVersion)/\(resource.plural)"] = resource
        byKind["\(group.groupVersion)/\(resource.kind)"] = byKind["\(group.groupVersion)/\(resource.kind)"] ?? resource
      }
    }
    byGroupVersionPlural = byPlural
    byAPIVersionKind = byKind
  }

  /// The named API groups (all but the core group), each once, in the catalogue's order: the
  /// order discovery lists them in, legacy and aggregated alike.
  var groupNames: [String] {
    var names: [String] = []
    for entry in groups where !entry.group.isEmpty && !names.contains(entry.group) { names.append(entry.group) }
    return names
  }

  /// The catalog shipped in Data/resources.json.
  public static let builtIn: ServedCatalog = {
    do {
      guard let url = Bundle.module.url(forResource: "resources", withExtension: "json", subdirectory: "Data") else {
        throw CatalogError(message: "Data/resources.json is missing from the KubeSim bundle")
      }
      return try ServedCatalog(json: JSON(parsing: Data(contentsOf: url)))
    } catch {
      // The file ships with the binary: failing to read it is a packaging fault, not bad input.
      preconditionFailure("the built-in resource catalog cannot be read: \(error)")
    }
  }()

  public func resource(groupVersion: String, plural: String) -> ServedResource? {
    byGroupVersionPlural["\(groupVersion)/\(plural)"]
  }

  public func resource(apiVersion: String, kind: String) -> ServedResource? {
    byAPIVersionKind["\(apiVersion)/\(kind)"]
  }

  public func resource(group: String, plural: String) -> ServedResource? {
    groups.lazy.filter { $0.group == group }.compactMap { $0.resources.first { $0.plural == plural } }.first
  }

  public var allResources: [ServedResource] { groups.flatMap(\.resources) }
}

struct CatalogError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

extension ServedCatalog {
  init(json: JSON) throws {
    guard let groupList = json["groups"]?.arrayValue else {
      throw CatalogError(message: "resources.json: `groups` must be a list")
    }
    self.init(
      groups: try groupList.map { entry in
        guard let version = entry["version"]?.stringValue, let resources = entry["resources"]?.arrayValue else {
          throw CatalogError(message: "resources.json: a group needs `version` and `resources`")
        }
        let group = entry["group"]?.stringValue ?? ""
        return GroupVersionResources(
          group: group, version: version,
          resources: try resources.map { try ServedResource(json: $0, group: group, version: version) })
      })
  }
}

extension ServedResource {
  init(json: JSON, group: String, version: String) throws {
    guard let plural = json["plural"]?.stringValue, let kind = json["kind"]?.stringValue else {
      throw CatalogError(message: "resources.json: a resource needs `plural` and `kind`")
    }
    self.group = group
    self.version = version
    self.plural = plural
    self.kind = kind
    singular = json["singular"]?.stringValue ?? kind.lowercased()
    namespaced = json["namespaced"]?.boolValue ?? true
    verbs = json["verbs"]?.arrayValue?.compactMap(\.stringValue) ?? []
    shortNames = json["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
    categories = json["categories"]?.arrayValue?.compactMap(\.stringValue) ?? []
    fieldSelectors = json["fieldSelectors"]?.arrayValue?.compactMap(\.stringValue) ?? []
    tracksGeneration = json["tracksGeneration"]?.boolValue ?? false
    var subresources: [String: Subresource] = [:]
    for (name, value) in json["subresources"]?.objectValue ?? [:] {
      subresources[name] = Subresource(
        group: value["group"]?.stringValue, version: value["version"]?.stringValue,
        kind: value["kind"]?.stringValue ?? kind,
        verbs: value["verbs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
    self.subresources = subresources
  }
}
