import Foundation
import LabKit

/// What a learner needs once a lab is up: the tasks, the time, and how to go on.
enum StartText {
  static func render(loaded: LoadedLab, session: Session, sandbox: SandboxRecord?) -> String {
    let lab = loaded.lab
    var lines = ["\(lab.title): \(lab.tasks.count) tasks" + (lab.duration.map { ", \($0.compactText)" } ?? "")]
    if let summary = lab.summary { lines.append(summary) }
    lines.append("")
    for (index, task) in lab.tasks.enumerated() {
      lines.append("  \(index + 1). \(TaskText.firstLine(task.ask, width: 90))")
    }
    lines.append("")
    if let sandbox {
      lines.append("The lab runs on kubelab's sandbox. Point kubectl at it:")
      lines.append("  export KUBECONFIG=\(sandbox.kubeconfig)")
    }
    lines.append(
      "Next: `kubelab show 1`, `kubelab answer 1 <answer>`, `kubelab check`, `kubelab hint 1`, `kubelab status`"
        + (sandbox == nil ? "" : " (each with --sandbox)") + ".")
    return lines.joined(separator: "\n")
  }
}
