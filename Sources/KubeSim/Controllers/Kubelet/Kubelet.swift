import Foundation
import KubeModel

/// The kubelets of every node in one: runs pods bound to a node that exists, their init containers
/// first, moving each container through pull, create, start, probes and exit as the image
/// catalogue and its command say, and writes
/// the pod status and events as a real kubelet does. Pods it did not start (the topology's
/// running system pods) are left as they are.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class Kubelet: Controller, @unchecked Sendable {
  let cluster: Cluster
  let timing: ControllerTiming
  let catalog = ImageCatalog.builtIn
  let events: EventRecorder
  var pods: [ObjectKey: PodRuntime] = [:]
  /// Pods, and the ConfigMaps and Secrets whose updates reach running containers' volumes.
  let watchedResources = ["pods", "configmaps", "secrets"]

  init(cluster: Cluster, timing: ControllerTiming) {
    self.cluster = cluster
    self.timing = timing
    events = EventRecorder(cluster: cluster, component: "kubelet")
  }

  func handle(_ event: StoreEvent) {
    if event.resource != "pods" {
      refreshVolumes(namespace: event.namespace)
      return
    }
    guard let name = event.object[path: ["metadata", "name"]]?.stringValue else { return }
    sync(ObjectKey(resource: "pods", namespace: event.namespace, name: name))
  }

  /// Brings one pod's containers up to date and writes its status; idempotent, so it may run on
  /// every change and every timer.
  func sync(_ key: ObjectKey) {
    guard let pod = cluster.store.get(key), let uid = pod[path: ["metadata", "uid"]]?.stringValue else {
      forget(key)
      return
    }
    if pods[key]?.uid != uid { forget(key) }
    guard let nodeName = pod[path: ["spec", "nodeName"]]?.stringValue, !nodeName.isEmpty,
      let node = cluster.store.get(ObjectKey(resource: "nodes", namespace: "", name: nodeName))
    else { return }
    if pods[key] == nil {
      guard pod[path: ["status", "startTime"]] == nil, pod[path: ["metadata", "deletionTimestamp"]] == nil,
        let runtime = admit(pod, node: node, uid: uid)
      else { return }
      pods[key] = runtime
    }
    guard var runtime = pods[key] else { return }
    if pod[path: ["metadata", "deletionTimestamp"]] != nil {
      if !runtime.killed {
        runtime.killed = true
        for container in runtime.allContainers where container.isRunning {
          events.record(
            pod, type: "Normal", reason: "Killing", message: "Stopping container \(container.name)",
            fieldPath: container.fieldPath, host: nodeName)
        }
        stopProcesses(runtime)
      }
      pods[key] = runtime
      return
    }
    let now = cluster.now()
    advanceInitContainers(&runtime, pod: pod, node: nodeName, now: now)
    let specs = pod[path: ["spec", "containers"]]?.arrayValue ?? []
    let policy = pod[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always"
    for index in runtime.containers.indices {
      let wanted = specs.first { $0["name"]?.stringValue == runtime.containers[index].name }
      advance(&runtime.containers[index], spec: wanted ?? [:], pod: pod, node: nodeName, policy: policy, now: now)
    }
    writeStatus(pod, key, runtime, now: now)
    scheduleWake(key, &runtime, now: now)
    pods[key] = runtime
  }

  /// Takes a newly bound pod on: its address, and every container waiting for its turn.
  private func admit(_ pod: JSON, node: JSON, uid: String) -> PodRuntime? {
    let nodeName = node[path: ["metadata", "name"]]?.stringValue ?? ""
    let hostIP = PodIPAllocator.nodeAddress(node) ?? ""
    var podIP = hostIP
    if pod[path: ["spec", "hostNetwork"]]?.boolValue != true {
      let taken = Set(
        cluster.store.list(resource: "pods", namespace: nil).items.filter {
          $0[path: ["spec", "nodeName"]]?.stringValue == nodeName
            && $0[path: ["spec", "hostNetwork"]]?.boolValue != true
        }.compactMap { $0[path: ["status", "podIP"]]?.stringValue })
      guard let allocated = PodIPAllocator.allocate(node: node, taken: taken) else { return nil }
      podIP = allocated
    }
    let initSpecs = pod[path: ["spec", "initContainers"]]?.arrayValue ?? []
    func runtimes(_ field: String) -> [ContainerRuntime] {
      (pod[path: ["spec", field]]?.arrayValue ?? []).map {
        var container = ContainerRuntime(
          name: $0["name"]?.stringValue ?? "", image: $0["image"]?.stringValue ?? "", state: .waiting)
        container.isInit = field == "initContainers"
        container.isSidecar = container.isInit && $0["restartPolicy"]?.stringValue == "Always"
        if !initSpecs.isEmpty { container.creatingReason = "PodInitializing" }
        return container
      }
    }
    return PodRuntime(
      uid: uid, initContainers: runtimes("initContainers"), containers: runtimes("containers"), podIP: podIP,
      hostIP: hostIP, startTime: cluster.now())
  }

  private func scheduleWake(_ key: ObjectKey, _ runtime: inout PodRuntime, now: Date) {
    guard let next = runtime.allContainers.compactMap(\.due).min() else { return }
    if let wake = runtime.wake, wake > now, wake <= next { return }
    runtime.wake = next
    cluster.schedule(at: next) { [weak self] in
      guard let self else { return }
      if self.pods[key]?.wake == next { self.pods[key]?.wake = nil }
      self.sync(key)
    }
  }
}
