/// The hints of a task revealed so far, and what is left.
enum HintText {
  static func render(hints: [String], revealed: Int, task: String) -> String {
    guard !hints.isEmpty else {
      return "The task \(task) has no hints; `kubelab solution \(task)` shows how to solve it."
    }
    var lines = hints.prefix(revealed).enumerated().map { "Hint \($0 + 1)/\(hints.count): \($1)" }
    if revealed >= hints.count {
      lines.append("That was the last hint; `kubelab solution \(task)` shows the solution.")
    }
    return lines.joined(separator: "\n")
  }
}
