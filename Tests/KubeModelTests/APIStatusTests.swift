import KubeModel
import Testing

/// Messages as apimachinery's api/errors constructors (and KUBE-API-NOTES.md section 5) word them.
@Suite("API Status errors")
struct APIStatusTests {
  let pods = GroupResource(resource: "pods")
  let deployments = GroupResource(group: "apps", resource: "deployments")

  @Test func notFoundNamesTheResource() throws {
    let status = Status.notFound(resource: pods, name: "x")
    #expect(
      status.toJSON().serialized()
        == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}"#
    )
    let grouped = Status.notFound(resource: deployments, name: "x")
    #expect(grouped.message == #"deployments.apps "x" not found"#)
    #expect(grouped.details?.group == "apps")
  }

  @Test func alreadyExistsAndConflict() {
    #expect(Status.alreadyExists(resource: pods, name: "web").message == #"pods "web" already exists"#)
    #expect(Status.alreadyExists(resource: pods, name: "web").code == 409)
    let conflict = Status.conflict(resource: pods, name: "web")
    #expect(
      conflict.message
        == #"Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again"#
    )
    #expect(conflict.reason == "Conflict")
  }

  @Test func invalidUsesTheKindAndListsCauses() throws {
    let one = Status.invalid(
      kind: GroupKind(kind: "Pod"), name: "web", causes: [.required("spec.containers[0].image")])
    #expect(
      one.toJSON().serialized()
        == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"web\" is invalid: spec.containers[0].image: Required value","reason":"Invalid","details":{"name":"web","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers[0].image"}]},"code":422}"#
    )
    let several = Status.invalid(
      kind: GroupKind(group: "apps", kind: "Deployment"), name: "web",
      causes: [
        .invalid("spec.replicas", -1, "must be greater than or equal to 0"),
        .notSupported("spec.strategy.type", "Fast", supported: ["Recreate", "RollingUpdate"]),
      ])
    #expect(
      several.message
        == #"Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.strategy.type: Unsupported value: "Fast": supported values: "Recreate", "RollingUpdate"]"#
    )
    #expect(several.details?.causes.count == 2)
    #expect(Status.invalid(kind: GroupKind(kind: "Pod"), name: "web", causes: []).message == #"Pod "web" is invalid"#)
  }

  @Test func otherConstructors() {
    #expect(Status.badRequest("bad").code == 400)
    #expect(Status.badRequest("bad").message == "bad")
    #expect(Status.forbidden(resource: pods, name: "x", reason: "no").message == #"pods "x" is forbidden: no"#)
    #expect(Status.forbidden(resource: pods, reason: "no").message == "pods is forbidden: no")
    #expect(Status.forbidden(resource: GroupResource(resource: ""), reason: "no").message == "forbidden: no")
    #expect(Status.unauthorized().message == "not authorized")
    #expect(Status.unauthorized().code == 401)
    #expect(
      Status.methodNotSupported(resource: pods, action: "deletecollection").message
        == #"deletecollection is not supported on resources of kind "pods""#)
    #expect(Status.methodNotSupported(resource: pods, action: "x").code == 405)
    #expect(Status.internalError("boom").message == "Internal error occurred: boom")
    #expect(Status.internalError("boom").details?.causes == [Status.Cause(message: "boom")])
    #expect(Status.expired("too old resource version").reason == "Expired")
    #expect(Status.expired("too old resource version").code == 410)
    #expect(Status.gone("gone").reason == "Gone")
    #expect(Status.tooManyRequests("slow down", retryAfterSeconds: 3).details?.retryAfterSeconds == 3)
    #expect(Status.tooManyRequests("slow down", retryAfterSeconds: 3).code == 429)
    #expect(
      Status.notAcceptable(accepted: ["application/json", "application/yaml"]).message
        == "only the following media types are accepted: application/json, application/yaml")
    #expect(
      Status.unsupportedMediaType(accepted: ["application/json"]).message
        == "the body of the request was in an unknown format - accepted media types include: application/json")
    #expect(Status.unsupportedMediaType(accepted: []).code == 415)
  }

  @Test func roundTripsThroughJSON() throws {
    let original = Status.invalid(
      kind: GroupKind(kind: "Pod"), name: "web", causes: [.required("spec.containers")])
    #expect(try Status(json: original.toJSON()) == original)
    #expect(throws: APIIdentifierError.self) { try Status(json: ["kind": "Pod"]) }
  }
}
