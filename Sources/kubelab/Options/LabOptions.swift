import ArgumentParser
import LabKit

/// The options every lab command shares: which cluster, which library, which output.
struct LabOptions: ParsableArguments {
  @Option(help: "The kubeconfig file to use (default: $KUBECONFIG, then ~/.kube/config).")
  var kubeconfig: String?

  @Option(help: "The kubeconfig context to use (default: its current-context).")
  var context: String?

  @Flag(help: "Use kubelab's built-in sandbox cluster instead of the kubeconfig's.")
  var sandbox = false

  @Option(help: "The folder holding Labs/ and Graders/ (default: $KUBELAB_LABS, else the nearest one above).")
  var labs: String?

  @Option(help: "How to print results: text or json.")
  var output: OutputFormat = .text

  func validate() throws {
    if sandbox && (kubeconfig != nil || context != nil) {
      throw ValidationError("--sandbox chooses the cluster: leave out --kubeconfig and --context")
    }
  }

  var library: LabLibrary { LabLibrary.locate(explicit: labs) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
