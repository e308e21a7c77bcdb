import KubeModel
import Testing

@testable import KubeSim

/// The scheduler's filters and its FailedScheduling wording, without a cluster.
@Suite struct SchedulerFilterTests {
  let node: JSON = [
    "metadata": ["name": "node01", "labels": ["disk": "ssd", "kubernetes.io/hostname": "node01"]],
    "spec": [:],
    "status": ["allocatable": ["cpu": "2", "memory": "4Gi", "pods": "3"]],
  ]

  func pod(_ spec: JSON) -> JSON {
    var spec = spec
    if spec["containers"] == nil { spec["containers"] = [["name": "app", "image": "nginx"]] }
    return ["metadata": ["name": "p"], "spec": spec]
  }

  @Test func aPlainPodFits() {
    #expect(NodeFit.rejections(pod: pod([:]), node: node, podsOnNode: []).isEmpty)
  }

  @Test func nodeSelectorAndAffinityMustMatchLabels() {
    #expect(NodeFit.rejections(pod: pod(["nodeSelector": ["disk": "ssd"]]), node: node, podsOnNode: []).isEmpty)
    #expect(
      NodeFit.rejections(pod: pod(["nodeSelector": ["disk": "hdd"]]), node: node, podsOnNode: []) == [
        .affinityMismatch
      ])
    func affinity(_ op: String, _ values: [JSON] = []) -> JSON {
      pod([
        "affinity": [
          "nodeAffinity": [
            "requiredDuringSchedulingIgnoredDuringExecution": [
              "nodeSelectorTerms": [
                ["matchExpressions": [["key": "disk", "operator": .string(op), "values": .array(values)]]]
              ]
            ]
          ]
        ]
      ])
    }
    #expect(NodeFit.rejections(pod: affinity("In", ["ssd", "nvme"]), node: node, podsOnNode: []).isEmpty)
    #expect(NodeFit.rejections(pod: affinity("NotIn", ["ssd"]), node: node, podsOnNode: []) == [.affinityMismatch])
    #expect(NodeFit.rejections(pod: affinity("Exists"), node: node, podsOnNode: []).isEmpty)
    #expect(NodeFit.rejections(pod: affinity("DoesNotExist"), node: node, podsOnNode: []) == [.affinityMismatch])
  }

  @Test func taintsNeedTolerationsAndCordonedNodesRefusePods() {
    var tainted = node
    tainted[path: ["spec", "taints"]] = [["key": "gpu", "value": "true", "effect": "NoSchedule"]]
    #expect(
      NodeFit.rejections(pod: pod([:]), node: tainted, podsOnNode: []) == [
        .untoleratedTaint(key: "gpu", value: "true")
      ])
    let tolerating = pod([
      "tolerations": [["key": "gpu", "operator": "Equal", "value": "true", "effect": "NoSchedule"]]
    ])
    #expect(NodeFit.rejections(pod: tolerating, node: tainted, podsOnNode: []).isEmpty)
    var preferNot = node
    preferNot[path: ["spec", "taints"]] = [["key": "gpu", "effect": "PreferNoSchedule"]]
    #expect(NodeFit.rejections(pod: pod([:]), node: preferNot, podsOnNode: []).isEmpty)
    var cordoned = node
    cordoned[path: ["spec", "unschedulable"]] = true
    #expect(NodeFit.rejections(pod: pod([:]), node: cordoned, podsOnNode: []) == [.unschedulable])
  }

  @Test func requestsCountAgainstAllocatableMinusOtherPods() {
    let big = pod(["containers": [["name": "a", "image": "nginx", "resources": ["requests": ["cpu": "1500m"]]]]])
    #expect(NodeFit.rejections(pod: big, node: node, podsOnNode: []).isEmpty)
    #expect(NodeFit.rejections(pod: big, node: node, podsOnNode: [big]) == [.insufficient("cpu")])
    let memory = pod(["containers": [["name": "a", "image": "nginx", "resources": ["limits": ["memory": "5Gi"]]]]])
    #expect(NodeFit.rejections(pod: memory, node: node, podsOnNode: []) == [.insufficient("memory")])
    #expect(
      NodeFit.rejections(pod: pod([:]), node: node, podsOnNode: [pod([:]), pod([:]), pod([:])]) == [.tooManyPods])
  }

  @Test func failureMessagesReadAsTheRealSchedulerWritesThem() {
    #expect(
      SchedulingFailureMessage.message(nodeCount: 1, rejections: [[.affinityMismatch]])
        == "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are "
        + "available: 1 Preemption is not helpful for scheduling.")
    #expect(
      SchedulingFailureMessage.message(
        nodeCount: 3,
        rejections: [
          [.untoleratedTaint(key: "node-role.kubernetes.io/control-plane", value: "")], [.insufficient("cpu")],
          [.insufficient("cpu")],
        ])
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
        + "2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
        + "2 No preemption victims found for incoming pod.")
  }

  @Test func quantitiesAndProcesses() throws {
    #expect(ResourceQuantity.value("250m") == 0.25)
    #expect(ResourceQuantity.value("128Mi") == 134_217_728)
    let busybox = try #require(ImageCatalog.builtIn.images["busybox"])
    #expect(ContainerProcess(image: busybox, command: [], args: []).lifetime == 0)
    #expect(ContainerProcess(image: busybox, command: [], args: ["echo", "hi"]).output == "hi\n")
    #expect(ContainerProcess(image: busybox, command: ["sleep", "3600"], args: []).lifetime == 3600)
    #expect(ContainerProcess(image: busybox, command: ["sh", "-c", "echo a; exit 3"], args: []).exitCode == 3)
    #expect(
      ContainerProcess(image: busybox, command: ["sh", "-c", "while true; do sleep 5; done"], args: []).lifetime == nil)
    let nginx = try #require(ImageCatalog.builtIn.images["nginx"])
    #expect(ContainerProcess(image: nginx, command: [], args: []).lifetime == nil)
    if case .success = ImageCatalog.builtIn.resolve(.init("redis123")) { Issue.record("redis123 resolved") }
    if case .success = ImageCatalog.builtIn.resolve(.init("nginx:1.99")) { Issue.record("nginx:1.99 resolved") }
    #expect(ImageCatalog.Reference("kodekloud/webapp-color").qualified == "docker.io/kodekloud/webapp-color:latest")
  }

  @Test func podAddressesComeFromTheNodeCIDR() {
    let node: JSON = ["spec": ["podCIDR": "10.244.0.0/24"]]
    #expect(PodIPAllocator.allocate(node: node, taken: []) == "10.244.0.2")
    #expect(PodIPAllocator.allocate(node: node, taken: ["10.244.0.2", "10.244.0.3"]) == "10.244.0.4")
  }
}
