import KubeModel
import Testing

@Suite("Label selectors")
struct SelectorLabelTests {
  func selector(_ text: String) throws -> LabelSelector { try LabelSelector(parsing: text) }

  func parseError(_ text: String) -> String? {
    (#expect(throws: SelectorError.self) { try LabelSelector(parsing: text) })?.message
  }

  @Test func matchesEqualityAndSetRequirements() throws {
    let labels = ["app": "web", "tier": "frontend", "track": "stable"]
    #expect(try selector("app=web").matches(labels: labels))
    #expect(try selector("app==web,tier=frontend").matches(labels: labels))
    #expect(try !selector("app!=web").matches(labels: labels))
    #expect(try selector("app!=db").matches(labels: [:]))
    #expect(try selector("tier in (frontend, backend)").matches(labels: labels))
    #expect(try !selector("tier notin (frontend,backend)").matches(labels: labels))
    #expect(try selector("env notin (prod)").matches(labels: labels))
    #expect(try selector("track").matches(labels: labels))
    #expect(try !selector("!track").matches(labels: labels))
    #expect(try selector("!canary, app").matches(labels: labels))
    #expect(try !selector("env in (prod)").matches(labels: labels))
    #expect(try selector("").matches(labels: labels))
  }

  @Test func greaterAndLessCompareIntegers() throws {
    #expect(try selector("replicas>2").matches(labels: ["replicas": "3"]))
    #expect(try !selector("replicas<2").matches(labels: ["replicas": "3"]))
    #expect(try !selector("replicas>2").matches(labels: ["replicas": "three"]))
    #expect(
      parseError("replicas>two")
        == #"unable to parse requirement: values[0]: Invalid value: "two": for 'Gt', 'Lt' operators, the value must be an integer"#
    )
  }

  @Test func emptyValuesAreAllowed() throws {
    #expect(try selector("app=").matches(labels: ["app": ""]))
    #expect(try selector("app in (,a)").requirements[0].values == ["", "a"])
    #expect(try selector("app in ()").requirements[0].values == [""])
  }

  @Test func printsCanonicallySortedByKeyWithSortedValues() throws {
    #expect(try selector("tier in (b,a), app = web,!canary,x").description == "app=web,!canary,tier in (a,b),x")
    #expect(try selector("a notin (z,y),b==1,c!=2,d>3").description == "a notin (y,z),b==1,c!=2,d>3")
    #expect(LabelSelector.everything.formatted == "<none>")
  }

  @Test func buildsFromALabelSelectorObject() throws {
    let json = try JSON(
      parsing: #"""
        {"matchLabels":{"app":"web","tier":"frontend"},
         "matchExpressions":[{"key":"env","operator":"In","values":["prod","dev"]},
                             {"key":"canary","operator":"DoesNotExist"},{"key":"track","operator":"Exists"},
                             {"key":"zone","operator":"NotIn","values":["z1"]}]}
        """#)
    let selector = try LabelSelector(json: json)
    #expect(selector.description == "app=web,!canary,env in (dev,prod),tier=frontend,track,zone notin (z1)")
    #expect(selector.matches(labels: ["app": "web", "tier": "frontend", "env": "dev", "track": "a"]))
    #expect(!selector.matches(labels: ["app": "web", "tier": "frontend", "env": "dev"]))
    #expect(try LabelSelector(json: nil).matches(labels: [:]) == false)
    #expect(try LabelSelector(json: [:]).matches(labels: ["any": "thing"]))
    #expect(try LabelSelector(json: [:]).formatted == "<none>")
  }

  @Test func rejectsBadLabelSelectorObjects() {
    let badOperator: JSON = ["matchExpressions": [["key": "a", "operator": "Equals", "values": ["b"]]]]
    #expect(
      (#expect(throws: SelectorError.self) { try LabelSelector(json: badOperator) })?.message
        == #""Equals" is not a valid label selector operator"#)
    let noValues: JSON = ["matchExpressions": [["key": "a", "operator": "In"]]]
    #expect(
      (#expect(throws: SelectorError.self) { try LabelSelector(json: noValues) })?.message
        == "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty")
  }

  /// Messages checked against `kubectl top pod -l` (see SelectorKubectlTests).
  @Test func parseErrorsUseApimachineryWording() {
    #expect(parseError("a b") == "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")
    #expect(parseError("app=a b") == "found 'b', expected: ',' or 'end of string'")
    #expect(parseError("app in (x") == "unable to parse requirement: found '', expected: ',' or ')'")
    #expect(parseError("a=b,") == "found '', expected: identifier after ','")
    #expect(parseError(",a") == "found ',', expected: !, identifier, or 'end of string'")
    #expect(
      parseError("-a")
        == #"unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#
    )
  }

  @Test func requirementsAreValidated() {
    #expect(throws: SelectorError.self) { try LabelRequirement(key: "app", operator: .equals, values: ["a", "b"]) }
    #expect(throws: SelectorError.self) { try LabelRequirement(key: "app", operator: .exists, values: ["a"]) }
    #expect(throws: SelectorError.self) { try LabelRequirement(key: "Bad_Prefix/app", operator: .exists) }
    #expect(throws: Never.self) { try LabelRequirement(key: "example.com/app", operator: .exists) }
  }
}
