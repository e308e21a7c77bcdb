import KubeModel
import Testing

@Suite("API group, version, kind and resource")
struct APIGroupVersionTests {
  @Test func parsesGroupVersions() throws {
    #expect(try GroupVersion(parsing: "apps/v1") == GroupVersion(group: "apps", version: "v1"))
    #expect(try GroupVersion(parsing: "v1") == GroupVersion(group: "", version: "v1"))
    #expect(try GroupVersion(parsing: "").description == "")
    #expect(try GroupVersion(parsing: "v1").description == "v1")
    #expect(try GroupVersion(parsing: "rbac.authorization.k8s.io/v1").description == "rbac.authorization.k8s.io/v1")
    #expect(
      (#expect(throws: APIIdentifierError.self) { try GroupVersion(parsing: "a/b/c") })?.message
        == "unexpected GroupVersion string: a/b/c")
  }

  @Test func writesKindsAndResourcesAsKubernetesDoes() throws {
    let deployment = try GroupVersionKind(apiVersion: "apps/v1", kind: "Deployment")
    #expect(deployment.description == "apps/v1, Kind=Deployment")
    #expect(deployment.apiVersion == "apps/v1")
    #expect(deployment.groupKind.description == "Deployment.apps")
    #expect(GroupKind(kind: "Pod").description == "Pod")
    let deployments = GroupVersion(group: "apps", version: "v1").withResource("deployments")
    #expect(deployments.description == "apps/v1, Resource=deployments")
    #expect(deployments.groupResource.description == "deployments.apps")
    #expect(GroupResource(resource: "pods").description == "pods")
  }

  @Test func parsesGroupResources() {
    #expect(GroupResource(parsing: "deployments.apps") == GroupResource(group: "apps", resource: "deployments"))
    #expect(
      GroupResource(parsing: "roles.rbac.authorization.k8s.io")
        == GroupResource(group: "rbac.authorization.k8s.io", resource: "roles"))
    #expect(GroupResource(parsing: "pods") == GroupResource(resource: "pods"))
  }
}
