import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Client: discovery and the REST mapper")
struct ClientDiscoveryTests {
  @Test func namesResolveAsKubectlResolvesThem() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let expected: [(String, String, String, String, Bool)] = [
      ("po", "", "v1", "pods", true), ("pods", "", "v1", "pods", true), ("pod", "", "v1", "pods", true),
      ("Pod", "", "v1", "pods", true), ("deploy", "apps", "v1", "deployments", true),
      ("deployments.apps", "apps", "v1", "deployments", true), ("Deployment.apps", "apps", "v1", "deployments", true),
      ("deployments.v1.apps", "apps", "v1", "deployments", true), ("ev", "", "v1", "events", true),
      ("events", "", "v1", "events", true), ("events.events.k8s.io", "events.k8s.io", "v1", "events", true),
      ("sts", "apps", "v1", "statefulsets", true), ("no", "", "v1", "nodes", false),
      ("ns", "", "v1", "namespaces", false),
    ]
    for (name, group, version, resource, namespaced) in expected {
      let found = try await client.resource(name)
      #expect(
        [found.group, found.version, found.resource] == [group, version, resource] && found.namespaced == namespaced,
        "\(name) resolved to \(found.groupVersionResource)")
    }
  }

  @Test func discoveryIsCachedPerClient() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    _ = try await client.resource("po")
    sandbox.faults.inject(.status(500), count: 10)
    #expect(try await client.resource("deploy").resource == "deployments")  // no request needed
    sandbox.faults.clear()
  }

  @Test func anUnknownNameIsReportedAsKubectlDoes() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let error = await clientError { _ = try await client.resource("flurbs") }
    #expect(error.map(String.init(describing:)) == #"the server doesn't have a resource type "flurbs""#)
  }
}
