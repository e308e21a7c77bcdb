/// Whole numbers written as words, for answers that are counts: `two` answers for 2.
enum CountWords {
  private static let words = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
  ]

  /// The number a word names (`Two` is 2), zero to twenty; nil for anything else.
  static func value(_ text: String) -> Int? {
    words.firstIndex(of: text.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
