/// The flags and operands of one invocation, parsed the one way every node tool shares: `--name
/// value`, `--name=value`, `-n value`, bundled short switches (`-aq`), `--` ending the flags,
/// and flags anywhere among the operands (as cobra allows; urfave's tools are given the same
/// leniency).
struct ToolArguments {
  /// A flag a tool accepts, by all its spellings; the first name is the one it is read by.
  struct Option {
    var names: [String]
    var takesValue: Bool

    static func flag(_ names: String...) -> Option { Option(names: names, takesValue: false) }
    static func value(_ names: String...) -> Option { Option(names: names, takesValue: true) }
  }

  enum ParseError: Error, Equatable {
    /// A flag no option spells, as typed.
    case unknown(String)
    /// A valued flag at the end of the line.
    case missingValue(String)
  }

  private(set) var operands: [String] = []
  private var values: [String: [String]] = [:]

  init(_ arguments: [String], options: [Option]) throws {
    var byName: [String: Option] = [:]
    for option in options { for name in option.names { byName[name] = option } }
    var index = 0
    func record(_ option: Option, _ value: String) { values[option.names[0], default: []].append(value) }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        operands += arguments[index...]
        break
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        operands.append(argument)
        continue
      }
      var name = argument
      var inline: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      if let option = byName[name] {
        if !option.takesValue {
          record(option, inline ?? "true")
        } else if let inline {
          record(option, inline)
        } else if index < arguments.count {
          record(option, arguments[index])
          index += 1
        } else {
          throw ParseError.missingValue(name)
        }
        continue
      }
      // `-aq`: short switches bundled together.
      let letters = argument.dropFirst().map { "-\($0)" }
      guard !argument.hasPrefix("--"), inline == nil,
        letters.allSatisfy({ byName[$0].map { !$0.takesValue } ?? false })
      else { throw ParseError.unknown(name) }
      for letter in letters { record(byName[letter]!, "true") }
    }
  }

  /// Whether a switch was given (and not given as `=false`).
  func has(_ name: String) -> Bool {
    guard let last = values[name]?.last else { return false }
    return last != "false"
  }

  /// The last value given for a flag.
  func value(_ name: String) -> String? { values[name]?.last }

  /// Every value given for a repeatable flag.
  func values(_ name: String) -> [String] { values[name] ?? [] }
}

extension ToolArguments {
  /// Parses an invocation's arguments; on a flag the tool does not know (or one missing its value)
  /// prints the tool's own words for it (`reject` gets the flag as typed) and returns nil.
  static func parse(
    _ invocation: NodeToolInvocation, options: [Option], output: NodeToolOutput, reject: (String) -> String
  ) async -> ToolArguments? {
    do {
      return try ToolArguments(invocation.arguments, options: options)
    } catch ParseError.unknown(let flag), ParseError.missingValue(let flag) {
      await output.err(reject(flag))
    } catch {
      await output.err(reject("\(error)"))
    }
    return nil
  }
}
