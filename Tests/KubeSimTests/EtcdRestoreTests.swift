import Foundation
import KubeModel
import KubeSim
import Synchronization
import Testing

/// Restoring an etcd snapshot replaces the stored objects: watchers see what went and what came
/// back, and nothing unchanged; and the server reports the version its API server runs.
@Suite struct EtcdRestoreTests {
  @Test func restoreDeletesWhatCameAfterTheSnapshotAndBringsBackWhatWent() throws {
    let cluster = Cluster()
    try cluster.load(Topology.builtIn(named: "kubeadm"), start: Date())
    let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
    let configMaps = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "configmaps"))
    cluster.etcdPut("greeting", value: "hello")
    let snapshot = cluster.etcdSnapshot()
    _ = try cluster.create(
      pods, namespace: "default",
      object: ["metadata": ["name": "late"], "spec": ["containers": [["name": "c", "image": "nginx"]]]])
    _ = cluster.etcdDelete(["/registry/configmaps/kube-system/coredns", "greeting"])

    let events = Events()
    for resource in ["pods", "configmaps"] {
      _ = cluster.store.watch(resource: resource, namespace: nil, since: cluster.store.resourceVersion) {
        events.add($0)
      }
    }
    cluster.restore(from: snapshot)

    #expect((try? cluster.get(pods, namespace: "default", name: "late")) == nil)
    #expect((try? cluster.get(configMaps, namespace: "kube-system", name: "coredns")) != nil)
    #expect(cluster.etcdKeys.all["greeting"]?.value == "hello")
    #expect(events.seen == ["DELETED pods late", "ADDED configmaps coredns"])
  }

  @Test func theServerReportsTheVersionOfItsAPIServer() throws {
    let cluster = Cluster()
    try cluster.load(Topology.builtIn(named: "kubeadm"), start: Date())
    #expect(cluster.serverVersion.gitVersion == "v1.33.1")
    cluster.serverVersion = try #require(ServerVersion(gitVersion: "v1.34.1"))
    let response = APIHandler(cluster: cluster, serverAddress: "127.0.0.1:0").handle(
      APIRequest(method: "GET", uri: "/version", headers: [], body: [], user: nil))
    guard case .bytes(let body) = response.body else {
      Issue.record("/version is not a plain body")
      return
    }
    let version = try JSON(parsing: body)
    #expect(version["gitVersion"] == "v1.34.1")
    #expect(version["minor"] == "34")
    #expect(ServerVersion(gitVersion: "1.34") == nil)
  }

  final class Events: Sendable {
    private let names = Mutex<[String]>([])

    func add(_ event: StoreEvent) {
      let name = event.object[path: ["metadata", "name"]]?.stringValue ?? ""
      names.withLock { $0.append("\(event.kind.rawValue) \(event.resource) \(name)") }
    }

    var seen: [String] { names.withLock { $0 } }
  }
}
