import KubeModel
import Testing

@testable import KubeSim

@Suite("Go renderings in messages")
struct SchemaGoFormattingTests {
  @Test(
    "floats print as Go's %v prints a float64",
    arguments: [
      (1.5, "1.5"), (1_000_000.0, "1e+06"), (123_456.0, "123456"), (0.0001, "0.0001"), (0.00001, "1e-05"),
      (-2.25e-7, "-2.25e-07"), (1e21, "1e+21"), (123_456_789.0, "1.23456789e+08"),
      (123_456_789_012_345_678_901.0, "1.2345678901234568e+20"),
      (100.0, "100"),
    ])
  func floats(value: Double, expected: String) {
    #expect(GoFormat.float(value) == expected)
  }

  @Test("a patch prints as Go prints the decoded map, quoted with %q in the 422 message")
  func invalidPatchMessage() throws {
    let patch = try JSON(
      parsing:
        #"{"spec":{"containers":[{"name":"web","imagee":"x"}],"replicas":2,"paused":null},"metadata":{"annotations":{"a":"{\"k\":1}"}}}"#
    )
    #expect(
      patch.goFormatted
        == #"map[metadata:map[annotations:map[a:{"k":1}]] spec:map[containers:[map[imagee:x name:web]] paused:<nil> replicas:2]]"#
    )
    let error = StrictDecodingError(apiVersion: "v1", kind: "Pod", unknownFields: ["spec.containers[0].imagee"])
    #expect(
      error.invalidPatchMessage(patch: ["spec": ["x": "a\"b"]])
        == #" "" is invalid: patch: Invalid value: "map[spec:map[x:a\"b]]": strict decoding error: unknown field "spec.containers[0].imagee""#
    )
  }
}
