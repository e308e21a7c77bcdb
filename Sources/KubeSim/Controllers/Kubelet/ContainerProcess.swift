import Foundation

/// What a container's main process does, read from its command line: long-running servers keep
/// running; shell scripts print what they echo, sleep, and exit with the code they end with.
struct ContainerProcess: Equatable {
  /// What the process writes to its log when it starts.
  var output: String
  /// How long it runs before it exits, or nil when it runs until it is stopped.
  var lifetime: TimeInterval?
  var exitCode: Int

  /// `command` replaces the image's entrypoint and `args` its default arguments; either one given
  /// names the program, since the catalogue's images exec whatever their arguments say.
  init(image: ImageCatalog.Image, command: [String], args: [String]) {
    let words = command + args
    var simulated = ContainerProcess(
      output: image.logs.map { $0 + "\n" }.joined(), lifetime: image.runsForever ? nil : 0, exitCode: 0)
    if !words.isEmpty, let script = Self.interpret(Self.script(words)) {
      simulated = script
    }
    self = simulated
  }

  init(output: String, lifetime: TimeInterval?, exitCode: Int) {
    self.output = output
    self.lifetime = lifetime
    self.exitCode = exitCode
  }

  /// `sh -c "…"` runs its script; any other command line is a one-line script.
  static func script(_ words: [String]) -> String {
    let shells = ["sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash"]
    if let shell = words.first, shells.contains(shell), let dashC = words.firstIndex(of: "-c"), dashC + 1 < words.count
    {
      return words[dashC + 1]
    }
    return words.joined(separator: " ")
  }

  /// Runs the script's simple commands in order; nil when none of them is one the simulation
  /// knows, so the image's own behaviour applies.
  static func interpret(_ script: String) -> ContainerProcess? {
    var process = ContainerProcess(output: "", lifetime: 0, exitCode: 0)
    var understood = false
    let statements = script.replacingOccurrences(of: "&&", with: ";").split(whereSeparator: { $0 == ";" || $0 == "\n" })
    for statement in statements {
      let words = statement.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
      guard let program = words.first.map({ ($0 as NSString).lastPathComponent }) else { continue }
      switch program {
      case "echo":
        understood = true
        process.output += words.dropFirst().joined(separator: " ") + "\n"
      case "sleep":
        understood = true
        guard let seconds = words.dropFirst().first.flatMap(duration) else {
          process.lifetime = nil
          return process
        }
        process.lifetime = (process.lifetime ?? 0) + seconds
      case "exit":
        process.exitCode = words.dropFirst().first.flatMap { Int($0) } ?? 0
        return process
      case "false":
        process.exitCode = 1
        return process
      case "true": understood = true
      case "while", "tail", "nginx", "redis-server", "httpd-foreground":
        process.lifetime = nil
        return process
      default: continue
      }
    }
    return understood || process.exitCode != 0 ? process : nil
  }

  /// `sleep`'s argument: seconds, or with an s/m/h/d suffix; `infinity` never ends.
  static func duration(_ text: String) -> TimeInterval? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
    if let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()) { return value * factor }
    return Double(text).flatMap { $0.isFinite ? $0 : nil }
  }
}
