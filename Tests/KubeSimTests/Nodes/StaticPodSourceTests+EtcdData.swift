import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// etcd's data folder follows its static pod's manifest: pointing the `etcd-data` hostPath at a
/// restored folder brings the cluster back to the snapshot, a folder without a member gives an
/// empty cluster, and the folder left keeps what the cluster was. Same setup as the file source's
/// other tests: scans run on the cluster's queue, called by the test.
extension StaticPodSourceTests {
  var cluster: Cluster { sandbox.cluster }

  func file(_ path: String) throws -> URL {
    let url = trees.hostPath(path, on: "controlplane")
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    return url
  }

  /// Writes the etcd manifest kubeadm wrote (the mirror pod's spec), its data at `dataFolder`.
  func writeEtcdManifest(dataFolder: String) throws {
    let mirror = try #require(
      cluster.store.get(ObjectKey(resource: "pods", namespace: "kube-system", name: "etcd-controlplane")))
    var pod: JSON = ["apiVersion": "v1", "kind": "Pod", "spec": mirror["spec"] ?? [:]]
    pod["metadata"] = [
      "name": "etcd", "namespace": "kube-system", "labels": mirror[path: ["metadata", "labels"]] ?? [:],
    ]
    var volumes = pod[path: ["spec", "volumes"]]?.arrayValue ?? []
    for index in volumes.indices where volumes[index]["name"] == "etcd-data" {
      volumes[index][path: ["hostPath", "path"]] = .string(dataFolder)
    }
    pod[path: ["spec", "volumes"]] = .array(volumes)
    try write(pod.serialized(), to: "/etc/kubernetes/manifests/etcd.yaml")
    scan()
  }

  func exists(_ name: String, _ resource: String = "pods", namespace: String = "default") -> Bool {
    cluster.store.get(ObjectKey(resource: resource, namespace: namespace, name: name)) != nil
  }

  func createPod(_ name: String) throws {
    let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
    let pod: JSON = [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name)],
      "spec": ["containers": [["name": "c", "image": "nginx"]]],
    ]
    _ = try cluster.create(pods, namespace: "default", object: pod)
  }

  @Test func pointingTheDataHostPathAtARestoredFolderBringsTheSnapshotBack() throws {
    try writeEtcdManifest(dataFolder: "/var/lib/etcd")
    try EtcdDataDirectory(file("/var/lib/etcd-from-backup")).write(cluster.etcdSnapshot())
    try createPod("after-backup")

    try writeEtcdManifest(dataFolder: "/var/lib/etcd-from-backup")
    #expect(!exists("after-backup"))
    #expect(exists("coredns", "deployments.apps", namespace: "kube-system"))
    #expect(exists("etcd-controlplane", namespace: "kube-system"))
    // The etcd that stopped left the cluster it served in its folder.
    let left = try #require(try EtcdDataDirectory(file("/var/lib/etcd")).snapshot())
    #expect(left.objects.contains { $0.key.name == "after-backup" })

    // A folder without a member: an empty cluster, save for the nodes and the API server's namespaces.
    try writeEtcdManifest(dataFolder: "/var/lib/etcd-wrong")
    #expect(!exists("coredns", "deployments.apps", namespace: "kube-system"))
    #expect(exists("controlplane", "nodes", namespace: ""))
    #expect(exists("kube-system", "namespaces", namespace: ""))

    // Back on the first folder: what was made after the backup is there again.
    try writeEtcdManifest(dataFolder: "/var/lib/etcd")
    #expect(exists("after-backup"))
  }

  @Test func theDataFolderIsTheHostPathBehindTheDataDirMount() throws {
    let pod: JSON = [
      "spec": [
        "containers": [
          [
            "command": ["etcd", "--data-dir=/var/lib/etcd/data"],
            "volumeMounts": [["mountPath": "/var/lib/etcd", "name": "etcd-data"]],
          ]
        ],
        "volumes": [["name": "etcd-data", "hostPath": ["path": "/srv/etcd-restored"]]],
      ]
    ]
    #expect(EtcdDataMount.hostFolder(of: pod) == "/srv/etcd-restored/data")
  }
}
