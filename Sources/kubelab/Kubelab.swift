import ArgumentParser
import ContainerHost
import Foundation
import NodeHost

@main
struct Kubelab: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubelab",
    abstract: "Hands-on Kubernetes practice labs, graded against a live cluster.",
    subcommands: [
      PracticeCommand.self, WebCommand.self, LabsCommand.self, StartCommand.self, TasksCommand.self, ShowCommand.self,
      AnswerCommand.self, CheckCommand.self, HintCommand.self, SolutionCommand.self, StatusCommand.self,
      ResetCommand.self, StopCommand.self, LintCommand.self, TestCommand.self, NewCommand.self,
      SandboxCommand.self, SSHCommand.self, DoctorCommand.self,
    ]
  )

  /// Inside a node shell this binary is also crictl, systemctl, etcdctl, …, and inside a container
  /// nslookup, wget and nc: called by one of those names, it forwards the command to the sandbox
  /// instead of parsing kubelab's arguments. Started
  /// as a port-forward's relay, it is that, before any thread starts.
  static func main() async {
    NetworkNamespaceRelay.runIfAsked()
    StandardDescriptors.reserve()
    if let status = PodNetworkCommands.runIfCalledAs() { Foundation.exit(status) }
    if let status = NodeControlClient.forwardIfCalledAsTool() { Foundation.exit(status) }
    await main(nil)
  }
}
