import KubeModel
import LabKit

/// A solution as the learner would type it: the commands, or the manifest piped to kubectl apply.
enum SolutionText {
  static func render(_ solution: Solution) -> String {
    switch solution {
    case .commands(let commands):
      return commands.joined(separator: "\n")
    case .manifest(let documents):
      let yaml = documents.map { YAML.emit($0) }.joined(separator: "---\n")
      return "kubectl apply -f - <<'EOF'\n\(yaml)EOF"
    }
  }
}
