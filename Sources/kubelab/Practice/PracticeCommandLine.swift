/// What the learner typed at the practice prompt.
enum PracticeCommandLine: Equatable {
  case check
  case hint
  case solution
  case skip
  case back
  case status
  case quit
  case help
  /// A kubectl command, run on the lab's cluster.
  case kubectl(String)
  /// `ssh NODE`: a shell on a node of the sandbox, back at the prompt on exit; `ssh` lists them.
  case ssh(String?)
  /// Anything else: the answer to the current question.
  case answer(String)
  case empty

  init(_ line: String) {
    let text = line.trimmingCharacters(in: .whitespaces)
    switch text.lowercased() {
    case "": self = .empty
    case "check": self = .check
    case "hint": self = .hint
    case "solution": self = .solution
    case "skip", "next": self = .skip
    case "back", "previous": self = .back
    case "status": self = .status
    case "quit", "exit": self = .quit
    case "help", "?": self = .help
    case "ssh": self = .ssh(nil)
    default:
      if text.hasPrefix("ssh "), let node = text.split(separator: " ").dropFirst().first {
        self = .ssh(String(node))
        return
      }
      self = text.hasPrefix("kubectl ") || text == "kubectl" || text.hasPrefix("k ") ? .kubectl(text) : .answer(text)
    }
  }

  static let helpText = """
    Type your answer to a question, or one of:
      check    grade the current task (for a task you do on the cluster)
      hint     show the next hint of the current task
      solution show how to solve the current task (recorded as revealed)
      skip     go to the next task          back     go to the previous task
      status   show the score table         quit     end the practice test
      kubectl …  run kubectl on the lab's cluster (k … works too)
      ssh NODE   open a shell on a sandbox node; `exit` comes back here
    """
}
