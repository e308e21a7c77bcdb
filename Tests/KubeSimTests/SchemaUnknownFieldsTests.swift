import KubeModel
import Testing

@testable import KubeSim

@Suite("Strict field validation")
struct SchemaUnknownFieldsTests {
  let schema = APISchema.builtIn

  func unknown(_ text: String, _ apiVersion: String = "v1", _ kind: String = "Pod") throws -> [String] {
    schema.unknownFields(in: try JSON(parsing: text), apiVersion: apiVersion, kind: kind)
  }

  @Test("a valid pod has no unknown fields")
  func validPod() throws {
    let pod = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"},
       "annotations":{"a":"b"},"creationTimestamp":null},
       "spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}],
       "resources":{"limits":{"cpu":"500m","memory":1024}},
       "livenessProbe":{"httpGet":{"path":"/","port":"http"}}}]}}
      """
    #expect(try unknown(pod).isEmpty)
  }

  @Test("paths name fields, list indices and nesting as the server does")
  func paths() throws {
    #expect(try unknown(#"{"metadata":{"name":"x","lables":{"a":"b"}}}"#) == ["metadata.lables"])
    #expect(
      try unknown(#"{"spec":{"containers":[{"name":"a"},{"name":"b","imagee":"nginx"}]}}"#) == [
        "spec.containers[1].imagee"
      ])
    #expect(try unknown(#"{"Metadata":{}}"#) == ["Metadata"])
    let deployment = """
      {"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":2,
       "template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"portz":1}]}]}}}}
      """
    #expect(try unknown(deployment, "apps/v1", "Deployment") == ["spec.template.spec.containers[0].ports[0].portz"])
  }

  @Test("deep lists of objects in other groups")
  func otherGroups() throws {
    let hpa = """
      {"spec":{"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilisation":50}}}]}}
      """
    #expect(
      try unknown(hpa, "autoscaling/v2", "HorizontalPodAutoscaler") == [
        "spec.metrics[0].resource.target.averageUtilisation"
      ])
  }

  @Test("map values are reached through their key, as the decoder names them")
  func mapValues() throws {
    let document = try JSON(
      parsing: """
        {"kinds":{"example.com/v1":{"Widget":"example.v1.Widget"}},
         "types":{"example.v1.Widget":{"f":{"parts":"{}example.v1.Part"}},"example.v1.Part":{"f":{"size":"integer"}}}}
        """)
    let widgets = try APISchema(document: document)
    let widget = try JSON(parsing: #"{"parts":{"wheel":{"size":1},"door":{"sise":2}}}"#)
    #expect(widgets.unknownFields(in: widget, apiVersion: "example.com/v1", kind: "Widget") == ["parts.door.sise"])
  }

  @Test("several unknown fields are listed in document order")
  func documentOrder() throws {
    let fields = try unknown(
      #"{"spec":{"containers":[{"name":"a","imagee":"x"}],"restart":"Never"},"metadata":{"lables":{}}}"#)
    #expect(fields == ["spec.containers[0].imagee", "spec.restart", "metadata.lables"])
  }

  @Test("free-form values and kinds without a schema are not checked")
  func freeForm() throws {
    let revision = #"{"apiVersion":"apps/v1","kind":"ControllerRevision","data":{"anything":{"goes":1}},"revision":1}"#
    #expect(try unknown(revision, "apps/v1", "ControllerRevision").isEmpty)
    #expect(try unknown(#"{"spec":{"whatever":1}}"#, "example.com/v1", "Widget").isEmpty)
  }

  @Test("the error message matches the API server's")
  func messages() throws {
    let one = StrictDecodingError(apiVersion: "v1", kind: "Pod", unknownFields: ["metadata.lables"])
    #expect(
      one.message
        == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.lables""#)
    let fields = try unknown(
      #"{"spec":{"replicas":1,"replica":1,"template":{"spec":{"containers":[{"imagee":"x"}]}}}}"#, "apps/v1",
      "Deployment")
    let two = StrictDecodingError(apiVersion: "apps/v1", kind: "Deployment", unknownFields: fields)
    #expect(
      two.message
        == #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee""#
    )
    let quoted = StrictDecodingError(apiVersion: "v1", kind: "Pod", unknownFields: ["metadata.a\"b\n"])
    #expect(quoted.strictDecodingMessage == #"strict decoding error: unknown field "metadata.a\"b\n""#)
  }
}
