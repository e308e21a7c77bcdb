/// Why the scheduler passed over a node for a pod, worded as the real scheduler's filter plugins
/// word it in FailedScheduling events.
enum NodeRejection: Hashable {
  case unschedulable
  case untoleratedTaint(key: String, value: String)
  case affinityMismatch
  case tooManyPods
  case insufficient(String)

  var reason: String {
    switch self {
    case .unschedulable: return "node(s) were unschedulable"
    case .untoleratedTaint(let key, let value): return "node(s) had untolerated taint {\(key): \(value)}"
    case .affinityMismatch: return "node(s) didn't match Pod's node affinity/selector"
    case .tooManyPods: return "Too many pods"
    case .insufficient(let resource): return "Insufficient \(resource)"
    }
  }

  /// Evicting lower-priority pods can free resources, but never changes a node's labels or taints.
  var preemptionCouldHelp: Bool {
    switch self {
    case .tooManyPods, .insufficient: return true
    case .unschedulable, .untoleratedTaint, .affinityMismatch: return false
    }
  }
}
