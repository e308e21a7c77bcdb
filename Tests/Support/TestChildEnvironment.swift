import Foundation
import LabKit

/// What test children and test shells run with. This machine's `kubectl` is a dispatcher: it asks
/// the server for its version, then runs the matching kubectl.1.N. For every learner command,
/// setup step and exec check a test runs, that was a second Go start and TLS handshake, a
/// twentieth of the suite's CPU; they find the newest kubectl itself first on their PATH. Their
/// kubectl's default cache goes to the run's scratch folder (see TestScratch). TMPDIR stays: kubelab
/// records running sandboxes there, and test shells in this process must find them too.
public enum TestChildEnvironment {
  /// A folder whose `kubectl` links to the newest versioned binary; nil without one.
  static let folder: String? = {
    guard let binaries = Kubectl.binaryFolder, let newest = Kubectl.availableVersions.last else { return nil }
    let folder = TestScratch.path("kubectl-")
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: folder + "/kubectl", withDestinationPath: binaries + "/kubectl." + newest)
      return folder
    } catch {
      return nil
    }
  }()

  /// `environment` with that folder first on its PATH (or on this process's), and kubectl's cache
  /// in the scratch folder unless it names its own.
  public static func applied(to environment: [String: String]) -> [String: String] {
    var result = environment
    result["KUBECACHEDIR"] = result["KUBECACHEDIR"] ?? TestScratch.folder + "/kubectl-cache"
    guard let folder else { return result }
    let inherited = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    result["PATH"] = folder + ":" + inherited
    return result
  }
}

extension LabCluster {
  /// This cluster, its shell commands finding the newest kubectl first. Only for a cluster chosen
  /// without a context: the copy does not keep the original's context file alive.
  public func findingKubectlFirst() -> LabCluster {
    LabCluster(client: client, name: name, shellEnvironment: TestChildEnvironment.applied(to: shellEnvironment))
  }
}
