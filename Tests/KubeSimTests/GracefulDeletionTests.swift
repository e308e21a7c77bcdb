import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// Graceful deletion on a cluster without HTTP: a pod on a node stays, marked, for its grace period
/// on the cluster's clock, then goes; a manual clock stands in for the seconds.
@Suite struct GracefulDeletionTests {
  let clock = ManualClock()
  let cluster: Cluster

  init() throws {
    cluster = Cluster(clock: clock, maximumGracePeriod: 30)
    _ = try cluster.create(try resource("v1", "namespaces"), namespace: nil, object: ["metadata": ["name": "default"]])
  }

  func resource(_ groupVersion: String, _ plural: String) throws -> ServedResource {
    try #require(cluster.catalog.resource(groupVersion: groupVersion, plural: plural))
  }

  func createPod(grace: Int) throws {
    _ = try cluster.create(
      try resource("v1", "pods"), namespace: "default",
      object: [
        "metadata": ["name": "web"],
        "spec": [
          "nodeName": "node01", "terminationGracePeriodSeconds": .int(grace),
          "containers": [["name": "web", "image": "nginx"]],
        ],
      ])
  }

  func pod() throws -> JSON? { try? cluster.get(try resource("v1", "pods"), namespace: "default", name: "web") }

  @Test func aPodOnANodeGoesAfterItsTerminationGracePeriod() throws {
    try createPod(grace: 20)
    let marked = try cluster.delete(try resource("v1", "pods"), namespace: "default", name: "web")
    let expected = APITimestamp.string(clock.now.addingTimeInterval(20))
    #expect(marked[path: ["metadata", "deletionTimestamp"]]?.stringValue == expected)
    #expect(marked[path: ["metadata", "deletionGracePeriodSeconds"]] == 20)
    clock.advance(by: 19)
    #expect(try pod() != nil, "still terminating")
    clock.advance(by: 1)
    #expect(try pod() == nil)
  }

  @Test func aGracePeriodIsCompressedToTheClustersMaximum() throws {
    try createPod(grace: 3600)
    _ = try cluster.delete(try resource("v1", "pods"), namespace: "default", name: "web")
    clock.advance(by: 29)
    #expect(try pod() != nil)
    clock.advance(by: 1)
    #expect(try pod() == nil, "the cluster's 30-second maximum, not the pod's hour")
  }

  @Test func gracePeriodZeroDeletesAtOnce() throws {
    try createPod(grace: 20)
    _ = try cluster.delete(
      try resource("v1", "pods"), namespace: "default", name: "web", options: DeleteOptions(gracePeriodSeconds: 0))
    #expect(try pod() == nil)
  }
}
