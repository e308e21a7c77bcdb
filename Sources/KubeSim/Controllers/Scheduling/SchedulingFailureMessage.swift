/// The FailedScheduling message: how many nodes turned the pod away for which reason, then what
/// preemption found, each part's counts sorted as the real scheduler sorts them.
enum SchedulingFailureMessage {
  static func message(nodeCount: Int, rejections: [[NodeRejection]]) -> String {
    guard nodeCount > 0 else { return "no nodes available to schedule pods" }
    var reasons: [String: Int] = [:]
    var preemption: [String: Int] = [:]
    for nodeRejections in rejections {
      for reason in Set(nodeRejections.map(\.reason)) { reasons[reason, default: 0] += 1 }
      let helpful = nodeRejections.allSatisfy(\.preemptionCouldHelp)
      // Every pod here has the same priority, so preemption finds no lower-priority victims.
      let verdict =
        helpful ? "No preemption victims found for incoming pod" : "Preemption is not helpful for scheduling"
      preemption[verdict, default: 0] += 1
    }
    return "0/\(nodeCount) nodes are available: \(summary(reasons)). preemption: 0/\(nodeCount) nodes are available: "
      + "\(summary(preemption))."
  }

  private static func summary(_ counts: [String: Int]) -> String {
    counts.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
  }
}
