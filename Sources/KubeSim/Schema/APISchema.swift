import Foundation
import KubeModel

/// The Kubernetes API types the sandbox serves, as distilled by scripts/generate-api-schema.py.
public struct APISchema: Sendable {
  /// Type names by apiVersion, then kind.
  public private(set) var kindTypes: [String: [String: String]]
  public private(set) var types: [String: SchemaType]

  /// The schema bundled with KubeSim (Data/api-schema.json), read once.
  public static let builtIn: APISchema = {
    do {
      return try loadBundled()
    } catch {
      // The file ships inside the module; failing to read it is a packaging bug, not bad input.
      preconditionFailure("KubeSim's bundled api-schema.json is unusable: \(error)")
    }
  }()

  static func loadBundled() throws -> APISchema {
    guard let url = Bundle.module.url(forResource: "api-schema", withExtension: "json", subdirectory: "Data")
    else { throw APISchemaError("api-schema.json is missing from the KubeSim bundle") }
    return try APISchema(document: try JSON(parsing: try Data(contentsOf: url)))
  }

  /// Reads a document in the format written by scripts/generate-api-schema.py.
  public init(document: JSON) throws {
    guard let kinds = document["kinds"]?.objectValue, let types = document["types"]?.objectValue else {
      throw APISchemaError("a schema document needs the objects \"kinds\" and \"types\"")
    }
    kindTypes = [:]
    for (apiVersion, byKind) in kinds {
      guard let byKind = byKind.objectValue else { throw APISchemaError("kinds of \(apiVersion) are not an object") }
      for (kind, typeName) in byKind {
        guard let typeName = typeName.stringValue else {
          throw APISchemaError("the type of \(apiVersion) \(kind) is not a string")
        }
        kindTypes[apiVersion, default: [:]][kind] = typeName
      }
    }
    self.types = [:]
    for (name, entry) in types {
      self.types[name] = try Self.schemaType(named: name, entry: entry)
    }
    for (name, type) in self.types {
      for (field, entry) in type.fields {
        if let missing = entry.shape.referencedTypeName, self.types[missing] == nil {
          throw APISchemaError("\(name).\(field) refers to the undefined type \(missing)")
        }
      }
    }
  }

  /// The type of the objects of `kind` in `apiVersion` (e.g. "apps/v1", "Deployment").
  public func type(apiVersion: String, kind: String) -> SchemaType? {
    guard let name = kindTypes[apiVersion]?[kind] else { return nil }
    return types[name]
  }

  /// The type called `name` (e.g. "core.v1.PodSpec").
  public func type(named name: String) -> SchemaType? {
    types[name]
  }

  private static func schemaType(named name: String, entry: JSON) throws -> SchemaType {
    if let free = entry["free"] {
      guard let freeForm = free.stringValue.flatMap(SchemaType.FreeForm.init(rawValue:)) else {
        throw APISchemaError("\(name) has an unknown free form \(free.serialized())")
      }
      return SchemaType(name: name, fields: [:], freeForm: freeForm)
    }
    guard let fieldEntries = entry["f"]?.objectValue else { throw APISchemaError("\(name) has no fields") }
    var fields: [String: SchemaField] = [:]
    for (field, fieldEntry) in fieldEntries {
      fields[field] = try schemaField(fieldEntry, at: "\(name).\(field)")
    }
    let required = entry["r"]?.arrayValue?.compactMap(\.stringValue) ?? []
    return SchemaType(name: name, fields: fields, requiredFields: required)
  }

  private static func schemaField(_ entry: JSON, at location: String) throws -> SchemaField {
    guard let notation = entry.stringValue ?? entry["t"]?.stringValue else {
      throw APISchemaError("\(location) has no readable shape: \(entry.serialized())")
    }
    // `<shape>@<protobuf location>`; the location is absent for fields protobuf does not carry.
    let parts = notation.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    guard let shape = FieldShape(notation: parts[0]) else {
      throw APISchemaError("\(location) has no readable shape: \(entry.serialized())")
    }
    var protobuf: ProtobufLocation?
    if parts.count == 2 {
      guard let parsed = ProtobufLocation(notation: parts[1]) else {
        throw APISchemaError("\(location) has no readable protobuf location: \(entry.serialized())")
      }
      protobuf = parsed
    }
    return SchemaField(
      shape: shape,
      patchStrategy: entry["ps"]?.stringValue,
      mergeKey: entry["mk"]?.stringValue,
      listType: entry["lt"]?.stringValue,
      listMapKeys: entry["lk"]?.arrayValue?.compactMap(\.stringValue) ?? [],
      protobuf: protobuf
    )
  }
}

extension FieldShape {
  /// The named type at the bottom of lists and maps, if any.
  var referencedTypeName: String? {
    switch self {
    case .type(let name): return name
    case .list(let element), .map(let element): return element.referencedTypeName
    default: return nil
    }
  }
}
