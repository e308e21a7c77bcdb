import KubeModel
import Testing

@testable import KubeSim

@Suite("JSON merge patch (RFC 7386)")
struct PatchJSONMergeTests {
  /// The test cases of RFC 7386 appendix A whose patch is an object (the API server rejects others).
  @Test(
    "RFC 7386 appendix A",
    arguments: [
      (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
      (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
      (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
      (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
      (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
      (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
      (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
      (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
      (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
      (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
      (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
  func rfcExamples(target: String, patch: String, expected: String) throws {
    let result = try JSONMergePatch.apply(try JSON(parsing: patch), to: try JSON(parsing: target))
    #expect(result == (try JSON(parsing: expected)))
  }

  @Test("a patch that is not an object is rejected")
  func nonObjectPatch() throws {
    #expect(throws: PatchError("Invalid JSON Patch")) {
      try JSONMergePatch.apply(["c"], to: ["a": "b"])
    }
  }

  @Test("kubectl label and scale bodies")
  func kubectlBodies() throws {
    let deployment = try JSON(
      parsing:
        #"{"metadata":{"name":"web","labels":{"app":"web","tier":"front"}},"spec":{"replicas":1,"paused":false}}"#)
    let labelled = try JSONMergePatch.apply(
      try JSON(parsing: #"{"metadata":{"labels":{"tier":null,"env":"prod"}}}"#), to: deployment)
    #expect(labelled[path: ["metadata", "labels"]] == ["app": "web", "env": "prod"])
    let scaled = try JSONMergePatch.apply(try JSON(parsing: #"{"spec":{"replicas":3}}"#), to: labelled)
    #expect(scaled["spec"] == ["replicas": 3, "paused": false])
  }
}
