import ArgumentParser

@main
struct Kubelab: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubelab",
    abstract: "Hands-on Kubernetes practice labs, graded against a live cluster.",
    subcommands: [
      PracticeCommand.self, WebCommand.self, LabsCommand.self, StartCommand.self, TasksCommand.self, ShowCommand.self,
      AnswerCommand.self, CheckCommand.self, HintCommand.self, SolutionCommand.self, StatusCommand.self,
      ResetCommand.self, StopCommand.self, LintCommand.self, TestCommand.self, NewCommand.self,
      SandboxCommand.self, DoctorCommand.self,
    ]
  )
}
