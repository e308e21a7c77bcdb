import ArgumentParser
import Foundation
import Isolation
import KubeClient

/// `kubelab doctor`: is the cluster from the kubeconfig usable for labs, and if not, why.
struct DoctorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check that the cluster from your kubeconfig is usable for labs.",
    discussion: """
      Prints the kubeconfig, context, server, authentication method (never its secret), the \
      server's version and round-trip time, and whether the credentials may list pods and create \
      namespaces, and whether `kubelab ssh` can open node shells here (bubblewrap and user \
      namespaces). Exits 0 when the cluster is usable; otherwise exits 1 with one line saying what \
      is wrong and how to fix it.
      """
  )

  @OptionGroup var cluster: ClusterOptions

  func run() async throws {
    let doctor = ClusterDoctor(
      loader: KubeconfigLoader(explicitPath: cluster.kubeconfig), context: cluster.context,
      namespace: cluster.namespace)
    var report = await doctor.examine()
    // Node shells are not needed to use the cluster: a missing bubblewrap is said, not failed.
    switch IsolationSupport.check() {
    case .available(let bwrap): report.add("node shells", "available (\(bwrap))")
    case .missing(let reason): report.add("node shells", "unavailable: \(reason)")
    }
    if !report.lines.isEmpty { print(report.text) }
    if let problem = report.problem {
      FileHandle.standardError.write(Data("kubelab doctor: \(problem)\n".utf8))
      throw ExitCode(ExitStatus.notPassed.rawValue)
    }
    print("The cluster is usable.")
  }
}
