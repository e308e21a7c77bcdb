import Foundation
import KubeModel

/// JSON patch (RFC 6902), the body of `application/json-patch+json` requests
/// (`kubectl patch --type json`, list bodies from the Python client). Error messages follow the
/// wording of the json-patch library the API server uses, so they name the failing operation.
public enum JSONPatch {

  /// Applies the operations in order; the first failing one stops the patch.
  public static func apply(_ patch: JSON, to document: JSON) throws -> JSON {
    guard let operations = patch.arrayValue else {
      throw PatchError(
        "a JSON patch must be a list of operations, not \(patch.typeName == "object" ? "an" : "a") \(patch.typeName)")
    }
    var document = document
    for operation in operations {
      try apply(operation, to: &document)
    }
    return document
  }

  private static func apply(_ operation: JSON, to document: inout JSON) throws {
    guard operation.objectValue != nil else {
      throw PatchError("each operation of a JSON patch must be an object, not \(operation.serialized())")
    }
    guard let op = operation["op"]?.stringValue else {
      throw PatchError("Unexpected kind: unknown", statusCode: 422)
    }
    guard let pathText = operation["path"]?.stringValue else {
      throw PatchError("\(op) operation failed to decode path: missing value", statusCode: 422)
    }
    let path = try JSONPointer(pathText)
    switch op {
    case "add":
      try add(requiredValue(of: operation, op: op), at: path, in: &document, op: op)
    case "remove":
      try remove(at: path, in: &document)
    case "replace":
      try replace(at: path, with: requiredValue(of: operation, op: op), in: &document)
    case "move":
      let from = try source(of: operation, op: op)
      guard !from.isPrefix(of: path) || from == path else {
        throw PatchError("move operation cannot move \(from) into its own child \(path)", statusCode: 422)
      }
      guard let value = value(at: from, in: document) else {
        throw PatchError(
          "move operation does not apply: doc is missing from path: \(from): missing value", statusCode: 422)
      }
      try remove(at: from, in: &document)
      try add(value, at: path, in: &document, op: op)
    case "copy":
      let from = try source(of: operation, op: op)
      guard let value = value(at: from, in: document) else {
        throw PatchError(
          "copy operation does not apply: doc is missing from path: \(from): missing value", statusCode: 422)
      }
      try add(value, at: path, in: &document, op: op)
    case "test":
      let expected = try requiredValue(of: operation, op: op)
      let actual = value(at: path, in: document) ?? .null
      guard actual.isSemanticallyEqual(to: expected) else {
        throw PatchError("testing value \(path) failed: test failed", statusCode: 422)
      }
    default:
      throw PatchError("Unexpected kind: \(op)", statusCode: 422)
    }
  }

  private static func requiredValue(of operation: JSON, op: String) throws -> JSON {
    guard let value = operation["value"] else {
      throw PatchError("\(op) operation, missing value field: missing value", statusCode: 422)
    }
    return value
  }

  private static func source(of operation: JSON, op: String) throws -> JSONPointer {
    guard let from = operation["from"]?.stringValue else {
      throw PatchError("\(op) operation, missing from field: missing value", statusCode: 422)
    }
    return try JSONPointer(from)
  }

  /// The value a pointer names, or nil when the document has nothing there.
  static func value(at pointer: JSONPointer, in document: JSON) -> JSON? {
    var current = document
    for token in pointer.tokens {
      switch current {
      case .object(let members):
        guard let member = members[token] else { return nil }
        current = member
      case .array(let items):
        guard let index = arrayIndex(token), items.indices.contains(index) else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }

  private static func add(_ value: JSON, at path: JSONPointer, in document: inout JSON, op: String) throws {
    document = try editing(document, parentOf: path, op: op) { parent, key in
      switch parent {
      case .object(var members):
        members[key] = value
        parent = .object(members)
      case .array(var items):
        if key == "-" {
          items.append(value)
        } else {
          guard let index = arrayIndex(key), index <= items.count else {
            throw PatchError(
              "error in \(op) for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced",
              statusCode: 422)
          }
          items.insert(value, at: index)
        }
        parent = .array(items)
      default:
        throw PatchError(
          "\(op) operation does not apply: doc is missing path: \"\(path)\": missing value", statusCode: 422)
      }
    } whole: {
      value
    }
  }

  private static func remove(at path: JSONPointer, in document: inout JSON) throws {
    document = try editing(document, parentOf: path, op: "remove") { parent, key in
      switch parent {
      case .object(var members):
        guard members.removeValue(forKey: key) != nil else {
          throw PatchError(
            "error in remove for path: '\(path)': Unable to remove nonexistent key: \(key): missing value",
            statusCode: 422)
        }
        parent = .object(members)
      case .array(var items):
        guard let index = arrayIndex(key), items.indices.contains(index) else {
          throw PatchError(
            "error in remove for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced",
            statusCode: 422)
        }
        items.remove(at: index)
        parent = .array(items)
      default:
        throw PatchError(
          "remove operation does not apply: doc is missing path: \"\(path)\": missing value", statusCode: 422)
      }
    } whole: {
      throw PatchError("remove operation cannot remove the whole document", statusCode: 422)
    }
  }

  private static func replace(at path: JSONPointer, with value: JSON, in document: inout JSON) throws {
    let missing = PatchError(
      "replace operation does not apply: doc is missing key: \(path): missing value", statusCode: 422)
    document = try editing(document, parentOf: path, op: "replace") { parent, key in
      switch parent {
      case .object(var members):
        guard members[key] != nil else { throw missing }
        members[key] = value
        parent = .object(members)
      case .array(var items):
        guard let index = arrayIndex(key), items.indices.contains(index) else {
          throw PatchError(
            "error in replace for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced",
            statusCode: 422)
        }
        items[index] = value
        parent = .array(items)
      default:
        throw missing
      }
    } whole: {
      value
    }
  }

  /// The document after `edit` changed the container holding the last token of `path`; `whole`
  /// gives the new document instead when the path names the document itself.
  private static func editing(
    _ document: JSON, parentOf path: JSONPointer, op: String,
    _ edit: (inout JSON, String) throws -> Void, whole: () throws -> JSON
  ) throws -> JSON {
    guard let last = path.tokens.last else {
      return try whole()
    }
    let parentPointer = JSONPointer(tokens: Array(path.tokens.dropLast()))
    guard var parent = value(at: parentPointer, in: document) else {
      throw PatchError(
        "\(op) operation does not apply: doc is missing path: \"\(path)\": missing value", statusCode: 422)
    }
    try edit(&parent, last)
    return replacing(parentPointer.tokens[...], in: document, with: parent)
  }

  /// The document with the value at `tokens` (known to exist) replaced.
  private static func replacing(_ tokens: ArraySlice<String>, in document: JSON, with value: JSON) -> JSON {
    guard let first = tokens.first else { return value }
    switch document {
    case .object(var members):
      members[first] = replacing(tokens.dropFirst(), in: members[first] ?? .null, with: value)
      return .object(members)
    case .array(var items):
      guard let index = arrayIndex(first), items.indices.contains(index) else { return document }
      items[index] = replacing(tokens.dropFirst(), in: items[index], with: value)
      return .array(items)
    default:
      return document
    }
  }

  /// An array index token: decimal digits only, as RFC 6901 requires.
  private static func arrayIndex(_ token: String) -> Int? {
    guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber) else { return nil }
    return Int(token)
  }
}

extension JSONPointer {
  /// A pointer made of already unescaped tokens.
  fileprivate init(tokens: [String]) {
    self.tokens = tokens
    description = tokens.map {
      "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
    .joined()
  }
}
