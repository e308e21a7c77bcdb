import ArgumentParser

/// The options of the commands that work on a started lab: the shared ones, and which lab.
struct SessionOptions: ParsableArguments {
  @OptionGroup var common: LabOptions

  @Option(help: "The lab (default: the one last started on the cluster).")
  var lab: String?

  var output: OutputFormat { common.output }

  /// The started lab, its cluster and its session store.
  func open() throws -> LabSessionContext { try LabSessionContext.open(common, lab: lab) }
}
