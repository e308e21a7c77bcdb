import Foundation
import KubeSim

/// `journalctl` of a node: `-u UNIT`, `-n N`, `-f`, `-e`, `-x` and `--no-pager`, printing the
/// node's journal (the kubelet's and containerd's lines, and systemd's about them) as
/// journald's short format does. `-f` follows until the learner presses Ctrl-C.
public struct Journalctl: NodeTool {
  public let names = ["journalctl"]

  public init() {}

  struct Options {
    var units: [String] = []
    var lines: Int?
    var follow = false
  }

  static func parse(_ arguments: [String]) -> Result<Options, JournalctlError> {
    var options = Options()
    var index = 0
    func value(_ flag: String) -> String? {
      index += 1
      return index < arguments.count ? arguments[index] : nil
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-u", "--unit":
        guard let unit = value(argument) else { return .failure(JournalctlError("option requires an argument -- 'u'")) }
        options.units.append(unit)
      case "-n", "--lines":
        guard let count = value(argument).flatMap({ Int($0) }) else {
          return .failure(JournalctlError("Failed to parse lines '\(index < arguments.count ? arguments[index] : "")'"))
        }
        options.lines = count
      case "-f", "--follow": options.follow = true
      case "-e", "--pager-end": options.lines = options.lines ?? 1000
      case "-x", "--catalog", "--no-pager", "-l", "--full", "-a", "--all", "-q", "--quiet": break
      default:
        if argument.hasPrefix("--unit=") {
          options.units.append(String(argument.dropFirst("--unit=".count)))
        } else if argument.hasPrefix("--lines=") || (argument.hasPrefix("-n") && argument.count > 2) {
          let text = argument.hasPrefix("--lines=") ? String(argument.dropFirst(8)) : String(argument.dropFirst(2))
          guard let count = Int(text) else { return .failure(JournalctlError("Failed to parse lines '\(text)'")) }
          options.lines = count
        } else if argument.hasPrefix("-u"), argument.count > 2 {
          options.units.append(String(argument.dropFirst(2)))
        } else if argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2 {
          // Bundled short flags: -xe, -fu is not allowed with a value in the middle.
          for flag in argument.dropFirst() {
            switch flag {
            case "x": break
            case "e": options.lines = options.lines ?? 1000
            case "f": options.follow = true
            default: return .failure(JournalctlError("invalid option -- '\(flag)'"))
            }
          }
        } else {
          return .failure(JournalctlError("unrecognized option '\(argument)'"))
        }
      }
      index += 1
    }
    return .success(options)
  }

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    let options: Options
    switch Self.parse(invocation.arguments) {
    case .success(let parsed): options = parsed
    case .failure(let error):
      await output.err("journalctl: \(error.message)\n")
      return 1
    }
    let services = node.cluster.nodeServices!
    let units = options.units.map { $0.hasSuffix(".service") ? String($0.dropLast(8)) : $0 }
    // Subscribe first, so no line logged between the listing and the follow is lost.
    let stream = options.follow ? services.follow(on: node.name) : nil
    var entries = services.journal(on: node.name).filter { units.isEmpty || units.contains($0.unit) }
    let limit = options.lines ?? (options.follow ? 10 : nil)
    if let limit { entries = Array(entries.suffix(max(0, limit))) }
    if entries.isEmpty && !options.follow {
      await output.out("-- No entries --\n")
      return 0
    }
    await output.out(entries.map { JournalFormat.line($0, node: node.name) }.joined())
    guard let stream else { return 0 }
    for await entry in stream where units.isEmpty || units.contains(entry.unit) {
      if Task.isCancelled { break }
      await output.out(JournalFormat.line(entry, node: node.name))
    }
    return 0
  }
}

struct JournalctlError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
