import Foundation
import LabKit

/// The practice test in one terminal: each task in turn, answers graded as they are given,
/// actions checked on request, kubectl at hand, and a score table at the end.
struct PracticeSession {
  let context: LabSessionContext
  let input: LineReader
  let workdir: String

  private var tasks: [LabTask] { context.lab.tasks }

  /// Runs until the last task is done, the learner quits, or input ends; returns the final grade.
  func run() async throws -> GradeReport {
    let lab = context.lab
    print(
      "\n\(lab.title): \(tasks.count) tasks"
        + (lab.duration.map { ", \($0.compactText)" } ?? "")
        + ", pass mark \((context.loaded.grader.passMark ?? lab.passMark).pointsText)%")
    print("Type `help` for the commands.\n")
    var index = 0
    while index < tasks.count {
      print(TaskText.render(tasks[index], number: index + 1))
      guard let move = try await ask(tasks[index]) else { break }
      index = max(0, index + move)
    }
    return try await finish()
  }

  /// Takes lines until the learner moves on; the step to the next task (1, or -1 for back), or
  /// nil to end the test.
  private func ask(_ task: LabTask) async throws -> Int? {
    let id = task.id.value
    while let line = await input.next(prompt: "> ") {
      switch PracticeCommandLine(line) {
      case .empty: print(TaskText.render(task, number: number(of: task)))
      case .help: print(PracticeCommandLine.helpText)
      case .quit: return nil
      case .skip: return 1
      case .back: return -1
      case .status: print(SessionStatus(session: try context.session(), loaded: context.loaded, now: Date()).text)
      case .hint: print(try revealHint(id))
      case .solution: print(try revealSolution(id))
      case .kubectl(let command): await runKubectl(command)
      case .ssh(let node): await logIn(node)
      case .check:
        if try await grade(id) { return 1 }
      case .answer(let text):
        guard task.kind != .action else {
          print("This task is done on the cluster: use kubectl (here or in another shell), then type `check`.")
          continue
        }
        if try await say(context.answer(id, text)) { return 1 }
      }
    }
    return nil
  }

  /// Grades one task and says how it went.
  private func grade(_ id: String) async throws -> Bool {
    try say(await context.grade(tasks: [id]).tasks.first)
  }

  /// Says how a task went; on a miss without a check hint, reveals the next hint.
  private func say(_ graded: TaskResult?) throws -> Bool {
    guard let result = graded else { return false }
    print(AnswerText.verdict(result))
    if let (hints, revealed) = try context.hintAfterMiss(result) {
      print(HintText.render(hints: hints, revealed: revealed, task: result.id))
    }
    return result.status == .passed
  }

  private func revealHint(_ id: String) throws -> String {
    let (hints, revealed) = try context.revealHint(id)
    return HintText.render(hints: hints, revealed: revealed, task: id)
  }

  private func revealSolution(_ id: String) throws -> String {
    guard let solution = try context.revealSolution(id) else { return "The grader gives no solution here." }
    return SolutionText.render(solution)
  }

  private func runKubectl(_ line: String) async {
    let command = line.hasPrefix("k ") ? "kubectl " + line.dropFirst(2) : line
    let check = await ShellCommand("command -v kubectl").run()
    guard check.succeeded else {
      print("kubectl is not installed here; install it to work on the cluster from this prompt.")
      return
    }
    let result = await ShellCommand(
      command, environment: context.cluster.shellEnvironment, directory: workdir, timeout: .seconds(120)
    ).run()
    show(result)
  }

  private func logIn(_ node: String?) async {
    do {
      let environment = ProcessInfo.processInfo.environment.merging(context.cluster.shellEnvironment) { _, lab in lab }
      let login = try NodeLogin.find(kubeconfig: nil, context: nil, environment: environment)
      guard let node else {
        print(login.nodeNames.joined(separator: "\n"))
        return
      }
      if input.interactive {
        _ = try login.login(node)
      } else {
        await runPiped(on: node)
      }
    } catch {
      print("\(error)")
    }
  }

  /// A script's `ssh NODE`: the lines up to `exit` are the node shell's input. They cannot reach
  /// the shell through stdin, which the line reader has already read ahead, so they go to
  /// `kubelab ssh` as a learner would pipe them.
  private func runPiped(on node: String) async {
    var script: [String] = []
    while let line = await input.next(prompt: "root@\(node):~# ") {
      let command = line.trimmingCharacters(in: .whitespaces)
      if command == "exit" || command == "logout" { break }
      script.append(line)
    }
    let result = await ShellCommand(
      NodeLoginCommand.current.command(node: node, script: script.joined(separator: "\n")),
      environment: context.cluster.shellEnvironment, directory: workdir, timeout: .seconds(120)
    ).run()
    show(result)
  }

  /// What a command printed, ending in a newline, and why it stopped when it did not end.
  private func show(_ result: ShellResult) {
    print(result.output, terminator: result.output.hasSuffix("\n") || result.output.isEmpty ? "" : "\n")
    if let failure = result.failure { print("(\(failure))") }
  }

  private func finish() async throws -> GradeReport {
    let report = try await context.grade(tasks: nil)
    print("\nFinal score\n")
    print(GradeReportText.render(report, lab: context.lab))
    return report
  }

  private func number(of task: LabTask) -> Int { (tasks.firstIndex { $0.id.value == task.id.value } ?? 0) + 1 }
}
