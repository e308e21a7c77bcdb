import KubeModel

/// A `solution: { manifest: … }` applied as the learner would apply it: unlabelled, in the lab's
/// namespace unless it names one.
struct SolutionManifest {
  let documents: [JSON]
  /// Where the grader writes it, for messages.
  let position: SourcePosition

  func apply(on cluster: LabCluster, namespace: String) async throws {
    let applier = ObjectApplier(cluster: cluster, lab: "")
    for document in documents {
      _ = try await applier.apply(try ManifestObject.object(document, at: position, lab: nil, namespace: namespace))
    }
  }
}
