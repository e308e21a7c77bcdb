import Foundation
import KubeModel
import KubeSim
import Testing

@testable import NodeTools

/// crictl on a node: the containers, pods and images of that node, with the IDs the pods' status
/// gives, and image pulls the Node's status reports.
@Suite struct CrictlTests {
  let fixture: NodeFixture

  init() throws {
    fixture = try NodeFixture()
    try fixture.write("runtime-endpoint: unix:///run/containerd/containerd.sock\n", to: "etc/crictl.yaml")
  }

  func containerID(_ namespace: String, _ pod: String) -> String? {
    fixture.pod(namespace, pod)?[path: ["status", "containerStatuses"]]?.arrayValue?.first?["containerID"]?.stringValue
      .map { String($0.dropFirst("containerd://".count)) }
  }

  @Test func psListsTheNodesContainersWithThePodsContainerIDs() async throws {
    let etcdID = try #require(containerID("kube-system", "etcd-controlplane"))
    let result = await fixture.run("crictl ps")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("CONTAINER           IMAGE               CREATED") == true)
    let etcdLine = try #require(lines.first { $0.contains(" etcd ") })
    #expect(etcdLine.hasPrefix(String(etcdID.prefix(13)) + "       "))
    #expect(etcdLine.contains("etcd-controlplane"))
    #expect(etcdLine.hasSuffix("kube-system"))
    let quiet = await fixture.run("crictl ps -q --name etcd")
    #expect(quiet.stdout == etcdID + "\n")
  }

  @Test func eachNodeSeesOnlyItsOwnPods() async throws {
    let twoNodes = try NodeFixture(topology: "kubeadm-2node", node: "node01", controlPlane: false)
    let pods = twoNodes.cluster.store.list(resource: "pods", namespace: nil).items
    let bound = pods.filter { $0[path: ["spec", "nodeName"]] == "node01" }.compactMap {
      $0[path: ["metadata", "name"]]?.stringValue
    }
    #expect(!bound.isEmpty && bound.count < pods.count)
    let listed = await twoNodes.run("crictl pods -q")
    #expect(listed.stdout.split(separator: "\n").count == bound.count)
    let table = await twoNodes.run("crictl pods")
    for name in bound { #expect(table.stdout.contains(" \(name) ")) }
    #expect(!table.stdout.contains("etcd-controlplane"))
  }

  @Test func aContainerStartedByTheKubeletAppearsWithItsIDAndLogs() async throws {
    try fixture.createPod("web")
    #expect(await fixture.eventually { containerID("default", "web") != nil })
    let id = try #require(containerID("default", "web"))
    let listed = await fixture.run("crictl ps --name web -q")
    #expect(listed.stdout == id + "\n")
    let logs = await fixture.run("crictl logs \(id.prefix(8)) --tail 1")
    #expect(logs.status == 0)
    #expect(logs.stdout == "[notice] 1#1: start worker processes\n")
    let inspect = await fixture.run("crictl inspect \(id)")
    let json = try JSON(parsing: inspect.stdout)
    #expect(json[path: ["status", "id"]]?.stringValue == id)
    #expect(json[path: ["status", "state"]]?.stringValue == "CONTAINER_RUNNING")
    #expect(json[path: ["info", "sandboxID"]]?.stringValue?.count == 64)
    let pods = await fixture.run("crictl pods --name web")
    #expect(
      pods.stdout.contains("Ready               web                 default             0                   (default)"))
  }

  @Test func unknownContainersFailAsCrictlDoes() async {
    let result = await fixture.run("crictl inspect abc123")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "FATA[0000] get the status of containers: get container status: rpc error: code = NotFound desc = an error occurred when try to find container \"abc123\": not found\n"
    )
    #expect(await fixture.run("crictl logs").stderr == "FATA[0000] ID cannot be empty\n")
    let badFlag = await fixture.run("crictl ps --bogus")
    #expect(badFlag.status == 1)
    #expect(badFlag.stderr == "FATA[0000] flag provided but not defined: --bogus\n")
  }

  @Test func pulledImagesAreListedAndReportedInTheNodeStatus() async throws {
    let pulled = await fixture.run("crictl pull busybox:1.36")
    #expect(pulled.status == 0)
    #expect(pulled.stdout.hasPrefix("Image is up to date for sha256:"))
    let names = fixture.cluster.images(on: "controlplane").flatMap(\.names)
    #expect(names.contains("docker.io/library/busybox:1.36"))
    let images = await fixture.run("crictl images")
    let line = try #require(images.stdout.split(separator: "\n").first { $0.hasPrefix("docker.io/library/busybox") })
    #expect(line.contains("   1.36   "))
    let etcd = try #require(images.stdout.split(separator: "\n").first { $0.hasPrefix("registry.k8s.io/etcd ") })
    #expect(etcd.split(separator: " ").dropFirst().first == "3.5.21-0")
    let removed = await fixture.run("crictl rmi busybox:1.36")
    #expect(removed.stdout == "Deleted: docker.io/library/busybox:1.36\n")
    #expect(!fixture.cluster.images(on: "controlplane").flatMap(\.names).contains("docker.io/library/busybox:1.36"))
    let missing = await fixture.run("crictl rmi busybox:1.36")
    #expect(missing.status == 1)
    #expect(missing.stderr == "ERRO[0000] no such image busybox:1.36\nFATA[0000] unable to remove the image(s)\n")
  }

  @Test func anImageTheRegistryLacksFailsToPull() async {
    let result = await fixture.run("crictl pull nginx:nope")
    #expect(result.status == 1)
    #expect(result.stderr.contains("\"PullImage from image service failed\""))
    #expect(
      result.stderr.hasSuffix(
        "FATA[0000] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nope\": failed to resolve reference \"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found\n"
      ))
  }

  @Test func endpointsComeFromCrictlYAMLOrWarn() async throws {
    try FileManager.default.removeItem(at: fixture.tree.appendingPathComponent("etc/crictl.yaml"))
    let warned = await fixture.run("crictl ps")
    #expect(warned.status == 0)
    #expect(
      warned.stderr.hasPrefix(
        "WARN[0000] runtime connect using default endpoints: [unix:///run/containerd/containerd.sock"))
    #expect(warned.stderr.contains("WARN[0000] Image connect using default endpoints"))
    try fixture.write("runtime-endpoint: unix:///var/run/dockershim.sock\n", to: "etc/crictl.yaml")
    let broken = await fixture.run("crictl ps")
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("dial unix /var/run/dockershim.sock: connect: no such file or directory"))
  }

  @Test func infoFollowsTheNodesCNIConfiguration() async throws {
    let ready = try JSON(parsing: await fixture.run("crictl info").stdout)
    let conditions = ready[path: ["status", "conditions"]]?.arrayValue ?? []
    #expect(conditions.first { $0["type"] == "NetworkReady" }?["status"] == true)
    try FileManager.default.removeItem(at: fixture.tree.appendingPathComponent("etc/cni/net.d/10-flannel.conflist"))
    let broken = try JSON(parsing: await fixture.run("crictl info").stdout)
    let network = broken[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"] == "NetworkReady" }
    #expect(network?["status"] == false)
    #expect(network?["message"]?.stringValue == "Network plugin returns error: cni plugin not initialized")
  }

  @Test func ctrAndNerdctlSeeKubernetesContainersOnlyInK8sIO() async throws {
    let etcdID = try #require(containerID("kube-system", "etcd-controlplane"))
    let ctr = await fixture.run("ctr -n k8s.io containers ls")
    #expect(ctr.stdout.hasPrefix("CONTAINER "))
    let row = try #require(ctr.stdout.split(separator: "\n").first { $0.hasPrefix(etcdID + "    ") })
    #expect(row.contains(" registry.k8s.io/etcd:3.5.21-0 "))
    #expect(row.hasSuffix("io.containerd.runc.v2    "))
    #expect(await fixture.run("ctr containers ls").stdout == "CONTAINER    IMAGE    RUNTIME    \n")
    let images = await fixture.run("ctr --namespace k8s.io images ls -q")
    #expect(images.stdout.contains("registry.k8s.io/etcd:3.5.21-0\n"))
    let nerdctl = await fixture.run("nerdctl -n k8s.io ps")
    #expect(nerdctl.stdout.contains("k8s://kube-system/etcd-controlplane/etcd"))
    #expect(nerdctl.stdout.contains(String(etcdID.prefix(12))))
    let empty = await fixture.run("nerdctl ps")
    #expect(empty.stdout == "CONTAINER ID    IMAGE    COMMAND    CREATED    STATUS    PORTS    NAMES\n")
  }
}
