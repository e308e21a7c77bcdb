import Foundation
import KubeModel
import KubeSim
import Testing

@testable import NodeTools

/// etcdctl against the node's etcd: the flags are checked against the node's etcd certificates,
/// and with the right ones the keys are those kube-apiserver keeps the cluster's objects under.
@Suite struct EtcdctlTests {
  let fixture: NodeFixture
  let flags = NodeFixture.etcdFlags

  init() throws {
    fixture = try NodeFixture()
  }

  @Test func withoutCertificatesTheClientTimesOutAsEtcdctlDoes() async {
    let plain = await fixture.run("etcdctl get / --prefix --keys-only")
    #expect(plain.status == 1)
    #expect(plain.stdout.isEmpty)
    #expect(plain.stderr.hasPrefix("{\"level\":\"warn\",\"ts\":\""))
    #expect(plain.stderr.contains("\"msg\":\"retrying of unary invoker failed\""))
    #expect(plain.stderr.contains(#"desc = \"error reading server preface: EOF\""#))
    #expect(plain.stderr.hasSuffix("\"}\nError: context deadline exceeded\n"))

    let noCA = await fixture.run("etcdctl --endpoints=https://127.0.0.1:2379 member list")
    #expect(noCA.stderr.contains("x509: certificate signed by unknown authority"))
    let wrongCA = await fixture.run(
      "etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/ca.crt member list")
    #expect(wrongCA.stderr.contains("x509: certificate signed by unknown authority"))
    let noClient = await fixture.run(
      "etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt member list")
    #expect(noClient.stderr.contains("remote error: tls: certificate required"))
    #expect(noClient.status == 1)
    let foreignClient = await fixture.run(
      "etcdctl --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/apiserver.crt --key=/etc/kubernetes/pki/apiserver.key member list"
    )
    #expect(foreignClient.stderr.contains("remote error: tls: bad certificate"))
  }

