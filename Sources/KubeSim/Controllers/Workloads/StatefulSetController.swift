import KubeModel

/// The StatefulSet control loop: pods with stable names `<set>-0` … `<set>-(N-1)`. Under
/// `OrderedReady` the next ordinal is created only once the ones before it are Ready and a scale
/// down removes one pod at a time from the highest ordinal; under `Parallel` all of them move at
/// once. A changed template rolls out from the highest ordinal down to the partition, one pod at a
/// time. Finished pods are replaced under the same name; each pod gets its own claims from the
/// `volumeClaimTemplates`.
final class StatefulSetController: Controller {
  let cluster: Cluster
  let watchedResources = ["statefulsets.apps", "pods"]
  let events: EventRecorder
  static let podNameLabel = "statefulset.kubernetes.io/pod-name"
  static let podIndexLabel = "apps.kubernetes.io/pod-index"
  static let revisionLabel = "controller-revision-hash"

  init(cluster: Cluster) {
    self.cluster = cluster
    events = EventRecorder(cluster: cluster, component: "statefulset-controller")
  }

  var setsType: ServedResource? { cluster.catalog.resource(groupVersion: "apps/v1", plural: "statefulsets") }
  var podsType: ServedResource? { cluster.catalog.resource(groupVersion: "v1", plural: "pods") }

  func handle(_ event: StoreEvent) {
    guard let setsType else { return }
    for set in OwnerEvents.owners(of: event, ownerType: setsType, childResource: "pods", in: cluster) { sync(set) }
  }

  /// The revision name of the set's current template, as its pods' `controller-revision-hash`.
  static func revision(of set: JSON) -> String {
    let name = set[path: ["metadata", "name"]]?.stringValue ?? ""
    return "\(name)-\(PodTemplateHash.hash(of: set[path: ["spec", "template"]] ?? [:]))"
  }

  func sync(_ set: JSON) {
    guard set[path: ["metadata", "deletionTimestamp"]] == nil, let podsType,
      let uid = set[path: ["metadata", "uid"]]?.stringValue,
      let name = set[path: ["metadata", "name"]]?.stringValue,
      let namespace = set[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    var byOrdinal: [Int: JSON] = [:]
    for pod in cluster.list(podsType, namespace: namespace).items where OwnerReferences.controllerUID(of: pod) == uid {
      guard let podName = pod[path: ["metadata", "name"]]?.stringValue, podName.hasPrefix(name + "-"),
        let ordinal = Int(podName.dropFirst(name.count + 1))
      else { continue }
      byOrdinal[ordinal] = pod
    }
    let replicas = set[path: ["spec", "replicas"]]?.intValue ?? 1
    let ordered = set[path: ["spec", "podManagementPolicy"]]?.stringValue != "Parallel"
    let revision = Self.revision(of: set)
    var settled = true
    for ordinal in 0..<max(0, replicas) {
      if let pod = byOrdinal[ordinal] {
        let terminating = pod[path: ["metadata", "deletionTimestamp"]] != nil
        if !terminating, !PodReadiness.isActive(pod) { deletePod(pod, of: set) }
        guard terminating || !PodReadiness.isActive(pod) || !PodReadiness.isReady(pod) else { continue }
      } else {
        createPod(for: set, ordinal: ordinal, revision: revision)
      }
      settled = false
      if ordered { break }
    }
    let condemned = byOrdinal.filter { $0.key >= replicas }.sorted { $0.key > $1.key }.map(\.value)
    let condemnedTerminating = condemned.contains { $0[path: ["metadata", "deletionTimestamp"]] != nil }
    for pod in condemned where pod[path: ["metadata", "deletionTimestamp"]] == nil {
      guard !ordered || (settled && !condemnedTerminating) else { break }
      deletePod(pod, of: set)
      settled = false
      if ordered { break }
    }
    if settled, condemned.isEmpty { rollOut(set, byOrdinal, replicas: replicas, revision: revision) }
    writeStatus(set, pods: Array(byOrdinal.values), revision: revision)
  }

  /// Replaces the highest-ordinal pod at or above the partition that still runs an older template.
  private func rollOut(_ set: JSON, _ byOrdinal: [Int: JSON], replicas: Int, revision: String) {
    guard set[path: ["spec", "updateStrategy", "type"]]?.stringValue != "OnDelete" else { return }
    let partition = set[path: ["spec", "updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0
    let outdated = byOrdinal.filter { ordinal, pod in
      ordinal >= partition && ordinal < replicas && pod.labelMap[Self.revisionLabel] != revision
    }
    if let highest = outdated.max(by: { $0.key < $1.key }) { deletePod(highest.value, of: set) }
  }

  private func createPod(for set: JSON, ordinal: Int, revision: String) {
    guard let podsType, let setName = set[path: ["metadata", "name"]]?.stringValue,
      let namespace = set[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    let name = "\(setName)-\(ordinal)"
    var pod = TemplatePod.make(
      from: set[path: ["spec", "template"]] ?? [:], owner: set, namespace: namespace, name: name)
    var labels = pod[path: ["metadata", "labels"]]?.objectValue ?? [:]
    labels[Self.revisionLabel] = .string(revision)
    labels[Self.podNameLabel] = .string(name)
    labels[Self.podIndexLabel] = .string(String(ordinal))
    pod[path: ["metadata", "labels"]] = .object(labels)
    pod[path: ["spec", "hostname"]] = .string(name)
    if let service = set[path: ["spec", "serviceName"]]?.stringValue, !service.isEmpty {
      pod[path: ["spec", "subdomain"]] = .string(service)
    }
    let volumes = volumes(
      for: set, pod: name, namespace: namespace, existing: pod[path: ["spec", "volumes"]]?.arrayValue ?? [])
    if !volumes.isEmpty { pod[path: ["spec", "volumes"]] = .array(volumes) }
    do {
      _ = try cluster.create(podsType, namespace: namespace, object: pod)
      events.record(
        set, type: "Normal", reason: "SuccessfulCreate",
        message: "create Pod \(name) in StatefulSet \(setName) successful")
    } catch let error as APIError {
      events.record(
        set, type: "Warning", reason: "FailedCreate",
        message: "create Pod \(name) in StatefulSet \(setName) failed error: \(error.message)")
    } catch {
      events.record(
        set, type: "Warning", reason: "FailedCreate",
        message: "create Pod \(name) in StatefulSet \(setName) failed error: \(error)")
    }
  }

  private func deletePod(_ pod: JSON, of set: JSON) {
    guard let podsType, let name = pod[path: ["metadata", "name"]]?.stringValue,
      (try? cluster.delete(podsType, namespace: pod[path: ["metadata", "namespace"]]?.stringValue, name: name)) != nil
    else { return }
    let setName = set[path: ["metadata", "name"]]?.stringValue ?? ""
    events.record(
      set, type: "Normal", reason: "SuccessfulDelete",
      message: "delete Pod \(name) in StatefulSet \(setName) successful")
  }
}
