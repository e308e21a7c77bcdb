import OrderedCollections

/// An object's members, in the order they were written.
public typealias JSONObject = OrderedDictionary<String, JSON>

/// A JSON value that keeps object keys in order and integers exact, as Kubernetes objects need.
public enum JSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object(JSONObject)
}

extension JSON {
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The value as an integer; a double counts when it has no fraction.
  public var intValue: Int? {
    switch self {
    case .int(let value): return value
    case .double(let value) where value.rounded() == value && abs(value) < 9.2e18: return Int(value)
    default: return nil
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  public var arrayValue: [JSON]? {
    if case .array(let value) = self { return value }
    return nil
  }

  public var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// The member `key` of an object; nil for a missing key or a value that is not an object.
  public subscript(key: String) -> JSON? {
    get {
      guard case .object(let object) = self else { return nil }
      return object[key]
    }
    set {
      guard case .object(var object) = self else {
        if let newValue { self = .object([key: newValue]) }
        return
      }
      self = .null  // release the storage so the edit below does not copy it
      object[key] = newValue
      self = .object(object)
    }
  }

  /// The element at `index` of an array; nil when out of range or not an array.
  public subscript(index: Int) -> JSON? {
    guard case .array(let array) = self, array.indices.contains(index) else { return nil }
    return array[index]
  }

  /// The value at a path of object keys, e.g. `["metadata", "name"]`.
  public subscript(path path: [String]) -> JSON? {
    get {
      var current: JSON? = self
      for key in path { current = current?[key] }
      return current
    }
    set {
      guard let first = path.first else {
        if let newValue { self = newValue }
        return
      }
      var child = self[first] ?? .object([:])
      if child.objectValue == nil && path.count > 1 { child = .object([:]) }
      child[path: Array(path.dropFirst())] = newValue
      if path.count == 1 {
        self[first] = newValue
      } else {
        self[first] = child
      }
    }
  }

  /// A short name for the value's type, as error messages name it.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .int: return "integer"
    case .double: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// Go's notion of a value's truthiness-free emptiness: used where `omitempty` would drop it.
  public var isEmptyValue: Bool {
    switch self {
    case .null: return true
    case .bool(let value): return !value
    case .int(let value): return value == 0
    case .double(let value): return value == 0
    case .string(let value): return value.isEmpty
    case .array(let value): return value.isEmpty
    case .object(let value): return value.isEmpty
    }
  }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
  }
}
