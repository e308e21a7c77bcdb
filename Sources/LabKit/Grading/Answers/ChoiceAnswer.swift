/// Which option of a choice task a learner's answer names: its text (ignoring case), its letter
/// (`a`, `b`, … ignoring case) or its 1-based number. The text comes first, so options that are
/// themselves letters or numbers mean what they say.
enum ChoiceAnswer {
  static func option(_ answer: String, among options: [String]) -> String? {
    if let option = options.first(where: { $0.lowercased() == answer.lowercased() }) { return option }
    if answer.count == 1, let letter = answer.lowercased().unicodeScalars.first,
      ("a"..."z").contains(letter), let index = Int(exactly: letter.value - ("a" as Unicode.Scalar).value),
      options.indices.contains(index)
    {
      return options[index]
    }
    if let number = Int(answer), options.indices.contains(number - 1) { return options[number - 1] }
    return nil
  }
}
