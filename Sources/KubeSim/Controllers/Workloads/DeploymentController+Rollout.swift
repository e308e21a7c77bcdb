import Foundation
import KubeModel

extension DeploymentController {
  /// One step of the rollout toward the current template, by the Deployment's strategy.
  func roll(_ rollout: inout Rollout) {
    stampRevision(&rollout)
    if rollout.deployment[path: ["spec", "strategy", "type"]]?.stringValue == "Recreate" {
      recreate(&rollout)
    } else {
      rollingUpdate(&rollout)
    }
  }

  /// Gives the current template's ReplicaSet the next revision when an older one is the newest
  /// (a template coming back, as `kubectl rollout undo` makes it), and the Deployment its revision.
  private func stampRevision(_ rollout: inout Rollout) {
    let next = (rollout.oldReplicaSets.map(DeploymentAnnotations.revision(of:)).max() ?? 0) + 1
    if let current = rollout.newReplicaSet, DeploymentAnnotations.revision(of: current) < next {
      rollout.newReplicaSet = write(current) { replicaSet in
        var annotations = replicaSet[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        for (key, value) in DeploymentAnnotations.copied(from: rollout.deployment) { annotations[key] = value }
        annotations[DeploymentAnnotations.revision] = .string(String(next))
        replicaSet[path: ["metadata", "annotations"]] = .object(annotations)
      }
    }
    guard let current = rollout.newReplicaSet else { return }
    let revision = String(DeploymentAnnotations.revision(of: current))
    guard
      rollout.deployment[path: ["metadata", "annotations", DeploymentAnnotations.revision]]?.stringValue != revision,
      let deployments, let name = rollout.deployment[path: ["metadata", "name"]]?.stringValue,
      let written = try? cluster.write(
        deployments, namespace: rollout.deployment[path: ["metadata", "namespace"]]?.stringValue, name: name,
        subresource: nil, options: WriteOptions(), warnings: [],
        change: { deployment in
          var stamped = deployment
          stamped[path: ["metadata", "annotations", DeploymentAnnotations.revision]] = .string(revision)
          return stamped
        })
    else { return }
    rollout.deployment = written.object
  }

  /// Surge the new ReplicaSet up to `maxSurge` above the desired count, then take old ones down as
  /// far as `maxUnavailable` allows given what is available now.
  private func rollingUpdate(_ rollout: inout Rollout) {
    let desired = rollout.desired
    let bounds = rollout.bounds
    if rollout.newReplicaSet == nil {
      let total = rollout.all.map(Rollout.specReplicas).reduce(0, +)
      createNewReplicaSet(&rollout, replicas: min(desired, max(0, desired + bounds.maxSurge - total)))
    }
    guard var newReplicaSet = rollout.newReplicaSet else { return }
    var target = Rollout.specReplicas(newReplicaSet)
    if target > desired {
      target = desired
    } else if target < desired {
      let total = rollout.all.map(Rollout.specReplicas).reduce(0, +)
      target += min(max(0, desired + bounds.maxSurge - total), desired - target)
    }
    newReplicaSet = scale(newReplicaSet, to: target, rollout)
    rollout.newReplicaSet = newReplicaSet
    scaleDownOld(&rollout)
  }

  private func scaleDownOld(_ rollout: inout Rollout) {
    guard let newReplicaSet = rollout.newReplicaSet,
      rollout.oldReplicaSets.contains(where: { Rollout.specReplicas($0) > 0 })
    else { return }
    let minAvailable = rollout.desired - rollout.bounds.maxUnavailable
    let newUnavailable = max(0, Rollout.specReplicas(newReplicaSet) - Rollout.count(newReplicaSet, "availableReplicas"))
    let total = rollout.all.map(Rollout.specReplicas).reduce(0, +)
    var allowance = total - minAvailable - newUnavailable
    guard allowance > 0 else { return }
    let oldestFirst = rollout.oldReplicaSets.indices.sorted {
      creation(rollout.oldReplicaSets[$0]) < creation(rollout.oldReplicaSets[$1])
    }
    // First the old pods that are not available anyway: removing them costs no availability.
    for index in oldestFirst where allowance > 0 {
      let replicaSet = rollout.oldReplicaSets[index]
      let unhealthy = Rollout.specReplicas(replicaSet) - Rollout.count(replicaSet, "availableReplicas")
      guard unhealthy > 0 else { continue }
      let step = min(allowance, unhealthy)
      rollout.oldReplicaSets[index] = scale(replicaSet, to: Rollout.specReplicas(replicaSet) - step, rollout)
      allowance -= step
    }
    let available = rollout.all.map { Rollout.count($0, "availableReplicas") }.reduce(0, +)
    var budget = available - minAvailable
    for index in oldestFirst where budget > 0 {
      let replicaSet = rollout.oldReplicaSets[index]
      let step = min(Rollout.specReplicas(replicaSet), budget)
      guard step > 0 else { continue }
      rollout.oldReplicaSets[index] = scale(replicaSet, to: Rollout.specReplicas(replicaSet) - step, rollout)
      budget -= step
    }
  }

  /// Every old pod goes first; the new ReplicaSet scales up once none of them is left.
  private func recreate(_ rollout: inout Rollout) {
    for index in rollout.oldReplicaSets.indices where Rollout.specReplicas(rollout.oldReplicaSets[index]) > 0 {
      rollout.oldReplicaSets[index] = scale(rollout.oldReplicaSets[index], to: 0, rollout)
    }
    guard rollout.oldReplicaSets.allSatisfy({ Rollout.count($0, "replicas") == 0 && Rollout.specReplicas($0) == 0 })
    else { return }
    if let newReplicaSet = rollout.newReplicaSet {
      rollout.newReplicaSet = scale(newReplicaSet, to: rollout.desired, rollout)
    } else {
      createNewReplicaSet(&rollout, replicas: rollout.desired)
    }
  }

  /// Creates `<deployment>-<hash>` for the current template; a name taken by another template
  /// raises the collision count, and the next sync tries another hash.
  private func createNewReplicaSet(_ rollout: inout Rollout, replicas: Int) {
    let deployment = rollout.deployment
    guard let replicaSets, let name = deployment[path: ["metadata", "name"]]?.stringValue,
      let namespace = deployment[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    let template = deployment[path: ["spec", "template"]] ?? [:]
    let collisions = deployment[path: ["status", "collisionCount"]]?.intValue ?? 0
    let hash = PodTemplateHash.hash(of: template, collisionCount: collisions)
    var labeled = template
    labeled[path: ["metadata", "labels", PodTemplateHash.label]] = .string(hash)
    var selector = deployment[path: ["spec", "selector"]] ?? [:]
    selector[path: ["matchLabels", PodTemplateHash.label]] = .string(hash)
    var annotations = DeploymentAnnotations.copied(from: deployment)
    annotations[DeploymentAnnotations.desiredReplicas] = .string(String(rollout.desired))
    annotations[DeploymentAnnotations.maxReplicas] = .string(String(rollout.desired + rollout.bounds.maxSurge))
    annotations[DeploymentAnnotations.revision] = .string(
      String((rollout.oldReplicaSets.map(DeploymentAnnotations.revision(of:)).max() ?? 0) + 1))
    var spec: JSONObject = ["replicas": .int(replicas)]
    if let minReady = deployment[path: ["spec", "minReadySeconds"]] { spec["minReadySeconds"] = minReady }
    spec["selector"] = selector
    spec["template"] = labeled
    let replicaSet: JSON = [
      "apiVersion": "apps/v1", "kind": "ReplicaSet",
      "metadata": [
        "name": .string("\(name)-\(hash)"), "namespace": .string(namespace),
        "labels": labeled[path: ["metadata", "labels"]] ?? [:], "annotations": .object(annotations),
        "ownerReferences": [OwnerReferences.controllerReference(to: deployment)],
      ],
      "spec": .object(spec),
    ]
    do {
      let created = try cluster.create(replicaSets, namespace: namespace, object: replicaSet).object
      rollout.newReplicaSet = created
      rollout.createdNewReplicaSet = true
      if replicas > 0 {
        events.record(
          deployment, type: "Normal", reason: "ScalingReplicaSet",
          message: "Scaled up replica set \(name)-\(hash) to \(replicas) from 0")
      }
    } catch {
      guard let deployments else { return }
      _ = try? cluster.write(
        deployments, namespace: namespace, name: name, subresource: "status", options: WriteOptions(), warnings: []
      ) { current in
        var bumped = current
        bumped[path: ["status", "collisionCount"]] = .int(collisions + 1)
        return bumped
      }
    }
  }

  /// Sets a ReplicaSet's replicas and the desired/max annotations, with a ScalingReplicaSet event
  /// when the count changes; returns the ReplicaSet as stored.
  private func scale(_ replicaSet: JSON, to replicas: Int, _ rollout: Rollout) -> JSON {
    let from = Rollout.specReplicas(replicaSet)
    let scaled = write(replicaSet) { next in
      next[path: ["spec", "replicas"]] = .int(replicas)
      next[path: ["metadata", "annotations", DeploymentAnnotations.desiredReplicas]] = .string(
        String(rollout.desired))
      next[path: ["metadata", "annotations", DeploymentAnnotations.maxReplicas]] = .string(
        String(rollout.desired + rollout.bounds.maxSurge))
    }
    if from != replicas, let name = replicaSet[path: ["metadata", "name"]]?.stringValue {
      let direction = replicas > from ? "up" : "down"
      events.record(
        rollout.deployment, type: "Normal", reason: "ScalingReplicaSet",
        message: "Scaled \(direction) replica set \(name) to \(replicas) from \(from)")
    }
    return scaled
  }

  /// Writes a change to a ReplicaSet; no change writes nothing, and on failure the ReplicaSet
  /// stays as it was.
  private func write(_ replicaSet: JSON, _ change: (inout JSON) -> Void) -> JSON {
    var proposed = replicaSet
    change(&proposed)
    guard !proposed.isSemanticallyEqual(to: replicaSet), let replicaSets,
      let name = replicaSet[path: ["metadata", "name"]]?.stringValue,
      let written = try? cluster.write(
        replicaSets, namespace: replicaSet[path: ["metadata", "namespace"]]?.stringValue, name: name,
        subresource: nil, options: WriteOptions(), warnings: [],
        change: { current in
          var next = current
          change(&next)
          return next
        })
    else { return replicaSet }
    return written.object
  }
}
