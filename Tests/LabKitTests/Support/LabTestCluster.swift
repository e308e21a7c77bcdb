import Foundation
import KubeSim
import LabKit

/// An in-process sandbox for one test, reached the way a learner's cluster is: through a
/// kubeconfig file, so shell commands (`script` checks, `run` steps) reach it too.
final class LabTestCluster {
  let sandbox: Sandbox
  let kubeconfigPath: String
  let cluster: LabCluster

  init(topology: String = "kubeadm") throws {
    sandbox = try Sandbox(options: .init(topology: topology))
    try sandbox.start()
    kubeconfigPath = NSTemporaryDirectory() + "kubelab-test-\(UUID().uuidString).kubeconfig"
    try sandbox.writeKubeconfig(to: kubeconfigPath)
    cluster = try LabCluster(kubeconfig: kubeconfigPath, context: nil)
  }

  deinit {
    sandbox.shutdown()
    try? FileManager.default.removeItem(atPath: kubeconfigPath)
  }
}
