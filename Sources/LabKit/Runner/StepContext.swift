import KubeModel

/// A setup step as messages name it: its number, what it does and where lab.yaml writes it.
struct StepContext: Sendable {
  var number: Int?
  var what: String
  var position: SourcePosition?

  init(number: Int?, what: String, position: SourcePosition?) {
    self.number = number
    self.what = what
    self.position = position
  }

  init(_ step: SetupStep, number: Int, labNamespace: String, cluster: LabCluster) {
    self.number = number
    switch step {
    case .apply(let file): (what, position) = ("apply \(file.value)", file.position)
    case .namespace(let name): (what, position) = ("namespace \(name.value)", name.position)
    case .run(let command): (what, position) = ("run `\(command.value)`", command.position)
    case .wait(let wait):
      let subject = SetupWait(step: wait, cluster: cluster, defaultNamespace: labNamespace).subject
      (what, position) = ("wait for \(subject)", wait.query.resourceName.position)
    }
  }

  /// Runs `body`, turning any failure into a `RunnerError` naming this step.
  func attempt<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as RunnerError {
      throw error
    } catch {
      throw RunnerError(step: number, what: what, position: position, reason: "\(error)")
    }
  }
}
