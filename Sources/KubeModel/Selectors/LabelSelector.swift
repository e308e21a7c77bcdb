/// A label selector: all of its requirements must hold. Parsed from the `-l` / `labelSelector=`
/// syntax (`app=web,tier in (a,b),!canary`) or built from a workload's `LabelSelector` object.
public struct LabelSelector: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The requirements, sorted by key as apimachinery keeps them.
  public let requirements: [LabelRequirement]
  /// True for the selector of an absent `LabelSelector` object, which matches nothing.
  public let matchesNothing: Bool

  /// A selector that matches every set of labels.
  public static let everything = LabelSelector(requirements: [], matchesNothing: false)
  /// A selector that matches no set of labels.
  public static let nothing = LabelSelector(requirements: [], matchesNothing: true)

  private init(requirements: [LabelRequirement], matchesNothing: Bool) {
    self.requirements = requirements
    self.matchesNothing = matchesNothing
  }

  public init(requirements: [LabelRequirement]) {
    // Stable, so requirements on the same key keep their order.
    let sorted = requirements.enumerated().sorted { lhs, rhs in
      if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
      return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
    }
    self.init(requirements: sorted.map(\.element), matchesNothing: false)
  }

  /// Parses selector syntax as `labels.Parse` does; an empty string selects everything.
  public init(parsing text: String) throws {
    var parser = LabelSelectorParser(text)
    self.init(requirements: try parser.parse())
  }

  /// A selector equal to a set of labels (`SelectorFromSet`).
  public init(matchLabels: [String: String]) throws {
    self.init(
      requirements: try matchLabels.map { try LabelRequirement(key: $0.key, operator: .equals, values: [$0.value]) })
  }

  /// Builds the selector of a `LabelSelector` object (`{matchLabels, matchExpressions}`) as
  /// `metav1.LabelSelectorAsSelector` does: null or absent matches nothing, an empty object everything.
  public init(json: JSON?) throws {
    guard let json, !json.isNull else {
      self = .nothing
      return
    }
    guard case .object(let object) = json else { throw SelectorError("a label selector must be an object") }
    var requirements: [LabelRequirement] = []
    for (key, value) in object["matchLabels"]?.objectValue ?? [:] {
      guard let value = value.stringValue else { throw SelectorError("matchLabels.\(key) must be a string") }
      requirements.append(try LabelRequirement(key: key, operator: .equals, values: [value]))
    }
    for expression in object["matchExpressions"]?.arrayValue ?? [] {
      let operatorName = expression["operator"]?.stringValue ?? ""
      let op: LabelRequirement.Operator
      switch operatorName {
      case "In": op = .in
      case "NotIn": op = .notIn
      case "Exists": op = .exists
      case "DoesNotExist": op = .doesNotExist
      default: throw SelectorError("\(GoFormat.quoted(operatorName)) is not a valid label selector operator")
      }
      let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue)
      requirements.append(
        try LabelRequirement(key: expression["key"]?.stringValue ?? "", operator: op, values: values))
    }
    self.init(requirements: requirements)
  }

  public var isEmpty: Bool { requirements.isEmpty && !matchesNothing }

  public func matches(labels: [String: String]) -> Bool {
    !matchesNothing && requirements.allSatisfy { $0.matches(labels: labels) }
  }

  /// The canonical string (`labels.Selector.String()`): requirements sorted by key, comma-joined;
  /// empty for `everything` and `nothing`.
  public var description: String { requirements.map(\.description).joined(separator: ",") }

  /// The selector as `kubectl describe` and wide tables print it (`metav1.FormatLabelSelector`):
  /// `<none>` when it has no requirements.
  public var formatted: String { requirements.isEmpty ? "<none>" : description }
}
