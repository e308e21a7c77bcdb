import ArgumentParser

@main
struct Kubelab: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubelab",
    abstract: "Hands-on Kubernetes practice labs, graded against a live cluster.",
    subcommands: [
      LabsCommand.self, NewCommand.self, LintCommand.self, SandboxCommand.self, DoctorCommand.self,
    ]
  )
}
