import KubeModel
import Testing

@testable import KubeSim

@Suite("JSON patch (RFC 6902)")
struct PatchJSONPatchTests {
  func apply(_ patch: String, to document: String) throws -> JSON {
    try JSONPatch.apply(try JSON(parsing: patch), to: try JSON(parsing: document))
  }

  func expectError(_ message: String, statusCode: Int = 422, patch: String, document: String) {
    #expect(throws: PatchError(message, statusCode: statusCode)) { try apply(patch, to: document) }
  }

  /// Examples of RFC 6902 appendix A that succeed.
  @Test(
    "RFC 6902 appendix A",
    arguments: [
      (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"foo":"bar","baz":"qux"}"#),
      (#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, #"{"foo":["bar","qux","baz"]}"#),
      (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
      (#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
      (
        #"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#, #"{"baz":"boo","foo":"bar"}"#
      ),
      (
        #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
        #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
        #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#
      ),
      (
        #"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#,
        #"{"foo":["all","cows","eat","grass"]}"#
      ),
      (
        #"{"baz":"qux","foo":["a",2,"c"]}"#,
        #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
        #"{"baz":"qux","foo":["a",2,"c"]}"#
      ),
      (
        #"{"foo":"bar"}"#, #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#,
        #"{"foo":"bar","child":{"grandchild":{}}}"#
      ),
      (
        #"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, #"{"foo":["bar",["abc","def"]]}"#
      ),
      (
        #"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10},{"op":"copy","from":"/~1","path":"/a~0b"}]"#,
        #"{"/":9,"~1":10,"a~b":9}"#
      ),
      (#"{"a":1}"#, #"[{"op":"test","path":"","value":{"a":1.0}},{"op":"replace","path":"","value":[1]}]"#, "[1]"),
    ])
  func rfcExamples(document: String, patch: String, expected: String) throws {
    #expect(try apply(patch, to: document) == (try JSON(parsing: expected)))
  }

  @Test("a failing test names the path")
  func testFailure() {
    expectError(
      "testing value /baz failed: test failed",
      patch: #"[{"op":"test","path":"/baz","value":"bar"}]"#, document: #"{"baz":"qux"}"#)
    expectError(
      "testing value /spec/replicas failed: test failed",
      patch: #"[{"op":"test","path":"/spec/replicas","value":3},{"op":"remove","path":"/spec"}]"#,
      document: #"{"spec":{"replicas":2}}"#)
  }

  @Test("errors name the failing operation")
  func operationErrors() {
    expectError(
      #"add operation does not apply: doc is missing path: "/baz/bat": missing value"#,
      patch: #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, document: #"{"foo":"bar"}"#)
    expectError(
      "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
      patch: #"[{"op":"remove","path":"/nope"}]"#, document: #"{"foo":"bar"}"#)
    expectError(
      "replace operation does not apply: doc is missing key: /spec/replica: missing value",
      patch: #"[{"op":"replace","path":"/spec/replica","value":1}]"#, document: #"{"spec":{}}"#)
    expectError(
      "error in add for path: '/foo/5': Unable to access invalid index: 5: invalid index referenced",
      patch: #"[{"op":"add","path":"/foo/5","value":1}]"#, document: #"{"foo":[1]}"#)
    expectError(
      "move operation does not apply: doc is missing from path: /a: missing value",
      patch: #"[{"op":"move","from":"/a","path":"/b"}]"#, document: "{}")
    expectError("Unexpected kind: jump", patch: #"[{"op":"jump","path":"/a"}]"#, document: "{}")
    expectError(
      "add operation, missing value field: missing value", patch: #"[{"op":"add","path":"/a"}]"#, document: "{}")
    expectError(
      #"JSON pointer "a" must be empty or start with "/""#, statusCode: 400,
      patch: #"[{"op":"remove","path":"a"}]"#, document: #"{"a":1}"#)
  }

  @Test("kubectl patch --type json on a pod's container image")
  func containerImage() throws {
    let pod = #"{"spec":{"containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}"#
    let result = try apply(#"[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.26"}]"#, to: pod)
    #expect(
      result[path: ["spec", "containers"]]?[0] == [
        "name": "web", "image": "nginx:1.26", "ports": [["containerPort": 80]],
      ])
  }
}
