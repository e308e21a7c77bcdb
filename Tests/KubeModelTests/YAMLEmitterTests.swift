import KubeModel
import Testing

@Suite("JSON printed as YAML")
struct YAMLEmitterTests {
  @Test("an object prints as kubectl -o yaml prints it")
  func podLayout() {
    let pod: JSON = [
      "apiVersion": "v1", "kind": "Pod",
      "metadata": ["name": "web", "labels": ["app": "web"], "annotations": [:]],
      "spec": [
        "containers": [
          [
            "name": "web", "image": "nginx", "ports": [["containerPort": 80, "protocol": "TCP"]],
            "args": ["sleep", "3600"], "env": [],
          ]
        ],
        "nodeSelector": nil, "priority": 0.5, "matrix": [[1, 2], []],
      ],
    ]
    #expect(
      YAML.emit(pod) == """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
          annotations: {}
        spec:
          containers:
          - name: web
            image: nginx
            ports:
            - containerPort: 80
              protocol: TCP
            args:
            - sleep
            - "3600"
            env: []
          nodeSelector: null
          priority: 0.5
          matrix:
          - - 1
            - 2
          - []

        """)
  }

  static let strings: [(String, String)] = [
    ("plain text", "plain text"), ("true", "\"true\""), ("yes", "\"yes\""), ("", "\"\""), ("~", "\"~\""),
    ("12", "\"12\""), ("0x1F", "\"0x1F\""), ("08", "\"08\""), ("1:20", "\"1:20\""), ("1.5", "\"1.5\""),
    ("2024-01-01T00:00:00Z", "\"2024-01-01T00:00:00Z\""), ("<<", "<<"),
    ("a: b", "'a: b'"), ("a:b", "a:b"), ("a:", "'a:'"), ("- x", "'- x'"), ("-x", "-x"), ("#x", "'#x'"),
    ("a #b", "'a #b'"), ("a#b", "a#b"), ("*x", "'*x'"), ("&x", "'&x'"), ("!x", "'!x'"), ("{x}", "'{x}'"),
    ("[x]", "'[x]'"), ("x, y", "x, y"), ("@x", "'@x'"), ("`x", "'`x'"), ("%x", "'%x'"), ("|", "'|'"), (">", "'>'"),
    ("---", "'---'"), ("...x", "'...x'"), ("?", "'?'"), ("? x", "'? x'"), ("?x", "?x"), (" lead", "' lead'"),
    ("trail ", "'trail '"), ("it's: x", "'it''s: x'"), ("it's", "it's"), ("\"q\"", "'\"q\"'"),
    ("tab\there", "\"tab\\there\""), ("bell\u{07}", "\"bell\\a\""), ("é and ü", "é and ü"),
    ("smile 😀", "\"smile \\U0001F600\""), ("nel\u{85}", "\"nel\\N\""), ("bom\u{FEFF}", "\"bom\\uFEFF\""),
    ("del\u{7F}", "\"del\\x7F\""), ("ls\u{2028}x", "\"ls\\Lx\""), ("back\\slash", "back\\slash"),
    ("http://x.io/a?b=c", "http://x.io/a?b=c"),
  ]

  @Test("strings are quoted only when they must be", arguments: strings)
  func stringStyles(text: String, written: String) throws {
    #expect(YAML.emit(["k": .string(text)]) == "k: \(written)\n")
    #expect(try YAML.decodeJSON(YAML.emit(["k": .string(text)])) == [["k": .string(text)]])
  }

  @Test("keys are quoted by the same rules")
  func keyStyles() throws {
    let object: JSON = ["yes": 1, "a: b": 2, "plain": 3, "multi\nline": 4, "": 5, "<<": 6]
    let text = YAML.emit(object)
    #expect(text == "\"yes\": 1\n'a: b': 2\nplain: 3\n\"multi\\nline\": 4\n\"\": 5\n\"<<\": 6\n")
    #expect(try YAML.decodeJSON(text) == [object])
  }

  @Test("multi-line strings are literal blocks with the right chomping")
  func literalBlocks() throws {
    let object: JSON = [
      "strip": "a\nb", "clip": "a\nb\n", "keep": "a\n\n", "blank": "a\n\nb", "indented": " a\nb",
      "list": ["x\ny"], "trailingSpace": "a \nb",
    ]
    let text = YAML.emit(object)
    #expect(
      text == """
        strip: |-
          a
          b
        clip: |
          a
          b
        keep: |+
          a

        blank: |-
          a

          b
        indented: |2-
           a
          b
        list:
        - |-
          x
          y
        trailingSpace: "a \\nb"

        """)
    #expect(try YAML.decodeJSON(text) == [object])
  }

  @Test("numbers print as kubectl prints them: whole doubles as integers while they fit 64 bits")
  func numbers() throws {
    let object: JSON = [
      "int": 42, "negative": -7, "big": .int(Int.max), "half": 0.5, "small": 0.00001, "bool": false, "null": nil,
      "whole": 1.0, "million": 1e6, "twoPow63": 9_223_372_036_854_775_808.0, "e20": 1e20, "e21": 1e21,
    ]
    let text = YAML.emit(object)
    #expect(
      text == """
        int: 42
        negative: -7
        big: 9223372036854775807
        half: 0.5
        small: 1e-05
        bool: false
        "null": null
        whole: 1
        million: 1000000
        twoPow63: 9223372036854776000
        e20: 1e+20
        e21: 1e+21

        """)
    var readBack = object
    readBack["whole"] = 1
    readBack["million"] = 1_000_000
    #expect(try YAML.decodeJSON(text) == [readBack])
  }

  @Test("long scalars fold at a space past 80 columns, as kubectl prints them")
  func folding() throws {
    let sentence = "a long sentence that goes on and on well past the eighty column limit of the emitter"
    let object: JSON = [
      "plain": .string("this is " + sentence), "single": .string("this: is " + sentence),
      "double": .string("tab\tthis is " + sentence), "nested": [.string("list item " + sentence + " ok")],
      "spaced": .string(String(repeating: "x", count: 78) + "   two spaces kept"),
    ]
    let text = YAML.emit(object)
    #expect(
      text == """
        plain: this is a long sentence that goes on and on well past the eighty column limit
          of the emitter
        single: 'this: is a long sentence that goes on and on well past the eighty column
          limit of the emitter'
        double: "tab\\tthis is a long sentence that goes on and on well past the eighty column
          limit of the emitter"
        nested:
        - list item a long sentence that goes on and on well past the eighty column limit
          of the emitter ok
        spaced: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   two
          spaces kept

        """)
    #expect(try YAML.decodeJSON(text) == [object])
  }

  @Test("top-level scalars, empty collections and lists")
  func topLevel() {
    #expect(YAML.emit("x") == "x\n")
    #expect(YAML.emit("a\nb") == "|-\n  a\n  b\n")
    #expect(YAML.emit([:]) == "{}\n")
    #expect(YAML.emit([]) == "[]\n")
    #expect(YAML.emit([["a": 1, "b": [:]], 2]) == "- a: 1\n  b: {}\n- 2\n")
  }

  @Test("a stream separates documents with ---, and reads back as the same documents")
  func stream() throws {
    let documents: [JSON] = [["kind": "Pod"], ["kind": "Service", "spec": ["ports": [["port": 80]]]]]
    let text = YAML.emitStream(documents)
    #expect(text == "kind: Pod\n---\nkind: Service\nspec:\n  ports:\n  - port: 80\n")
    #expect(try YAML.decodeJSON(text) == documents)
  }
}
