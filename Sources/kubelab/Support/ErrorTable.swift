import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import LabKit

/// Every error a command can end with, mapped to its exit status and its one-line message: the
/// one place that decides both. docs/cli.md ("Errors") shows the same table, and
/// CLITests/ExitStatusTableTests triggers each row through the CLI.
enum ErrorTable {
  static func classify(_ error: Error) -> (status: ExitStatus, message: String) {
    switch error {
    // Raised by kubelab's commands with the status they chose from ExitStatus.
    case let failure as CommandFailure:
      return (failure.status, failure.message)
    // A wrong argument or option, found while the command runs.
    case let validation as ValidationError:
      return (.usage, validation.message)
    // `no lab `x` in ./Labs …` is a wrong argument; a lab with problems is the library's.
    case let library as LabLibraryError:
      if case .unknownLab = library { return (.usage, library.description) }
      return (.invalidLab, library.description)
    // A session file that is damaged or cannot be written.
    case let store as SessionStoreError:
      return (.localFiles, store.description)
    // A file kubelab writes or reads for itself (a lab scaffold, a report).
    case let file as CocoaError:
      return (.localFiles, file.localizedDescription)
    // The cluster: the kubeconfig, the connection, an API error, a setup step, the sandbox.
    case let config as KubeconfigError:
      return (.clusterError, "cannot use the kubeconfig: \(config)")
    case let client as KubeClientError:
      return (.clusterError, client.description)
    case let status as KubeModel.Status:
      return (.clusterError, status.description)
    case let runner as RunnerError:
      return (.clusterError, runner.description)
    case let launch as SandboxLaunchError:
      return (.clusterError, launch.description)
    default:
      return (.internalError, "internal error: \(error)")
    }
  }
}
