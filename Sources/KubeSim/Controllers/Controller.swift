import KubeModel

/// A control loop: told about every change to the resources it watches, it drives the cluster
/// toward what those objects ask for. Calls arrive one at a time on the cluster's queue, so a
/// controller's own state needs no lock. Sendable because its calls are scheduled from closures
/// that hop onto that queue.
protocol Controller: AnyObject, Sendable {
  /// Store buckets (group-qualified plurals such as "pods", "nodes") whose changes reach `handle`.
  var watchedResources: [String] { get }
  func handle(_ event: StoreEvent)
}
