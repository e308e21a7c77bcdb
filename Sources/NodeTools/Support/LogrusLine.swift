/// A message as logrus prints it to a terminal, which crictl and nerdctl log through:
/// `FATA[0000] pulling image: …`. Every tool call is quick, so the seconds since start read 0000.
enum LogrusLine {
  enum Level: String {
    case fatal = "FATA"
    case error = "ERRO"
    case warning = "WARN"
    case info = "INFO"
  }

  static func text(_ level: Level, _ message: String) -> String { "\(level.rawValue)[0000] \(message)\n" }
}
