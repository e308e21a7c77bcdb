import KubeClient
import KubeModel

/// Makes the namespaces a lab needs, labelled as the lab's; an existing one is left as it is.
struct NamespaceProvisioner: Sendable {
  let cluster: LabCluster
  let lab: String
  /// How long a namespace still terminating from an earlier `stop` may take to go.
  var terminationTimeout: Duration = .seconds(120)

  /// Creates `name` unless it exists; true when it was created. A namespace still being deleted
  /// (a reset right after a stop) is waited for, then made anew.
  func ensure(_ name: String, progress: @Sendable (RunnerProgress) -> Void) async throws -> Bool {
    let ref = ResourceRef.namespaces
    let deadline = ContinuousClock.now + terminationTimeout
    var reported = false
    while true {
      let existing: JSON?
      do {
        existing = try await cluster.client.get(ref, name: name)
      } catch  where error.isNotFound {
        existing = nil
      }
      if let existing {
        guard existing[path: ["metadata", "deletionTimestamp"]] != nil else { return false }
        guard ContinuousClock.now < deadline else {
          throw RunnerFailure("namespace \(name) is still terminating after \(terminationTimeout.formattedSeconds)")
        }
        if !reported { progress(.waiting("waiting for namespace \(name) to finish terminating")) }
        reported = true
        try await Task.sleep(for: .milliseconds(500))
        continue
      }
      let object: JSON = [
        "apiVersion": "v1", "kind": "Namespace",
        "metadata": ["name": .string(name), "labels": [LabLabel.key: .string(lab)]],
      ]
      do {
        _ = try await cluster.client.create(ref, object, fieldManager: LabLabel.fieldManager)
      } catch  where error.isAlreadyExists {
        continue
      }
      progress(.createdNamespace(name))
      return true
    }
  }
}

extension ResourceRef {
  static let namespaces = ResourceRef(version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
}
