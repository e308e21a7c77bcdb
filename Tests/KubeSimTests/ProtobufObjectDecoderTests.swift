import KubeModel
import Testing

@testable import KubeSim

/// Protobuf bodies built field by field (with the field numbers of k8s.io/api) decode into the JSON
/// a JSON client sends for the same object.
@Suite struct ProtobufObjectDecoderTests {
  let decoder = ProtobufObjectDecoder()
  let emptyMessage = ProtobufTestMessage()

  func decode(_ message: ProtobufTestMessage, _ apiVersion: String, _ kind: String) throws -> JSON {
    try decoder.decode(body: message.body(apiVersion: apiVersion, kind: kind))
  }

  @Test func deploymentDecodesAsKubectlSendsItInJSON() throws {
    let container = ProtobufTestMessage().string(1, "nginx").string(2, "nginx").message(8, emptyMessage)
      .string(13, "")  // terminationMessagePath: empty strings are left out
    let labels = ProtobufTestMessage().entry(11, "app", "web")
    let deployment = ProtobufTestMessage()
      .message(1, ProtobufTestMessage().string(1, "web").string(3, "").message(8, emptyMessage).entry(11, "app", "web"))
      .message(
        2,
        ProtobufTestMessage().int(1, 3).message(2, ProtobufTestMessage().entry(1, "app", "web"))
          .message(3, ProtobufTestMessage().message(1, labels).message(2, ProtobufTestMessage().message(2, container)))
          .message(4, emptyMessage).int(5, 0)
      )
      .message(3, emptyMessage)
    let expected = """
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,\
      "labels":{"app":"web"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},\
      "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx",\
      "resources":{}}]}},"strategy":{}},"status":{}}
      """
    #expect(try decode(deployment, "apps/v1", "Deployment").serialized() == expected)
  }

  @Test func aPresentZeroIsKeptOnlyWherePresenceMeansSomething() throws {
    // DeploymentSpec.replicas is a pointer (0 means no pods); minReadySeconds is not.
    let spec = ProtobufTestMessage().int(1, 0).int(5, 0).varint(7, 0)
    let decoded = try decode(ProtobufTestMessage().message(2, spec), "apps/v1", "Deployment")
    #expect(decoded["spec"] == ["replicas": 0])
  }

  @Test func repeatedFieldsAndMapsAccumulate() throws {
    let rule = ProtobufTestMessage().string(1, "get").string(1, "list").string(2, "").string(3, "pods")
    let role = ProtobufTestMessage().message(1, ProtobufTestMessage().string(1, "r")).message(2, rule)
      .message(2, ProtobufTestMessage().string(1, "*").string(3, "secrets"))
    let decoded = try decode(role, "rbac.authorization.k8s.io/v1", "Role")
    #expect(
      decoded["rules"]
        == [
          ["verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"]],
          ["verbs": ["*"], "resources": ["secrets"]],
        ]
    )
  }

  @Test func bytesBecomeBase64() throws {
    let secret = ProtobufTestMessage().message(1, ProtobufTestMessage().string(1, "s"))
      .message(2, ProtobufTestMessage().string(1, "p").bytes(2, Array("q".utf8)))
      .entry(4, "plain", "text").string(3, "Opaque")
    let decoded = try decode(secret, "v1", "Secret")
    #expect(decoded["data"] == ["p": "cQ=="])
    #expect(decoded["stringData"] == ["plain": "text"])
    #expect(decoded["type"] == "Opaque")
    let configMap = ProtobufTestMessage().message(3, ProtobufTestMessage().string(1, "bin").bytes(2, [0, 255]))
      .entry(2, "a", "b")
    let decodedMap = try decode(configMap, "v1", "ConfigMap")
    #expect(decodedMap["binaryData"] == ["bin": "AP8="])
    #expect(decodedMap["data"] == ["a": "b"])
  }

  @Test func intOrStringQuantityAndTimes() throws {
    let port = { (targetPort: ProtobufTestMessage) in
      ProtobufTestMessage().string(2, "TCP").int(3, 80).message(4, targetPort)
    }
    let service = ProtobufTestMessage().message(
      2,
      ProtobufTestMessage().message(1, port(ProtobufTestMessage().int(1, 0).int(2, 8080)))
        .message(1, port(ProtobufTestMessage().int(1, 1).string(3, "http"))))
    let decoded = try decode(service, "v1", "Service")
    #expect(decoded[path: ["spec", "ports"]]?.arrayValue?.map { $0["targetPort"] } == [8080, "http"])

    let quantity = ProtobufTestMessage().message(
      1, ProtobufTestMessage().string(1, "pods").message(2, ProtobufTestMessage().string(1, "2")))
    let quota = try decode(ProtobufTestMessage().message(2, quantity), "v1", "ResourceQuota")
    #expect(quota[path: ["spec", "hard"]] == ["pods": "2"])

    let event = ProtobufTestMessage().message(6, ProtobufTestMessage().int(1, 1_714_557_600))
      .message(10, ProtobufTestMessage().int(1, 1_714_557_600).int(2, 123_456_789))
    let decodedEvent = try decode(event, "v1", "Event")
    #expect(decodedEvent["firstTimestamp"] == "2024-05-01T10:00:00Z")
    #expect(decodedEvent["eventTime"] == "2024-05-01T10:00:00.123456Z")
  }

  @Test func inlineEmbeddedMessagesJoinTheirParentObject() throws {
    // core.v1.Volume: name is 1, VolumeSource is the message 2 whose hostPath is 1.
    let volume = ProtobufTestMessage().string(1, "data")
      .message(2, ProtobufTestMessage().message(1, ProtobufTestMessage().string(1, "/srv")))
    let pod = ProtobufTestMessage().message(2, ProtobufTestMessage().message(1, volume))
    let decoded = try decode(pod, "v1", "Pod")
    #expect(decoded[path: ["spec", "volumes"]] == [["name": "data", "hostPath": ["path": "/srv"]]])
  }

  @Test func fieldsNewerThanTheSchemaAreSkipped() throws {
    let namespace = ProtobufTestMessage().message(1, ProtobufTestMessage().string(1, "x").string(999, "new"))
      .fixed64(998, 7)
    #expect(
      try decode(namespace, "v1", "Namespace") == ["kind": "Namespace", "apiVersion": "v1", "metadata": ["name": "x"]])
  }

  @Test func malformedBodiesAreErrorsThatSayWhy() throws {
    #expect(throws: ProtobufDecodingError("no kind \"Widget\" is registered for version \"v1\"")) {
      try decode(emptyMessage, "v1", "Widget")
    }
    #expect(
      throws: ProtobufDecodingError(
        "provided data does not appear to be a protobuf message, expected prefix [107, 56, 115, 0]")
    ) {
      try decoder.decode(body: Array("{\"kind\":\"Namespace\"}".utf8))
    }
    #expect(
      throws: ProtobufDecodingError("apps.v1.DeploymentSpec.replicas expects integer, not a length-delimited value")
    ) {
      try decode(ProtobufTestMessage().message(2, ProtobufTestMessage().string(1, "3")), "apps/v1", "Deployment")
    }
  }
}
