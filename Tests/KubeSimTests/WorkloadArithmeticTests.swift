import KubeModel
import Testing

@testable import KubeSim

/// The pod-template hash and the rolling-update bounds, without a cluster.
@Suite struct WorkloadArithmeticTests {
  let template: JSON = [
    "metadata": ["labels": ["app": "web"]],
    "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
  ]

  @Test func theHashIsStableShortAndUsesTheNameAlphabet() {
    let hash = PodTemplateHash.hash(of: template)
    #expect(hash == PodTemplateHash.hash(of: template))
    #expect(!hash.isEmpty && hash.count <= 10)
    #expect(hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) }, "\(hash)")
  }

  @Test func theHashIgnoresKeyOrderButNotContent() {
    let reordered: JSON = [
      "spec": ["containers": [["image": "nginx", "name": "nginx"]]],
      "metadata": ["labels": ["app": "web"]],
    ]
    #expect(PodTemplateHash.hash(of: reordered) == PodTemplateHash.hash(of: template))
    var changed = template
    changed[path: ["spec", "containers"]] = [["name": "nginx", "image": "nginx:1.27"]]
    #expect(PodTemplateHash.hash(of: changed) != PodTemplateHash.hash(of: template))
    #expect(PodTemplateHash.hash(of: template, collisionCount: 1) != PodTemplateHash.hash(of: template))
  }

  @Test func theHashLabelIsLeftOutWhenComparingTemplates() {
    var labeled = template
    labeled[path: ["metadata", "labels", "pod-template-hash"]] = "abc"
    #expect(PodTemplateHash.withoutHashLabel(labeled) == template)
  }

  @Test func percentagesRoundSurgeUpAndUnavailableDown() {
    let ten = RollingUpdateBounds(maxSurge: "25%", maxUnavailable: "25%", desired: 10)
    #expect(ten == RollingUpdateBounds(maxSurge: 3, maxUnavailable: 2))
    let three = RollingUpdateBounds(maxSurge: "25%", maxUnavailable: "25%", desired: 3)
    #expect(three == RollingUpdateBounds(maxSurge: 1, maxUnavailable: 0))
    let integers = RollingUpdateBounds(maxSurge: 2, maxUnavailable: 1, desired: 5)
    #expect(integers == RollingUpdateBounds(maxSurge: 2, maxUnavailable: 1))
  }

  @Test func noSurgeAndNoUnavailabilityStillAllowsOneDown() {
    #expect(
      RollingUpdateBounds(maxSurge: 0, maxUnavailable: "0%", desired: 4)
        == RollingUpdateBounds(maxSurge: 0, maxUnavailable: 1))
    #expect(
      RollingUpdateBounds(maxSurge: 0, maxUnavailable: 9, desired: 4)
        == RollingUpdateBounds(maxSurge: 0, maxUnavailable: 4))
  }

  @Test func aDeploymentsStrategyDecidesItsBounds() {
    let rolling: JSON = [
      "spec": ["replicas": 4, "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1]]]
    ]
    #expect(RollingUpdateBounds(deployment: rolling) == RollingUpdateBounds(maxSurge: 1, maxUnavailable: 1))
    let recreate: JSON = ["spec": ["replicas": 4, "strategy": ["type": "Recreate"]]]
    #expect(RollingUpdateBounds(deployment: recreate) == RollingUpdateBounds(maxSurge: 0, maxUnavailable: 0))
  }
}
