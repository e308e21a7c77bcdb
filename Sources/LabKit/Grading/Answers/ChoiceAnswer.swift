/// Which option of a choice task a learner's answer names: its text (ignoring case), its letter
/// (`a`, `b`, … ignoring case) or its 1-based number. The text comes first, so options that are
/// themselves letters or numbers mean what they say; and when any option is a number, a bare
/// number is only ever read as that text, never as a position (`2` is not the second option, "4").
enum ChoiceAnswer {
  static func option(_ answer: String, among options: [String]) -> String? {
    if let option = options.first(where: { $0.lowercased() == answer.lowercased() }) { return option }
    if let number = Double(answer) {
      if options.contains(where: { Double($0) != nil }) { return options.first { Double($0) == number } }
      if let position = Int(answer), options.indices.contains(position - 1) { return options[position - 1] }
      return nil
    }
    if answer.count == 1, let letter = answer.lowercased().unicodeScalars.first,
      ("a"..."z").contains(letter), let index = Int(exactly: letter.value - ("a" as Unicode.Scalar).value),
      options.indices.contains(index)
    {
      return options[index]
    }
    return nil
  }

  /// Options a learner could mean by their position instead of their text: a number from 1 to the
  /// number of options, or a single letter among the options' letters. Lint warns about them.
  static func misreadable(_ options: [String]) -> [String] {
    options.filter { option in
      let text = option.trimmingCharacters(in: .whitespaces).lowercased()
      if let number = Int(text) { return options.indices.contains(number - 1) }
      guard text.count == 1, let letter = text.unicodeScalars.first, ("a"..."z").contains(letter) else { return false }
      return Int(letter.value - ("a" as Unicode.Scalar).value) < options.count
    }
  }
}
