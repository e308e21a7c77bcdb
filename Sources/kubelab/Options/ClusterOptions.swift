import ArgumentParser

/// How a command picks its cluster, as kubectl does: a kubeconfig file, a context, a namespace.
struct ClusterOptions: ParsableArguments {
  @Option(help: "The kubeconfig file to use (default: $KUBECONFIG, then ~/.kube/config).")
  var kubeconfig: String?

  @Option(help: "The kubeconfig context to use (default: its current-context).")
  var context: String?

  @Option(name: [.customShort("n"), .long], help: "The namespace to use (default: the context's).")
  var namespace: String?
}