  @Test func badFilesAreBadArguments() async {
    let certOnly = await fixture.run("etcdctl --cert=/etc/kubernetes/pki/etcd/server.crt get /")
    #expect(certOnly.status == 128)
    #expect(
      certOnly.stderr
        == "Error: KeyFile and CertFile must both be present[key: , cert: /etc/kubernetes/pki/etcd/server.crt]\n")
    let missing = await fixture.run("etcdctl --cacert=/x.crt get /")
    #expect(missing.status == 128)
    #expect(missing.stderr == "Error: open /x.crt: no such file or directory\n")
    let mismatched = await fixture.run(
      "etcdctl --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/peer.key get /"
    )
    #expect(mismatched.stderr == "Error: tls: private key does not match public key\n")
  }

  @Test func keysAreTheRegistryKeysOfTheClustersObjects() async {
    let result = await fixture.run("etcdctl \(flags) get / --prefix --keys-only")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("/registry/pods/kube-system/etcd-controlplane\n\n"))
    #expect(result.stdout.contains("/registry/minions/controlplane\n\n"))
    #expect(result.stdout.contains("/registry/services/specs/default/kubernetes\n\n"))
    #expect(result.stdout.contains("/registry/deployments/kube-system/coredns\n\n"))
    #expect(result.stdout.contains("/registry/namespaces/default\n\n"))
    // The same flags from the environment, as ETCDCTL_* variables.
    let environment = [
      "ETCDCTL_CACERT": "/etc/kubernetes/pki/etcd/ca.crt", "ETCDCTL_CERT": "/etc/kubernetes/pki/etcd/server.crt",
      "ETCDCTL_KEY": "/etc/kubernetes/pki/etcd/server.key", "ETCDCTL_API": "3",
    ]
    let fromEnvironment = await fixture.run(
      "etcdctl get /registry/namespaces/default --print-value-only", environment: environment)
    #expect(fromEnvironment.status == 0)
    let value = try? JSON(parsing: fromEnvironment.stdout)
    #expect(value?[path: ["metadata", "name"]]?.stringValue == "default")
  }

  @Test func putGetAndDeleteAClientKey() async {
    #expect(await fixture.run("etcdctl \(flags) put greeting hello").stdout == "OK\n")
    #expect(await fixture.run("etcdctl \(flags) get greeting").stdout == "greeting\nhello\n")
    #expect(await fixture.run("etcdctl \(flags) get greet --prefix --print-value-only").stdout == "hello\n")
    #expect(await fixture.run("etcdctl \(flags) del greeting").stdout == "1\n")
    #expect(await fixture.run("etcdctl \(flags) get greeting").stdout == "")
    // Deleting an object's key behind the API server's back deletes the object.
    #expect(await fixture.run("etcdctl \(flags) del /registry/configmaps/kube-system/coredns").stdout == "1\n")
    #expect(
      fixture.cluster.store.get(ObjectKey(resource: "configmaps", namespace: "kube-system", name: "coredns")) == nil)
  }

  @Test func membersAndEndpoints() async {
    let members = await fixture.run("etcdctl \(flags) member list")
    #expect(
      members.stdout.hasSuffix(
        ", started, controlplane, https://192.168.100.10:2380, https://192.168.100.10:2379, false\n"))
    let table = await fixture.run("etcdctl \(flags) member list -w table")
    #expect(table.stdout.hasPrefix("+------------------+---------+--------------+"))
    #expect(table.stdout.contains("|        ID        | STATUS  |     NAME     |"))
    let health = await fixture.run("etcdctl \(flags) endpoint health")
    #expect(health.stdout.hasPrefix("https://127.0.0.1:2379 is healthy: successfully committed proposal: took = "))
    let status = await fixture.run("etcdctl \(flags) endpoint status -w table")
    #expect(status.stdout.contains("|        ENDPOINT        |        ID        | VERSION |"))
    #expect(status.stdout.contains("|  3.5.21 |"))
  }

  @Test func haClustersHaveAMemberPerControlPlane() async throws {
    let ha = try NodeFixture(topology: "kubeadm-ha")
    let members = await ha.run("etcdctl \(flags) member list")
    #expect(members.stdout.split(separator: "\n").count == 3)
    #expect(members.stdout.contains(", started, controlplane03, "))
  }

  @Test func etcdctlAPI2IsNoLongerRead() async {
    let result = await fixture.run("etcdctl \(flags) get greeting", environment: ["ETCDCTL_API": "2"])
    #expect(result.status == 0)
    #expect(
      result.stderr.contains("\"msg\":\"unrecognized environment variable\",\"environment-variable\":\"ETCDCTL_API=2\"")
    )
  }

  @Test func snapshotSaveRestoreAndLoadBringTheClusterBack() async throws {
    let saved = await fixture.run("etcdctl \(flags) snapshot save /opt/snap.db")
    #expect(saved.status == 0)
    #expect(saved.stdout == "Snapshot saved at /opt/snap.db\n")
    #expect(saved.stderr.contains("\"msg\":\"saved\",\"path\":\"/opt/snap.db\""))
    #expect(FileManager.default.fileExists(atPath: fixture.tree.appendingPathComponent("opt/snap.db").path))

    let status = await fixture.run("etcdutl snapshot status /opt/snap.db -w table")
    #expect(status.stdout.contains(" HASH ") && status.stdout.contains("| REVISION | TOTAL KEYS | TOTAL SIZE |"))
    let simple = await fixture.run("etcdutl snapshot status /opt/snap.db")
    let fields = simple.stdout.dropLast().components(separatedBy: ", ")
    try #require(fields.count == 4)
    #expect(Int(fields[2]) ?? 0 > 50)

    try fixture.createPod("after-backup")
    #expect(fixture.pod("default", "after-backup") != nil)

    let restored = await fixture.run("etcdutl snapshot restore /opt/snap.db --data-dir /var/lib/etcd-from-backup")
    #expect(restored.status == 0)
    #expect(
      restored.stderr.contains("\tinfo\tsnapshot/v3_snapshot.go:265\trestoring snapshot\t{\"path\": \"/opt/snap.db\""))
    let dataDirectory = EtcdDataDirectory(fixture.tree.appendingPathComponent("var/lib/etcd-from-backup"))
    #expect(FileManager.default.fileExists(atPath: dataDirectory.database.path))
    let again = await fixture.run("etcdutl snapshot restore /opt/snap.db --data-dir /var/lib/etcd-from-backup")
    #expect(again.stderr == "Error: data-dir \"/var/lib/etcd-from-backup\" not empty or could not be read\n")

    // What the simulated kubelet does when etcd's data hostPath points at the restored folder.
    let snapshot = try #require(try dataDirectory.snapshot())
    fixture.cluster.restore(from: snapshot)
    #expect(fixture.pod("default", "after-backup") == nil)
    #expect(fixture.pod("kube-system", "etcd-controlplane") != nil)
    #expect(fixture.cluster.store.get(ObjectKey(resource: "nodes", namespace: "", name: "controlplane")) != nil)
    #expect(
      fixture.cluster.store.get(ObjectKey(resource: "deployments.apps", namespace: "kube-system", name: "coredns"))
        != nil)
  }

  @Test func etcdctlStillAnswersSnapshotStatusWithADeprecationNotice() async {
    _ = await fixture.run("etcdctl \(flags) snapshot save snap.db")
    let status = await fixture.run("etcdctl snapshot status /root/snap.db")
    #expect(status.stderr == "Deprecated: Use `etcdutl snapshot status` instead.\n\n")
    #expect(status.stdout.split(separator: ",").count == 4)
    let missing = await fixture.run("etcdutl snapshot status /nope.db")
    #expect(missing.stderr == "Error: stat /nope.db: no such file or directory\n")
  }

  @Test func linksOnTheNodeLeadInsideTheNode() async throws {
    // A link to an absolute path means the node's path, not the host's.
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(
      atPath: fixture.tree.appendingPathComponent("opt/out").path, withDestinationPath: outside.path)
    let escaped = await fixture.run("etcdctl \(flags) snapshot save /opt/out/snap.db")
    #expect(escaped.status == 5)
    #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("snap.db").path))
    #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("snap.db.part").path))
    // Inside the node the same link leads to the node's own folder.
    try fixture.write("", to: String(outside.path.dropFirst()) + "/.keep")
    #expect(await fixture.run("etcdctl \(flags) snapshot save /opt/out/snap.db").status == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: fixture.tree.appendingPathComponent(String(outside.path.dropFirst()) + "/snap.db").path))
    #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("snap.db").path))
  }

  @Test func aTamperedSnapshotFailsItsIntegrityCheck() throws {
    let snapshot = fixture.cluster.etcdSnapshot()

    var file = snapshot.file()
    #expect(try EtcdSnapshot(contentsOf: file) == snapshot)
    #expect(try EtcdSnapshot(contentsOf: snapshot.database()) == snapshot)
    file[file.count - 40] ^= 0x01
    // Refused either way: the digest no longer matches (or, when the digest's last byte happens to
    // read as a database's end, the bytes are no database).
    #expect(throws: EtcdSnapshotError.self) { try EtcdSnapshot(contentsOf: file) }
    #expect(throws: EtcdSnapshotError.notASnapshot) { try EtcdSnapshot(contentsOf: Data("SQLite format 3".utf8)) }
  }
}
