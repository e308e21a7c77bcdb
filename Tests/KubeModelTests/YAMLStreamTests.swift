import Testing

@testable import KubeModel

@Suite("YAML streams, styles, anchors and merge keys")
struct YAMLStreamTests {
  @Test("documents are split at --- and ..., empty and null documents are skipped")
  func multiDocument() throws {
    let text = """
      # leading comment
      ---
      a: 1
      ---
      # only a comment
      ---
      ---
      ~
      ---
      - x
      ...
      --- b
      """
    #expect(try YAML.decodeJSON(text) == [["a": 1], ["x"], "b"])
  }

  @Test(
    "a stream of only comments, separators or nothing has no documents",
    arguments: ["", "# c\n", "---\n", "---\n---\n...\n", "\n\n"])
  func emptyStreams(text: String) throws {
    #expect(try YAML.parseStream(text).isEmpty)
  }

  @Test("block and flow styles, nested, read the same")
  func flowAndBlock() throws {
    let block = """
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
          args: [a, "b c", 'd']
        empty: {}
        none: []
      """
    let flow = """
      {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}],
        args: [a, "b c", 'd']}], empty: {}, none: []}}
      """
    let expected: JSON = [
      "metadata": ["labels": ["app": "web"]],
      "spec": [
        "containers": [
          ["name": "web", "image": "nginx", "ports": [["containerPort": 80]], "args": ["a", "b c", "d"]]
        ],
        "empty": [:], "none": [],
      ],
    ]
    #expect(try YAML.decodeJSON(block) == [expected])
    #expect(try YAML.decodeJSON(flow) == [expected])
  }

  @Test("JSON input is YAML, tabs included")
  func jsonInput() throws {
    let text =
      "{\n\t\"kind\": \"Pod\",\n\t\"spec\": {\"replicas\": 3, \"ok\": true, \"x\": null, \"f\": 1.5, \"l\": [1, \"2\"]}\n}\n"
    #expect(
      try YAML.decodeJSON(text) == [
        ["kind": "Pod", "spec": ["replicas": 3, "ok": true, "x": nil, "f": 1.5, "l": [1, "2"]]]
      ])
  }

  @Test("anchors and aliases copy values; anchors are scoped to their document")
  func anchorsAndAliases() throws {
    let first = """
      base: &base {cpu: 100m}
      limits: *base
      list: [&x 1, *x, *x]

      """
    #expect(try YAML.decodeJSON(first) == [["base": ["cpu": "100m"], "limits": ["cpu": "100m"], "list": [1, 1, 1]]])
    let error = try #require(throws: YAMLError.self) { try YAML.decodeJSON(first + "---\na: *base\n") }
    #expect(error.message == "unknown anchor 'base' referenced")
    #expect(error.position == SourcePosition(line: 5, column: 4))
  }

  @Test("an anchor may be redefined; an alias takes the latest definition")
  func redefinedAnchor() throws {
    #expect(try YAML.decodeJSON("a: &x 1\nb: *x\nc: &x 2\nd: *x\n") == [["a": 1, "b": 1, "c": 2, "d": 2]])
  }

  @Test("an alias inside its own anchor is an error, not a loop")
  func recursiveAlias() throws {
    let error = try #require(throws: YAMLError.self) { try YAML.parseStream("a: &a\n  b: *a\n") }
    #expect(error.message == "anchor 'a' value contains itself")
    #expect(error.position == SourcePosition(line: 2, column: 6))
  }

  @Test("merge keys: explicit keys win over merged ones, the first of several merged maps wins")
  func mergeKeys() throws {
    let text = """
      defaults: &defaults {a: 1, b: 1}
      extra: &extra {b: 2, c: 2}
      one:
        <<: *defaults
        b: 3
      many:
        <<: [*extra, *defaults]
        d: 4
      inline:
        <<: {z: 0}
      quoted:
        "<<": *defaults
      """
    let json = try #require(try YAML.decodeJSON(text).first)
    #expect(json["one"] == ["a": 1, "b": 3])
    // The maps merge last to first, so members appear in that order.
    #expect(json["many"] == ["a": 1, "b": 2, "c": 2, "d": 4])
    #expect(json["inline"] == ["z": 0])
    #expect(json["quoted"] == ["<<": ["a": 1, "b": 1]])
  }

  @Test("a merge key needs a mapping or a list of mappings", arguments: ["<<: 1", "<<: [1]", "<<:"])
  func badMerge(text: String) throws {
    let error = try #require(throws: YAMLError.self) { try YAML.decodeJSON("a: 1\n\(text)\n") }
    #expect(error.message == "map merge requires map or sequence of maps as the value")
    #expect(error.position.line == 2)
  }

  @Test("duplicate keys: the last wins as in kubectl, or an error when asked to reject them")
  func duplicateKeys() throws {
    let text = "name: a\nimage: x\nname: b\n"
    #expect(try YAML.decodeJSON(text) == [["name": "b", "image": "x"]])
    let root = try #require(try YAML.parseStream(text, file: "pod.yaml").first)
    let error = try #require(throws: YAMLError.self) { try root.json(rejectingDuplicateKeys: true) }
    #expect(error.message == "mapping key \"name\" already defined at line 1")
    #expect(error.description == "pod.yaml:3:1: mapping key \"name\" already defined at line 1")
  }

  @Test("alias bombs stop with an error instead of expanding")
  func billionLaughs() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(previous)]\n"
    }
    let root = try #require(try YAML.parseStream(text).first)
    let error = try #require(throws: YAMLError.self) { try root.json }
    #expect(error.message == "document contains excessive aliasing")
  }

  @Test("deep nesting is capped with an error", arguments: [600, 100_000])
  func deepNesting(depth: Int) throws {
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let error = try #require(throws: YAMLError.self) { try YAML.parseStream(text) }
    #expect(error.message == "document nests deeper than 512 levels")
    #expect(error.position == SourcePosition(line: 1, column: 513))
  }

  @Test("aliases cannot stack nesting past the cap either")
  func deepThroughAliases() throws {
    let inner = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    let text = "a: &a \(inner)\nb: " + String(repeating: "[", count: 300) + "*a" + String(repeating: "]", count: 300)
    let error = try #require(throws: YAMLError.self) { try YAML.parseStream(text) }
    #expect(error.message == "document nests deeper than 512 levels")
  }

  @Test("nodes keep tags, anchors, aliases and scalar styles")
  func nodeDetails() throws {
    let root = try #require(try YAML.parseStream("a: &x !!str 1\nb: *x\nc: 'q'\nd: |\n  l\n").first)
    guard case .mapping(let entries) = root.kind else {
      Issue.record("root is not a mapping")
      return
    }
    #expect(entries[0].value.tag == "tag:yaml.org,2002:str")
    #expect(entries[0].value.anchor == "x")
    #expect(entries[1].value.alias == "x")
    #expect(entries[1].value.kind == .scalar("1", .plain))
    #expect(entries[2].value.kind == .scalar("q", .singleQuoted))
    #expect(entries[3].value.kind == .scalar("l\n", .literal))
  }
}
