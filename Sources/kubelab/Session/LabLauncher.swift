import Foundation
import LabKit

/// Provisions a lab and opens its session: what `start`, `reset` and `practice` share.
struct LabLauncher {
  let loaded: LoadedLab
  let cluster: LabCluster
  let store: SessionStore

  /// Runs the setup, telling `progress` each step (by default on stderr, so stdout stays the
  /// command's result), then records a fresh session and makes the lab the cluster's current one.
  func launch(
    workdir: String, progress: @escaping @Sendable (RunnerProgress) -> Void = LabLauncher.printProgress
  ) async throws -> Session {
    let runner = LabRunner(lab: loaded.lab, cluster: cluster)
    let provisioning: Provisioning
    do {
      provisioning = try await runner.start(workdir: workdir, progress: progress)
    } catch {
      throw CommandFailure(.clusterError, "the lab \(loaded.id) could not be set up: \(error)")
    }
    let now = Date()
    var session = Session(lab: loaded.id, cluster: cluster.name, startedAt: now)
    session.deadline = loaded.lab.duration.map { now.addingTimeInterval(Double($0.components.seconds)) }
    session.provisioning = provisioning
    session.workdir = workdir
    session.labFolder = loaded.folder
    try store.update(cluster: cluster.name, lab: loaded.id) { stored in stored = session }
    try store.setCurrentLab(loaded.id, cluster: cluster.name)
    return session
  }

  /// Removes what the lab created (progress on stderr). The session file stays, so the score
  /// can still be read with `kubelab status --lab`; the lab is no longer the current one.
  func tearDown() async throws {
    do {
      _ = try await LabRunner(lab: loaded.lab, cluster: cluster).stop(progress: Self.printProgress)
    } catch {
      throw CommandFailure(.clusterError, "the lab \(loaded.id) could not be removed: \(error)")
    }
    if store.currentLab(cluster: cluster.name) == loaded.id { try store.setCurrentLab(nil, cluster: cluster.name) }
  }

  /// Shows a setup or teardown step on stderr, indented under the command's own line.
  @Sendable static func printProgress(_ progress: RunnerProgress) {
    FileHandle.standardError.write(Data("  \(progress)\n".utf8))
  }
}
