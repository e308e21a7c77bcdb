import ArgumentParser
import Foundation
import LabKit

/// The cluster a lab command works on: the kubeconfig's, or the built-in sandbox that
/// `kubelab start --sandbox` left running.
struct ClusterConnection {
  let cluster: LabCluster
  /// The sandbox reached, when `--sandbox` chose it.
  let sandbox: SandboxRecord?

  /// For commands after `start`: the running sandbox, or the kubeconfig's cluster.
  static func existing(_ options: LabOptions) throws -> ClusterConnection {
    guard options.sandbox else { return try kubeconfig(options) }
    guard let record = SandboxRecord.running() else {
      throw ValidationError("no sandbox is running: start a lab on one with `kubelab start <lab> --sandbox`")
    }
    return try connect(record)
  }

  /// For `start`: with `--sandbox`, a running sandbox of the lab's topology, else a new one
  /// launched in the background (replacing one that `start` launched for another topology).
  static func forStart(_ options: LabOptions, topology: String) async throws -> ClusterConnection {
    guard options.sandbox else { return try kubeconfig(options) }
    if let record = SandboxRecord.running() {
      if record.topology == topology { return try connect(record) }
      if !record.detached {
        throw ValidationError(
          "the running sandbox (pid \(record.pid)) simulates the topology \(record.topology), but this lab needs "
            + "\(topology): stop it, or run `kubelab sandbox --topology \(topology)`")
      }
      await DetachedSandbox.stop(record)
    }
    return try connect(try await DetachedSandbox.launch(topology: topology))
  }

  private static func kubeconfig(_ options: LabOptions) throws -> ClusterConnection {
    do {
      return ClusterConnection(
        cluster: try LabCluster(kubeconfig: options.kubeconfig, context: options.context), sandbox: nil)
    } catch {
      throw CommandFailure(.clusterError, "cannot use the cluster: \(error)")
    }
  }

  private static func connect(_ record: SandboxRecord) throws -> ClusterConnection {
    do {
      return ClusterConnection(cluster: try LabCluster(kubeconfig: record.kubeconfig, context: nil), sandbox: record)
    } catch {
      throw CommandFailure(.clusterError, "cannot use the sandbox at \(record.url): \(error)")
    }
  }
}
