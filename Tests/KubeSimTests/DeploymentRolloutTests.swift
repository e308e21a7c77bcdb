import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The Deployment controller's rollout steps, with ReplicaSet statuses set by hand in place of the
/// ReplicaSet controller and the kubelet.
@Suite struct DeploymentRolloutTests {
  let cluster = Cluster()
  let deployments: ServedResource
  let replicaSets: ServedResource

  init() throws {
    deployments = try #require(cluster.catalog.resource(groupVersion: "apps/v1", plural: "deployments"))
    replicaSets = try #require(cluster.catalog.resource(groupVersion: "apps/v1", plural: "replicasets"))
    let namespaces = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "namespaces"))
    _ = try cluster.create(namespaces, namespace: nil, object: ["metadata": ["name": "default"]])
  }

  func createDeployment(_ strategy: JSON, replicas: Int = 4, historyLimit: Int = 10) throws {
    _ = try cluster.create(
      deployments, namespace: "default",
      object: [
        "metadata": ["name": "web"],
        "spec": [
          "replicas": .int(replicas), "strategy": strategy, "revisionHistoryLimit": .int(historyLimit),
          "selector": ["matchLabels": ["app": "web"]],
          "template": [
            "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
          ],
        ],
      ])
  }

  func sync() throws {
    DeploymentController(cluster: cluster).sync(try cluster.get(deployments, namespace: "default", name: "web"))
  }

  func setImage(_ image: String) throws {
    var deployment = try cluster.get(deployments, namespace: "default", name: "web")
    deployment[path: ["spec", "template", "spec", "containers"]] = [["name": "nginx", "image": .string(image)]]
    _ = try cluster.update(deployments, namespace: "default", name: "web", object: deployment)
  }

  /// Image → spec.replicas of the ReplicaSet running it.
  func scales() -> [String: Int] {
    var scales: [String: Int] = [:]
    for set in cluster.list(replicaSets, namespace: "default").items {
      let image = set[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue ?? ""
      scales[image] = set[path: ["spec", "replicas"]]?.intValue ?? -1
    }
    return scales
  }

  /// Pretends every ReplicaSet's pods exist and are available (or, for `running: false`, gone).
  func settle(running: Bool = true) throws {
    for set in cluster.list(replicaSets, namespace: "default").items {
      let name = try #require(set[path: ["metadata", "name"]]?.stringValue)
      let count: JSON = running ? set[path: ["spec", "replicas"]] ?? 0 : 0
      _ = try cluster.write(
        replicaSets, namespace: "default", name: name, subresource: "status", options: WriteOptions(), warnings: []
      ) { current in
        var next = current
        next["status"] = ["replicas": count, "readyReplicas": count, "availableReplicas": count]
        return next
      }
    }
  }

  @Test func aRollingUpdateSurgesByOneAndWaitsForAvailability() throws {
    try createDeployment(["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0]])
    try sync()
    try settle()
    try setImage("nginx:1.27")
    try sync()
    #expect(scales() == ["nginx": 4, "nginx:1.27": 1], "one above the desired four, none taken away yet")
    try sync()
    #expect(scales() == ["nginx": 4, "nginx:1.27": 1], "the new pod is not available yet")
    try settle()
    try sync()
    #expect(scales() == ["nginx": 3, "nginx:1.27": 1], "an old pod goes once the new one is available")
    try sync()
    #expect(scales() == ["nginx": 3, "nginx:1.27": 2])
    for _ in 0..<6 {
      try settle()
      try sync()
    }
    #expect(scales() == ["nginx": 0, "nginx:1.27": 4])
    let status = try cluster.get(deployments, namespace: "default", name: "web")["status"]
    #expect(status?["updatedReplicas"] == 4 && status?["availableReplicas"] == 4, "\(String(describing: status))")
    let progressing = status?["conditions"]?.arrayValue?.first { $0["type"] == "Progressing" }
    #expect(progressing?["reason"] == "NewReplicaSetAvailable")
  }

  @Test func recreateTakesTheOldPodsAwayBeforeTheNewOnes() throws {
    try createDeployment(["type": "Recreate"], replicas: 2)
    try sync()
    try settle()
    try setImage("nginx:1.27")
    try sync()
    #expect(scales() == ["nginx": 0], "no new set while old pods run")
    try settle(running: false)
    try sync()
    #expect(scales() == ["nginx": 0, "nginx:1.27": 2])
  }

  @Test func anOldTemplateComingBackReusesItsSetWithTheNextRevision() throws {
    try createDeployment(["type": "Recreate"], replicas: 1, historyLimit: 1)
    for image in ["nginx:1.27", "nginx", "nginx:1.26"] {
      try sync()
      try settle(running: false)
      try sync()
      try settle()
      try sync()
      try setImage(image)
    }
    try sync()
    try settle(running: false)
    try sync()
    try settle()
    try sync()
    let revisions = cluster.list(replicaSets, namespace: "default").items.map {
      DeploymentAnnotations.revision(of: $0)
    }.sorted()
    #expect(revisions == [3, 4], "revision 1 came back as 3, and history keeps one idle set: \(revisions)")
    let deployment = try cluster.get(deployments, namespace: "default", name: "web")
    #expect(DeploymentAnnotations.revision(of: deployment) == 4)
  }
}
