import ContainerHost
import Foundation
import Isolation
import KubeSim
import LabKit

/// An in-process sandbox for one test (LabKit and lab tests), reached the way a learner's cluster is: through a
/// kubeconfig file, so shell commands (`script` checks, `run` steps) reach it too.
public final class LabTestCluster {
  public let sandbox: Sandbox
  public let kubeconfigPath: String
  public let cluster: LabCluster

  /// `containers` runs shell images' containers for real (exec checks need them), with the built
  /// kubelab as their network commands, so that probes from a pod (`nc -z api 8080`) reach others.
  public init(topology: String = "kubeadm", containers: Bool = false) throws {
    let engine =
      containers
      ? ContainerEngines.make(
        root: TestScratch.path("containers-"),
        tools: ToolBinary(executable: try BuiltProducts.kubelab())) : nil
    sandbox = try Sandbox(options: .init(topology: topology, containerEngine: engine))
    try sandbox.start()
    kubeconfigPath = TestScratch.path("kubeconfig-")
    try sandbox.writeKubeconfig(to: kubeconfigPath)
    cluster = try LabCluster(kubeconfig: kubeconfigPath, context: nil).findingKubectlFirst()
  }

  deinit {
    sandbox.shutdown()
    try? FileManager.default.removeItem(atPath: kubeconfigPath)
  }
}
