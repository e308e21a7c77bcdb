import KubeModel
import Testing

@Suite("Field selectors")
struct SelectorFieldTests {
  func parseError(_ text: String) -> String? {
    (#expect(throws: SelectorError.self) { try FieldSelector(parsing: text) })?.message
  }

  @Test func exposesRequirementsSortedAsWritten() throws {
    let selector = try FieldSelector(parsing: "status.phase!=Failed,metadata.name==web,spec.nodeName=node-1")
    #expect(
      selector.requirements == [
        .init(field: "metadata.name", operator: .equals, value: "web"),
        .init(field: "spec.nodeName", operator: .equals, value: "node-1"),
        .init(field: "status.phase", operator: .notEquals, value: "Failed"),
      ])
    #expect(selector.description == "metadata.name=web,spec.nodeName=node-1,status.phase!=Failed")
  }

  @Test func matchesThroughAFieldLookup() throws {
    let selector = try FieldSelector(parsing: "metadata.name=web,status.phase!=Failed")
    #expect(selector.matches(fields: ["metadata.name": "web", "status.phase": "Running"]))
    #expect(!selector.matches(fields: ["metadata.name": "web", "status.phase": "Failed"]))
    #expect(!selector.matches(fields: [:]))
    #expect(try FieldSelector(parsing: "spec.nodeName=").matches(fields: [:]))
    #expect(try FieldSelector(parsing: "").matches { _ in nil })
  }

  @Test func escapesCommasEqualsAndBackslashes() throws {
    let selector = try FieldSelector(parsing: #"metadata.name=a\,b\=c\\d,x=y"#)
    #expect(selector.requirements[0].value == #"a,b=c\d"#)
    #expect(selector.requirements.count == 2)
    #expect(selector.description == #"metadata.name=a\,b\=c\\d,x=y"#)
  }

  /// Messages checked against `kubectl top pod --field-selector` (see SelectorKubectlTests).
  @Test func errorsUseApimachineryWording() {
    #expect(parseError("a") == "invalid selector: 'a'; can't understand 'a'")
    #expect(parseError(#"a=b\x"#) == #"invalid field selector: invalid escape sequence: \x"#)
    #expect(parseError("a=b=c") == "invalid field selector: unescaped character in value: 61")
    #expect(parseError(#"a==b\"#) == #"invalid field selector: invalid escape sequence: \"#)
  }
}
