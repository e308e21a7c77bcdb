import KubeModel
import Synchronization

/// Runs the cluster's controllers: each subscribes to the store's change feed, and every change it
/// hears about is handled on the cluster's queue, one at a time across all controllers.
public final class ControllerManager: Sendable {
  let cluster: Cluster
  private let watchIDs = Mutex<[Int]>([])
  private let controllers: [Controller]

  /// The controllers a sandbox runs: the workload controllers (Deployment, ReplicaSet, DaemonSet,
  /// StatefulSet, Job, CronJob), the endpoints controller, the namespace controller, the volume
  /// binder, the scheduler and the simulated kubelet.
  public convenience init(cluster: Cluster, timing: ControllerTiming = ControllerTiming()) {
    self.init(
      cluster: cluster,
      controllers: [
        DeploymentController(cluster: cluster), ReplicaSetController(cluster: cluster),
        DaemonSetController(cluster: cluster), StatefulSetController(cluster: cluster),
        JobController(cluster: cluster), CronJobController(cluster: cluster), EndpointsController(cluster: cluster),
        NamespaceController(cluster: cluster), VolumeBinder(cluster: cluster), Scheduler(cluster: cluster),
        Kubelet(cluster: cluster, timing: timing),
      ])
  }

  init(cluster: Cluster, controllers: [Controller]) {
    self.cluster = cluster
    self.controllers = controllers
  }

  /// Subscribes every controller; the objects already stored arrive first as ADDED events.
  public func start() {
    let queue = cluster.queue
    let controlPlane = cluster.controlPlane
    for controller in controllers {
      let component = Self.component(of: controller)
      for resource in controller.watchedResources {
        let start = cluster.store.watch(resource: resource, namespace: nil, since: nil) { event in
          queue.async {
            // A component whose static pod is down acts on nothing; it catches up when it is back.
            if let component, !controlPlane.isUp(component) { return }
            controller.handle(event)
          }
        }
        if case .started(let id) = start { watchIDs.withLock { $0.append(id) } }
      }
    }
  }

  /// A component came back: its controllers see every object again, as after a restart's list.
  func resync(_ component: ControlPlaneHealth.Component) {
    cluster.queue.async { [self] in
      for controller in controllers where Self.component(of: controller) == component {
        for resource in controller.watchedResources {
          let (items, version) = cluster.store.list(resource: resource, namespace: nil)
          for object in items {
            controller.handle(
              StoreEvent(
                kind: .added, resource: resource,
                namespace: object[path: ["metadata", "namespace"]]?.stringValue ?? "",
                object: object, previous: nil, resourceVersion: version))
          }
        }
      }
    }
  }

  /// Which control-plane binary runs a controller: the scheduler is kube-scheduler; the kubelet is
  /// none; every other controller is kube-controller-manager's.
  private static func component(of controller: Controller) -> ControlPlaneHealth.Component? {
    switch controller {
    case is Scheduler: .scheduler
    case is Kubelet: nil
    default: .controllerManager
    }
  }

  public func stop() {
    let ids = watchIDs.withLock { ids in
      defer { ids = [] }
      return ids
    }
    for id in ids { cluster.store.stopWatching(id) }
  }
}
