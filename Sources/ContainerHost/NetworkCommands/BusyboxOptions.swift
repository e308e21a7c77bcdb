/// Command-line options read as busybox's getopt32 reads them: bundled short flags (`-qO-`,
/// `-zvw2`), a value attached or in the next word, long options with `=` or a separate value,
/// `--` ending them. Nil when an option is unknown or lacks its value: the caller hands the
/// command line to busybox's own applet, whose error is the real one.
struct BusyboxOptions {
  var flags: [Character: Int] = [:]
  var values: [String: String] = [:]
  var operands: [String] = []

  /// `short` lists the flags, a `:` after one that takes a value; `long` maps long names to the
  /// short letter they stand for (a trailing `:` when they take a value).
  init?(_ arguments: [String], short: String, long: [String: String] = [:]) {
    var takesValue: Set<Character> = []
    var known: Set<Character> = []
    var previous: Character?
    for character in short {
      if character == ":", let previous { takesValue.insert(previous) } else { known.insert(character) }
      previous = character
    }
    var index = 0
    var ended = false
    while index < arguments.count {
      let word = arguments[index]
      index += 1
      if ended || word == "-" || !word.hasPrefix("-") {
        operands.append(word)
        continue
      }
      if word == "--" {
        ended = true
        continue
      }
      if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        guard let meaning = long[name], let letter = meaning.first else { return nil }
        if meaning.hasSuffix(":") {
          if let equals = body.firstIndex(of: "=") {
            values[String(letter)] = String(body[body.index(after: equals)...])
          } else {
            guard index < arguments.count else { return nil }
            values[String(letter)] = arguments[index]
            index += 1
          }
        }
        flags[letter, default: 0] += 1
        continue
      }
      var letters = word.dropFirst()
      while let letter = letters.first {
        letters = letters.dropFirst()
        guard known.contains(letter) else { return nil }
        flags[letter, default: 0] += 1
        guard takesValue.contains(letter) else { continue }
        if !letters.isEmpty {
          values[String(letter)] = String(letters)
        } else {
          guard index < arguments.count else { return nil }
          values[String(letter)] = arguments[index]
          index += 1
        }
        break
      }
    }
  }

  func has(_ letter: Character) -> Bool { flags[letter] != nil }
  func value(_ letter: Character) -> String? { values[String(letter)] }
}
