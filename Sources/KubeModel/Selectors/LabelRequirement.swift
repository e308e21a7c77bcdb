/// One condition of a label selector, such as `app in (web,api)` or `!canary`.
public struct LabelRequirement: Equatable, Hashable, Sendable, CustomStringConvertible {
  public enum Operator: String, Sendable, CaseIterable {
    case equals = "="
    case doubleEquals = "=="
    case notEquals = "!="
    case `in` = "in"
    case notIn = "notin"
    case exists = "exists"
    case doesNotExist = "!"
    case greaterThan = "gt"
    case lessThan = "lt"
  }

  public let key: String
  public let `operator`: Operator
  public let values: [String]

  /// Builds a requirement, checking it as apimachinery's `labels.NewRequirement` does: a valid key,
  /// the right number of values for the operator, valid label values, integers for `gt`/`lt`.
  public init(key: String, operator: Operator, values: [String] = []) throws {
    var problems: [String] = []
    let keyProblems = LabelValidation.keyProblems(key)
    if !keyProblems.isEmpty {
      problems.append(LabelValidation.invalid(path: "key", value: key, problems: keyProblems))
    }
    func invalidValues(_ detail: String) -> String {
      "values: Invalid value: []string{\(values.map(GoFormat.quoted).joined(separator: ", "))}: \(detail)"
    }
    switch `operator` {
    case .in, .notIn:
      if values.isEmpty { problems.append(invalidValues("for 'in', 'notin' operators, values set can't be empty")) }
    case .equals, .doubleEquals, .notEquals:
      if values.count != 1 { problems.append(invalidValues("exact-match compatibility requires one single value")) }
    case .exists, .doesNotExist:
      if !values.isEmpty {
        problems.append(invalidValues("values set must be empty for exists and does not exist"))
      }
    case .greaterThan, .lessThan:
      if values.count != 1 {
        problems.append(invalidValues("for 'Gt', 'Lt' operators, exactly one value is required"))
      }
      for (index, value) in values.enumerated() where Int64(value) == nil {
        problems.append(
          "values[\(index)]: Invalid value: \(GoFormat.quoted(value)): "
            + "for 'Gt', 'Lt' operators, the value must be an integer")
      }
    }
    for (index, value) in values.enumerated() {
      let valueProblems = LabelValidation.valueProblems(value)
      if !valueProblems.isEmpty {
        problems.append(
          LabelValidation.invalid(path: "values[\(index)][\(key)]", value: value, problems: valueProblems))
      }
    }
    if problems.count == 1 { throw SelectorError(problems[0]) }
    if problems.count > 1 { throw SelectorError("[" + problems.joined(separator: ", ") + "]") }
    self.key = key
    self.operator = `operator`
    self.values = values
  }

  /// Whether a set of labels satisfies this requirement. A missing key satisfies only `!=`, `notin`
  /// and `!key`.
  public func matches(labels: [String: String]) -> Bool {
    let value = labels[key]
    switch `operator` {
    case .equals, .doubleEquals, .in:
      guard let value else { return false }
      return values.contains(value)
    case .notEquals, .notIn:
      guard let value else { return true }
      return !values.contains(value)
    case .exists: return value != nil
    case .doesNotExist: return value == nil
    case .greaterThan, .lessThan:
      guard let value, let actual = Int64(value), values.count == 1, let bound = Int64(values[0]) else { return false }
      return `operator` == .greaterThan ? actual > bound : actual < bound
    }
  }

  /// The requirement as `labels.Requirement.String()` writes it, with set values sorted.
  public var description: String {
    let sortedValues = values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ",")
    switch `operator` {
    case .exists: return key
    case .doesNotExist: return "!" + key
    case .equals: return "\(key)=\(sortedValues)"
    case .doubleEquals: return "\(key)==\(sortedValues)"
    case .notEquals: return "\(key)!=\(sortedValues)"
    case .in: return "\(key) in (\(sortedValues))"
    case .notIn: return "\(key) notin (\(sortedValues))"
    case .greaterThan: return "\(key)>\(sortedValues)"
    case .lessThan: return "\(key)<\(sortedValues)"
    }
  }
}
