import Foundation
import KubeModel

/// Writes core/v1 Events about objects (pods, replica sets, deployments) as a component (the
/// scheduler, a kubelet, a workload controller) reports them; a repeat of the same event raises its
/// count and lastTimestamp instead of adding another.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class EventRecorder: @unchecked Sendable {
  let cluster: Cluster
  let component: String
  private var names: [String: String] = [:]
  private var sequence = 0

  init(cluster: Cluster, component: String) {
    self.cluster = cluster
    self.component = component
  }

  /// `fieldPath` names the container an event is about (`spec.initContainers{setup}`).
  func record(
    _ object: JSON, type: String, reason: String, message: String, fieldPath: String? = nil, host: String? = nil
  ) {
    guard let namespace = object[path: ["metadata", "namespace"]]?.stringValue,
      let objectName = object[path: ["metadata", "name"]]?.stringValue,
      let events = cluster.catalog.resource(groupVersion: "v1", plural: "events")
    else { return }
    let uid = object[path: ["metadata", "uid"]]?.stringValue ?? ""
    let aggregate = [uid, reason, message, fieldPath ?? ""].joined(separator: "\u{0}")
    let stamp = JSON.string(APITimestamp.string(cluster.now()))
    if let name = names[aggregate] {
      let outcome = cluster.store.update(cluster.key(events, namespace: namespace, name: name)) { current in
        var repeated = current
        repeated["count"] = .int((current["count"]?.intValue ?? 1) + 1)
        repeated["lastTimestamp"] = stamp
        return repeated
      }
      if case .updated = outcome { return }
    }
    sequence += 1
    let name =
      "\(objectName).\(String(UInt64(cluster.now().timeIntervalSince1970 * 1e9) + UInt64(sequence), radix: 16))"
    var involved: JSONObject = [
      "kind": object["kind"] ?? "Pod", "namespace": .string(namespace), "name": .string(objectName),
      "uid": .string(uid), "apiVersion": object["apiVersion"] ?? "v1",
      "resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? "",
    ]
    if let fieldPath { involved["fieldPath"] = .string(fieldPath) }
    var source: JSONObject = ["component": .string(component)]
    if let host { source["host"] = .string(host) }
    let event: JSON = [
      "apiVersion": "v1", "kind": "Event", "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "involvedObject": .object(involved), "reason": .string(reason), "message": .string(message),
      "source": .object(source), "firstTimestamp": stamp, "lastTimestamp": stamp, "count": 1, "type": .string(type),
      "eventTime": nil, "reportingComponent": .string(component), "reportingInstance": .string(host ?? ""),
    ]
    // A namespace being deleted refuses new events; the object goes with it, so nothing is lost.
    if (try? cluster.create(events, namespace: namespace, object: event)) != nil { names[aggregate] = name }
  }
}
