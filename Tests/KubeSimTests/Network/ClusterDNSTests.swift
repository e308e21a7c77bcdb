import KubeModel
import Testing

@testable import KubeSim

/// Cluster DNS answers (services, headless services, StatefulSet pods, pod records, NXDOMAIN)
/// and the queries a pod's resolver makes from its search list.
@Suite struct ClusterDNSTests {
  static let objects = """
    kind: Service
    metadata: {name: web, namespace: default}
    spec: {clusterIP: 10.96.12.34, selector: {app: web}, ports: [{port: 80}]}
    ---
    kind: Service
    metadata: {name: db, namespace: data}
    spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
    ---
    kind: Pod
    metadata: {name: db-0, namespace: data, labels: {app: db}}
    spec: {hostname: db-0, subdomain: db, containers: [{name: db}]}
    status: {podIP: 10.244.0.7, conditions: [{type: Ready, status: "True"}]}
    ---
    kind: Pod
    metadata: {name: db-1, namespace: data, labels: {app: db}}
    spec: {hostname: db-1, subdomain: db, containers: [{name: db}]}
    status: {podIP: 10.244.0.8, conditions: [{type: Ready, status: "False"}]}
    """

  func dns() throws -> ClusterDNS {
    let objects = try YAML.decodeJSON(Self.objects)
    return ClusterDNS(
      services: objects.filter { $0["kind"] == "Service" }, pods: objects.filter { $0["kind"] == "Pod" },
      namespaces: ["default", "data"])
  }

  @Test func aServiceAnswersWithItsClusterIP() throws {
    #expect(try dns().addresses(of: "web.default.svc.cluster.local") == ["10.96.12.34"])
    #expect(try dns().addresses(of: "WEB.default.svc.cluster.local") == ["10.96.12.34"])
    #expect(try dns().addresses(of: "web.data.svc.cluster.local") == nil)
    #expect(try dns().addresses(of: "web.svc.cluster.local") == nil)
    #expect(try dns().addresses(of: "web.default") == nil)
  }

  @Test func aHeadlessServiceAnswersWithItsReadyPodsAndEachPodByHostname() throws {
    #expect(try dns().addresses(of: "db.data.svc.cluster.local") == ["10.244.0.7"])
    #expect(try dns().addresses(of: "db-0.db.data.svc.cluster.local") == ["10.244.0.7"])
    #expect(try dns().addresses(of: "db-9.db.data.svc.cluster.local") == nil)
  }

  @Test func podRecordsAreTheAddressWithDashes() throws {
    #expect(try dns().addresses(of: "10-244-0-7.data.pod.cluster.local") == ["10.244.0.7"])
    #expect(try dns().addresses(of: "10-244-0-7.nosuch.pod.cluster.local") == nil)
    #expect(try dns().addresses(of: "10-244-0.data.pod.cluster.local") == nil)
  }

  @Test func theResolverTriesTheSearchListForShortNames() {
    let search = ResolverSearch.searchList(namespace: "default")
    #expect(search == ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"])
    #expect(
      ResolverSearch.candidates("web", search: search, ndots: 5) == [
        "web.default.svc.cluster.local", "web.svc.cluster.local", "web.cluster.local",
      ])
    #expect(ResolverSearch.candidates("web.data", search: search, ndots: 5).last == "web.data")
    #expect(
      ResolverSearch.candidates("web.data.svc.cluster.local.", search: search, ndots: 5) == [
        "web.data.svc.cluster.local"
      ])
    #expect(ResolverSearch.candidates("a.b.c.d.e.f", search: search, ndots: 5).first == "a.b.c.d.e.f")
  }

  @Test func theKubeletWritesClusterFirstResolvConfAndHosts() throws {
    let pod = try #require(try YAML.decodeJSON(Self.objects).last)
    let files = PodNetworkFiles(pod: pod)
    #expect(
      files.resolvConf
        == "search data.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
    #expect(files.hosts.hasSuffix("10.244.0.8\tdb-1.db.data.svc.cluster.local\tdb-1\n"))
  }
}
