/// The part of a log a request asks for: `tailLines` and `limitBytes`.
struct LogSelection {
  var tailLines: Int?
  var limitBytes: Int?

  init(_ query: QueryParameters) {
    tailLines = query.integer("tailLines")
    limitBytes = query.integer("limitBytes")
  }

  func apply(to text: String) -> String {
    var selected = text
    if let tailLines, tailLines >= 0 {
      var lines = selected.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last == "" { lines.removeLast() }
      selected = lines.suffix(tailLines).map { $0 + "\n" }.joined()
    }
    if let limitBytes, limitBytes >= 0, selected.utf8.count > limitBytes {
      selected = String(decoding: selected.utf8.prefix(limitBytes), as: UTF8.self)
    }
    return selected
  }
}
