/// One step into a decoded document: an object member or an array element.
public enum FieldPathComponent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
  case key(String)
  case index(Int)

  public init(stringLiteral value: String) { self = .key(value) }
  public init(integerLiteral value: Int) { self = .index(value) }
}

/// The path of a field in a decoded document, e.g. `["spec", "containers", 0, "image"]`, printed
/// `spec.containers[0].image` for messages.
public struct FieldPath: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
  public var components: [FieldPathComponent]

  public init(_ components: [FieldPathComponent] = []) {
    self.components = components
  }

  public init(arrayLiteral elements: FieldPathComponent...) {
    self.components = elements
  }

  public func appending(_ component: FieldPathComponent) -> FieldPath {
    FieldPath(components + [component])
  }

  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .index(let index): text += "[\(index)]"
      case .key(let key) where !key.isEmpty && key.allSatisfy({ $0.isLetter || $0.isNumber || "-_".contains($0) }):
        text += text.isEmpty ? key : "." + key
      case .key(let key): text += "[" + JSON.string(key).serialized() + "]"
      }
    }
    return text
  }
}

extension JSON {
  /// The value at a field path; nil when a step is missing or does not fit the value.
  public subscript(fieldPath path: FieldPath) -> JSON? {
    var current: JSON? = self
    for component in path.components {
      switch component {
      case .key(let key): current = current?[key]
      case .index(let index): current = current?[index]
      }
    }
    return current
  }
}
