import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The ReplicaSet and Deployment controllers on a cluster without HTTP, synced by hand, their
/// timers driven by a manual clock.
@Suite struct WorkloadControllerTests {
  let clock = ManualClock()
  let cluster: Cluster

  init() {
    cluster = Cluster(clock: clock)
  }

  func resource(_ groupVersion: String, _ plural: String) throws -> ServedResource {
    try #require(cluster.catalog.resource(groupVersion: groupVersion, plural: plural))
  }

  func pods() throws -> [JSON] { cluster.list(try resource("v1", "pods"), namespace: "default").items }

  func makeNamespace() throws {
    _ = try cluster.create(
      try resource("v1", "namespaces"), namespace: nil, object: ["metadata": ["name": "default"]])
  }

  func replicaSet(replicas: Int) throws -> JSON {
    try cluster.create(
      try resource("apps/v1", "replicasets"), namespace: "default",
      object: [
        "metadata": ["name": "web"],
        "spec": [
          "replicas": .int(replicas), "selector": ["matchLabels": ["app": "web"]],
          "template": [
            "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
          ],
        ],
      ]
    ).object
  }

  @Test func missingPodsAreCreatedWithAnOwnerAndAGeneratedName() throws {
    try makeNamespace()
    let owner = try replicaSet(replicas: 3)
    let controller = ReplicaSetController(cluster: cluster)
    let kind = try resource("apps/v1", "replicasets")
    controller.sync(owner, kind)
    let created = try pods()
    #expect(created.count == 3)
    for pod in created {
      let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
      #expect(name.hasPrefix("web-") && name.count == "web-".count + 5, "\(name)")
      #expect(pod[path: ["metadata", "labels", "app"]] == "web")
      #expect(OwnerReferences.controllerUID(of: pod) == owner[path: ["metadata", "uid"]]?.stringValue)
      #expect(pod[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["blockOwnerDeletion"] == true)
    }
    // The status reports the pods a sync finds; the next sync (their ADDED events) counts them.
    controller.sync(try cluster.get(kind, namespace: "default", name: "web"), kind)
    #expect(try pods().count == 3, "nothing more is created")
    let status = try cluster.get(kind, namespace: "default", name: "web")["status"]
    #expect(status?["replicas"] == 3)
    #expect(status?["observedGeneration"] == 1)
  }

  @Test func anOrphanThatMatchesIsAdoptedAndOneThatStopsMatchingIsReleased() throws {
    try makeNamespace()
    let podsType = try resource("v1", "pods")
    _ = try cluster.create(
      podsType, namespace: "default",
      object: [
        "metadata": ["name": "stray", "labels": ["app": "web"]],
        "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
      ])
    let owner = try replicaSet(replicas: 1)
    let controller = ReplicaSetController(cluster: cluster)
    let kind = try resource("apps/v1", "replicasets")
    controller.sync(owner, kind)
    #expect(try pods().count == 1, "the orphan counts toward the replicas")
    let adopted = try cluster.get(podsType, namespace: "default", name: "stray")
    #expect(OwnerReferences.controllerUID(of: adopted) == owner[path: ["metadata", "uid"]]?.stringValue)
    var relabeled = adopted
    relabeled[path: ["metadata", "labels"]] = ["app": "debug"]
    _ = try cluster.update(podsType, namespace: "default", name: "stray", object: relabeled)
    controller.sync(owner, kind)
    let released = try cluster.get(podsType, namespace: "default", name: "stray")
    #expect(released[path: ["metadata", "ownerReferences"]] == nil)
    #expect(try pods().count == 2, "a replacement joins the released pod")
  }

  @Test func aReadyPodBecomesAvailableAfterMinReadySeconds() throws {
    try makeNamespace()
    let kind = try resource("apps/v1", "replicasets")
    var owner = try replicaSet(replicas: 1)
    owner[path: ["spec", "minReadySeconds"]] = 30
    owner = try cluster.update(kind, namespace: "default", name: "web", object: owner).object
    let controller = ReplicaSetController(cluster: cluster)
    controller.sync(owner, kind)
    let pod = try #require(try pods().first)
    let name = try #require(pod[path: ["metadata", "name"]]?.stringValue)
    _ = try cluster.write(
      try resource("v1", "pods"), namespace: "default", name: name, subresource: "status", options: WriteOptions(),
      warnings: []
    ) { current in
      var ready = current
      ready[path: ["status", "phase"]] = "Running"
      ready[path: ["status", "conditions"]] = [
        ["type": "Ready", "status": "True", "lastTransitionTime": .string(APITimestamp.string(clock.now))]
      ]
      return ready
    }
    // On the cluster's queue, as the controller manager runs it, so the later look is serialised too.
    let latest = try cluster.get(kind, namespace: "default", name: "web")
    cluster.queue.sync { controller.sync(latest, kind) }
    let early = try cluster.get(kind, namespace: "default", name: "web")["status"]
    #expect(early?["readyReplicas"] == 1)
    #expect(early?["availableReplicas"] == nil, "not yet ready for minReadySeconds")
    clock.advance(by: 29)
    #expect(try cluster.get(kind, namespace: "default", name: "web")[path: ["status", "availableReplicas"]] == nil)
    clock.advance(by: 1)
    #expect(try cluster.get(kind, namespace: "default", name: "web")[path: ["status", "availableReplicas"]] == 1)
  }

