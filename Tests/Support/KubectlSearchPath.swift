import Foundation
import LabKit

/// This machine's `kubectl` is a dispatcher: it asks the server for its version, then runs the
/// matching kubectl.1.N. For every learner command, setup step and exec check a test runs, that
/// was a second Go start and TLS handshake, a twentieth of the suite's CPU. Test children and
/// test shells find the newest kubectl itself first on their PATH instead.
public enum KubectlSearchPath {
  /// A folder whose `kubectl` links to the newest versioned binary; nil without one.
  static let folder: String? = {
    guard let binaries = Kubectl.binaryFolder, let newest = Kubectl.availableVersions.last else { return nil }
    let folder = NSTemporaryDirectory() + "kubelab-test-kubectl-" + UUID().uuidString
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: folder + "/kubectl", withDestinationPath: binaries + "/kubectl." + newest)
      return folder
    } catch {
      return nil
    }
  }()

  /// `environment` with that folder put first on its PATH (or on this process's).
  public static func prepended(to environment: [String: String]) -> [String: String] {
    guard let folder else { return environment }
    let inherited = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return environment.merging(["PATH": folder + ":" + inherited]) { _, new in new }
  }
}

extension LabCluster {
  /// This cluster, its shell commands finding the newest kubectl first. Only for a cluster chosen
  /// without a context: the copy does not keep the original's context file alive.
  public func findingKubectlFirst() -> LabCluster {
    LabCluster(client: client, name: name, shellEnvironment: KubectlSearchPath.prepended(to: shellEnvironment))
  }
}
