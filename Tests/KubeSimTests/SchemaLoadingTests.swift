import KubeModel
import Testing

@testable import KubeSim

@Suite("API schema")
struct SchemaLoadingTests {
  let schema = APISchema.builtIn

  @Test("every served kind maps to a type, and every reference resolves")
  func servedKinds() throws {
    let pod = try #require(schema.type(apiVersion: "v1", kind: "Pod"))
    #expect(pod.fields["spec"]?.shape == .type("core.v1.PodSpec"))
    #expect(schema.type(apiVersion: "apps/v1", kind: "Deployment")?.name == "apps.v1.Deployment")
    #expect(schema.type(apiVersion: "events.k8s.io/v1", kind: "Event")?.name == "events.v1.Event")
    #expect(schema.type(apiVersion: "v1", kind: "Event")?.name == "core.v1.Event")
    #expect(schema.type(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler") != nil)
    #expect(schema.type(apiVersion: "apps/v1", kind: "Pod") == nil)
  }

  @Test("fields carry patch strategies, merge keys and list types")
  func patchMetadata() throws {
    let container = try #require(schema.type(named: "core.v1.Container"))
    let ports = try #require(container.fields["ports"])
    #expect(ports.shape == .list(.type("core.v1.ContainerPort")))
    #expect(ports.mergesList && ports.mergeKey == "containerPort" && ports.listType == "map")
    #expect(container.fields["args"]?.listType == "atomic")
    #expect(container.fields["args"]?.mergesList == false)
    let podSpec = try #require(schema.type(named: "core.v1.PodSpec"))
    #expect(podSpec.fields["volumes"]?.patchStrategies == ["merge", "retainKeys"])
    #expect(podSpec.fields["nodeSelector"]?.shape == .map(.string))
    let strategy = try #require(schema.type(named: "apps.v1.DeploymentSpec")?.fields["strategy"])
    #expect(strategy.retainsKeys && !strategy.mergesList)
    #expect(schema.type(named: "meta.v1.ObjectMeta")?.fields["finalizers"]?.mergesList == true)
  }

  @Test("types with their own JSON form are free-form")
  func freeFormTypes() {
    #expect(schema.type(named: "intstr.IntOrString")?.freeForm == .intOrString)
    #expect(schema.type(named: "resource.Quantity")?.freeForm == .quantity)
    #expect(schema.type(named: "meta.v1.Time")?.freeForm == .time)
    #expect(schema.type(named: "runtime.RawExtension")?.freeForm == .object)
  }

  @Test("a document with a dangling reference is rejected with its location")
  func danglingReference() throws {
    let document = try JSON(
      parsing: #"{"kinds":{"v1":{"Pod":"core.v1.Pod"}},"types":{"core.v1.Pod":{"f":{"spec":"core.v1.PodSpec"}}}}"#)
    #expect(throws: APISchemaError("core.v1.Pod.spec refers to the undefined type core.v1.PodSpec")) {
      try APISchema(document: document)
    }
  }
}