  @Test func aReplicationControllerSelectsWithAPlainLabelMap() throws {
    try makeNamespace()
    let kind = try resource("v1", "replicationcontrollers")
    let owner = try cluster.create(
      kind, namespace: "default",
      object: [
        "metadata": ["name": "legacy"],
        "spec": [
          "replicas": 2, "selector": ["app": "web"],
          "template": [
            "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
          ],
        ],
      ]
    ).object
    ReplicaSetController(cluster: cluster).sync(owner, kind)
    let created = try pods()
    #expect(created.count == 2)
    #expect(created.allSatisfy { $0[path: ["metadata", "generateName"]] == "legacy-" })
    #expect(
      created.allSatisfy {
        $0[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["kind"] == "ReplicationController"
      })
  }

  @Test func surplusPodsAreDeleted() throws {
    try makeNamespace()
    let kind = try resource("apps/v1", "replicasets")
    let controller = ReplicaSetController(cluster: cluster)
    controller.sync(try replicaSet(replicas: 3), kind)
    let scaled = try cluster.setScale(kind, namespace: "default", name: "web", replicas: 1)
    #expect(scaled[path: ["spec", "replicas"]] == 1)
    controller.sync(try cluster.get(kind, namespace: "default", name: "web"), kind)
    #expect(try pods().count == 1)
  }

  @Test func aDeploymentMakesAHashedReplicaSetWithRevisionOne() throws {
    try makeNamespace()
    let deployments = try resource("apps/v1", "deployments")
    let deployment = try cluster.create(
      deployments, namespace: "default",
      object: [
        "metadata": ["name": "web"],
        "spec": [
          "replicas": 2, "selector": ["matchLabels": ["app": "web"]],
          "template": [
            "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
          ],
        ],
      ]
    ).object
    let controller = DeploymentController(cluster: cluster)
    controller.sync(deployment)
    controller.sync(try cluster.get(deployments, namespace: "default", name: "web"))
    let sets = cluster.list(try resource("apps/v1", "replicasets"), namespace: "default").items
    #expect(sets.count == 1, "a second sync finds the same template's set")
    let hash = try #require(
      sets.first?[path: ["spec", "template", "metadata", "labels", "pod-template-hash"]]?.stringValue)
    #expect(sets.first?[path: ["metadata", "name"]]?.stringValue == "web-\(hash)")
    #expect(sets.first?[path: ["spec", "selector", "matchLabels", "pod-template-hash"]]?.stringValue == hash)
    #expect(sets.first?[path: ["spec", "replicas"]] == 2)
    #expect(sets.first?[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]] == "1")
    #expect(sets.first?[path: ["metadata", "annotations", "deployment.kubernetes.io/max-replicas"]] == "3")
    let stored = try cluster.get(deployments, namespace: "default", name: "web")
    #expect(stored[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]] == "1")
    #expect(stored[path: ["status", "observedGeneration"]] == 1)
  }

  @Test func theTopologysCorednsIsLeftAsItIs() throws {
    try cluster.load(try Topology.builtIn(named: "kubeadm"), start: Date())
    let sets = try resource("apps/v1", "replicasets")
    let deployments = try resource("apps/v1", "deployments")
    let before = cluster.store.list(resource: "pods", namespace: "kube-system").resourceVersion
    let deployment = try cluster.get(deployments, namespace: "kube-system", name: "coredns")
    DeploymentController(cluster: cluster).sync(deployment)
    let controller = ReplicaSetController(cluster: cluster)
    for replicaSet in cluster.list(sets, namespace: "kube-system").items { controller.sync(replicaSet, sets) }
    #expect(cluster.list(sets, namespace: "kube-system").items.count == 1)
    let corednsPods = cluster.list(try resource("v1", "pods"), namespace: "kube-system").items.filter {
      $0[path: ["metadata", "name"]]?.stringValue?.hasPrefix("coredns-") == true
    }
    #expect(corednsPods.count == 2)
    #expect(cluster.store.list(resource: "pods", namespace: "kube-system").resourceVersion == before, "nothing written")
  }
}
