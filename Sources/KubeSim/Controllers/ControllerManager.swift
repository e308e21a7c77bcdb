import KubeModel

/// Runs the cluster's controllers: each subscribes to the store's change feed, and every change it
/// hears about is handled on the cluster's queue, one at a time across all controllers.
public final class ControllerManager: @unchecked Sendable {
  let cluster: Cluster
  private var watchIDs: [Int] = []
  private let controllers: [Controller]

  /// The controllers a sandbox runs: the workload controllers (Deployment, ReplicaSet, DaemonSet,
  /// StatefulSet, Job, CronJob), the endpoints controller, the namespace controller, the scheduler
  /// and the simulated kubelet.
  public convenience init(cluster: Cluster, timing: ControllerTiming = ControllerTiming()) {
    self.init(
      cluster: cluster,
      controllers: [
        DeploymentController(cluster: cluster), ReplicaSetController(cluster: cluster),
        DaemonSetController(cluster: cluster), StatefulSetController(cluster: cluster),
        JobController(cluster: cluster), CronJobController(cluster: cluster), EndpointsController(cluster: cluster),
        NamespaceController(cluster: cluster), Scheduler(cluster: cluster),
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
    for controller in controllers {
      for resource in controller.watchedResources {
        let start = cluster.store.watch(resource: resource, namespace: nil, since: nil) { event in
          queue.async { controller.handle(event) }
        }
        if case .started(let id) = start { watchIDs.append(id) }
      }
    }
  }

  public func stop() {
    for id in watchIDs { cluster.store.stopWatching(id) }
    watchIDs = []
  }
}
