import KubeModel
import Testing

/// Expected strings here were produced by kubectl 1.33 (`label --local -f doc.json -o jsonpath=...`)
/// on the same document.
@Suite("JSONPath templates")
struct JSONPathTemplateTests {
  static let document: JSON = [
    "metadata": ["name": "x"],
    "list": [
      ["name": "a", "n": 1, "f": 2.5, "s": "<&>", "b": true, "x": nil, "tags": ["t1", "t2"]],
      ["name": "b", "n": 2, "f": 1, "b": false, "tags": []],
      ["name": "c.d", "n": 3],
    ],
    "numbers": ["n": 3, "f": 1.5, "big": 1e21, "t": true, "nul": nil],
  ]

  func render(_ template: String, strict: Bool = false) throws -> String {
    try JSONPathTemplate(template).render(Self.document, allowMissingKeys: !strict)
  }

  func error(_ template: String, strict: Bool = false) -> JSONPathError? {
    #expect(throws: JSONPathError.self) { try render(template, strict: strict) }
  }

  @Test func rangeJoinsIterationsWithoutSpaces() throws {
    #expect(try render(#"{range .list[*]}{.name}{"\t"}{.n}{"\n"}{end}"#) == "a\t1\nb\t2\nc.d\t3\n")
    #expect(try render("{range .list[*]}{range .tags[*]}<{@}>{end};{end}") == "<t1><t2>;;;")
    #expect(try render("{range .list[*]}[{.x}]{end}") == "[null][][]")
  }

  @Test func valuesOfOneExpressionAreSeparatedBySpaces() throws {
    #expect(try render("{.list[*].name}") == "a b c.d")
    #expect(try render("{.list[*]['name', 'n']}") == "a b c.d 1 2 3")
    #expect(try render("{.list[0].n}{.list[0].f}{.list[1].f}") == "12.51")
  }

  @Test func scalarsPrintAsGoPrintsThem() throws {
    #expect(
      try render("{.numbers.n} {.numbers.f} {.numbers.big} {.numbers.t} {.numbers.nul}") == "3 1.5 1e+21 true null")
    #expect(try render("{.list[*].x}") == "null")
  }

  @Test func objectsAndArraysPrintAsCompactJSONWithSortedKeys() throws {
    #expect(try render("{.list[0].s} {.list[0].tags}") == #"<&> ["t1","t2"]"#)
    #expect(
      try render(#"{.list[?(@.name=="a")]}"#)
        == #"{"b":true,"f":2.5,"n":1,"name":"a","s":"\u003c\u0026\u003e","tags":["t1","t2"],"x":null}"#)
  }

  @Test func slicesAndFilters() throws {
    #expect(try render("{.list[0:3:2].name}") == "a c.d")
    #expect(try render("{.list[-2].name}") == "b")
    #expect(try render("{.list[?(@.n>=2)].name}") == "b c.d")
    #expect(try render("{.list[?(@.b==true)].name}") == "a")
    #expect(try render("{.list[?(@.x)].name}") == "a")
    #expect(try render("{.list[?(@.nope==1)].name}") == "")
  }

  @Test func missingKeysAreEmptyUnlessStrict() throws {
    #expect(try render("{.list.name}") == "")
    #expect(error("{.list.name}", strict: true)?.message == "name is not found")
    #expect(error("{.list}x{.missing}y", strict: true)?.message == "missing is not found")
  }

  @Test func evaluationErrorsUseKubectlWording() {
    #expect(error("{.list[*].tags[5]}")?.message == "array index out of bounds: index 5, length 2")
    #expect(error("{.list[?(@.x==1)].name}")?.message == "invalid type for comparison")
    #expect(error("{.list[?(@.f>=1.0)].name}")?.message == "incompatible types for comparison")
    #expect(error(#"{.list[?(@.tags[*]=="t1")].name}"#)?.message == "can only compare one element at a time")
    #expect(error("{.list[?(@.x==1)].name}")?.stage == .executing)
  }

  @Test func parseErrorsUseKubectlWordingAndCarryAPosition() {
    let unrecognized = error("ab{!}")
    #expect(unrecognized?.message == "unrecognized character in action: U+0021 '!'")
    #expect(unrecognized?.stage == .parsing)
    #expect(unrecognized?.position == 3)
    #expect(error("{.metadata.name")?.message == "unclosed action")
    #expect(error("{.list[ 0 ].name}")?.message == "invalid array index  0 ")
    #expect(error(#"{.list[0]["name"]}"#)?.message == #"invalid array index "name""#)
  }

  @Test func valuesExposeTheResultListsOfEachPart() throws {
    let values = try JSONPathTemplate("names: {.list[*].name}").values(Self.document)
    #expect(values == [["names: "], ["a", "b", "c.d"]])
  }

  @Test func relaxedExpressionsGainBracesAndALeadingDot() throws {
    for expression in [".list[0].name", "list[0].name", "{list[0].name}", "{.list[0].name}"] {
      let template = try JSONPathTemplate(relaxed: expression)
      #expect(template.text == "{.list[0].name}")
      #expect(try template.render(Self.document) == "a")
    }
    #expect(throws: JSONPathError.self) { try JSONPathTemplate(relaxed: "{.a}{.b}") }
  }
}

@Suite("JSONPath robustness")
struct JSONPathRobustnessTests {
  /// Random templates built from the dialect's own characters must fail with errors, never crash.
  @Test func randomTemplatesNeverCrash() {
    let pieces = [
      "{", "}", "[", "]", "(", ")", "?", "@", "$", ".", "..", "*", ":", ",", "-", "1", "0", "9223372036854775807",
      "'", "\"", "\\", " ", "==", "!=", "<", ">=", "range", "end", "list", "name", "tags", "x", "\n", "é",
    ]
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    var rendered = 0
    for _ in 0..<3000 {
      let template = (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()
      if (try? JSONPathTemplate(template).render(JSONPathTemplateTests.document, allowMissingKeys: next(2) == 0))
        != nil
      {
        rendered += 1
      }
    }
    #expect(rendered > 0)
  }
}
