import KubeModel
import Testing

@Suite("Field path positions")
struct YAMLPositionTests {
  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      lables:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
      -   name: side
          image: busybox
      tolerations: [{key: a}, {key: b}]

    """

  private func root() throws -> YAMLNode {
    try #require(try YAML.parseStream(Self.pod, file: "pod.yaml").first)
  }

  static let cases: [(FieldPath, Int, Int)] = [
    ([], 1, 1), (["kind"], 2, 1), (["metadata", "lables"], 5, 3), (["metadata", "lables", "app"], 6, 5),
    (["spec", "containers"], 8, 3), (["spec", "containers", 0], 9, 5), (["spec", "containers", 0, "image"], 10, 5),
    (["spec", "containers", 1], 11, 7), (["spec", "containers", 1, "image"], 12, 7),
    (["spec", "tolerations", 1, "key"], 13, 28),
  ]

  @Test("keys point at the key, list items at the item", arguments: cases)
  func positions(path: FieldPath, line: Int, column: Int) throws {
    #expect(try root().position(of: path) == SourcePosition(file: "pod.yaml", line: line, column: column))
  }

  @Test("a missing path has no position; the closest existing one is its nearest ancestor")
  func missingPaths() throws {
    let root = try root()
    #expect(root.position(of: ["spec", "volumes"]) == nil)
    #expect(root.position(of: ["spec", "containers", 2]) == nil)
    #expect(root.position(of: ["kind", "x"]) == nil)
    #expect(root.closestPosition(of: ["spec", "volumes", 0, "name"]).description == "pod.yaml:7:1")
    #expect(root.closestPosition(of: ["spec", "containers", 5]).description == "pod.yaml:8:3")
  }

  @Test("the node at a path converts to the same JSON as the path into the whole document")
  func nodeAtPath() throws {
    let root = try root()
    let path: FieldPath = ["spec", "containers", 1]
    let json = try root.json
    #expect(try root.node(at: path)?.json == json[fieldPath: path])
    #expect(json[fieldPath: path] == ["name": "side", "image": "busybox"])
  }

  @Test("merged and duplicated keys point where the value that wins was written")
  func mergedAndDuplicated() throws {
    let text = """
      defaults: &d
        image: nginx
        pull: Always
      app:
        <<: *d
        pull: Never
        pull: IfNotPresent
      alias: *d

      """
    let root = try #require(try YAML.parseStream(text).first)
    #expect(root.position(of: ["app", "image"]) == SourcePosition(line: 2, column: 3))
    #expect(root.position(of: ["app", "pull"]) == SourcePosition(line: 7, column: 3))
    #expect(root.position(of: ["alias"]) == SourcePosition(line: 8, column: 1))
    #expect(root.node(at: ["alias"])?.position == SourcePosition(line: 8, column: 8))
  }

  @Test("keys that resolve to other types are found by their JSON member name")
  func resolvedKeys() throws {
    let root = try #require(try YAML.parseStream("on: 1\n0x10: 2\n").first)
    #expect(root.position(of: ["true"]) == SourcePosition(line: 1, column: 1))
    #expect(root.position(of: ["16"]) == SourcePosition(line: 2, column: 1))
  }

  @Test("field paths print as dotted paths with indexes")
  func pathDescription() {
    let path: FieldPath = ["spec", "containers", 0, "image"]
    #expect(path.description == "spec.containers[0].image")
    #expect(
      FieldPath(["metadata", "labels", "app.kubernetes.io/name"]).description
        == "metadata.labels[\"app.kubernetes.io/name\"]")
    #expect(path.appending(.key("x")).components.count == 5)
  }
}
