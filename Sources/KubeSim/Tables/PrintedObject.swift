import Foundation
import KubeModel

/// A read-only view of an object that answers Go's zero value for a missing field.
///
/// The real printers read typed Go structs, where an absent string is "" and an absent count is 0;
/// reading JSON through this view keeps the cell computations as direct as theirs.
struct PrintedObject: Sendable {
  let json: JSON

  init(_ json: JSON) {
    self.json = json
  }

  /// The value at a path of object keys; a missing member reads as null.
  subscript(_ path: String...) -> PrintedObject {
    PrintedObject(json[path: path] ?? .null)
  }

  /// Whether the field is present: Go's `pointer != nil`.
  var isSet: Bool { !json.isNull }

  var string: String { json.stringValue ?? "" }

  /// The string, or nil when absent: Go's `*string`.
  var optionalString: String? { json.stringValue }

  var int: Int { json.intValue ?? 0 }

  /// The integer, or nil when absent: Go's `*int32`.
  var optionalInt: Int? { json.intValue }

  var bool: Bool { json.boolValue ?? false }

  var items: [PrintedObject] { (json.arrayValue ?? []).map(PrintedObject.init) }

  /// The members of an object, in stored order.
  var members: [(key: String, value: PrintedObject)] {
    (json.objectValue ?? [:]).map { (key: $0.key, value: PrintedObject($0.value)) }
  }

  /// The number of elements of an array or members of an object: Go's `len`.
  var count: Int {
    switch json {
    case .array(let array): return array.count
    case .object(let object): return object.count
    default: return 0
    }
  }

  /// A string-to-string map such as labels or a selector.
  var stringMap: [String: String] {
    var map: [String: String] = [:]
    for (key, value) in members { map[key] = value.string }
    return map
  }

  /// The field as a timestamp; nil when absent or malformed (Go's zero time).
  var time: Date? { json.stringValue.flatMap(APITimestamp.date) }

  var name: String { self["metadata", "name"].string }

  /// The AGE cell: time since `metadata.creationTimestamp`.
  func age(at now: Date) -> JSON {
    .string(HumanDuration.since(self["metadata", "creationTimestamp"].time, now: now))
  }

  /// An IntOrString field as Go's `IntOrString.String()` prints it.
  var intOrString: String {
    if let value = json.intValue { return String(value) }
    return string
  }
}

extension PrintedObject {
  /// A resource quantity as written (`500m`, `1Gi`, `10`); a missing one is zero.
  ///
  /// The real server prints quantities in canonical form; stored quantities are shown as given.
  var quantity: String {
    switch json {
    case .string(let text): return text
    case .int(let value): return String(value)
    case .double(let value): return String(value)
    default: return "0"
    }
  }
}
