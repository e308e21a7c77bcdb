/// A table drawn with `+---+` borders, as etcdctl and etcdutl print `-w table` through
/// olekukonko/tablewriter: headers upper-cased and centred, cells right-aligned, one space of
/// margin either side.
struct BoxTable {
  var headers: [String]
  var rows: [[String]] = []

  init(headers: [String]) {
    self.headers = headers.map { $0.uppercased() }
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    let widths = headers.indices.map { column in
      ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
    }
    let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) + "+" }.joined() + "\n"
    func centred(_ text: String, _ width: Int) -> String {
      let space = width - text.count
      let left = space / 2
      return String(repeating: " ", count: left) + text + String(repeating: " ", count: space - left)
    }
    func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: width - text.count) + text }
    var text = rule
    text += "|" + headers.enumerated().map { " \(centred($1, widths[$0])) |" }.joined() + "\n"
    text += rule
    for row in rows {
      text += "|" + widths.enumerated().map { " \(right($0 < row.count ? row[$0] : "", $1)) |" }.joined() + "\n"
    }
    return text + rule
  }
}
