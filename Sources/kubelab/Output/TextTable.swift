/// Rows printed in aligned columns, as kubectl prints tables: a header, then left-aligned cells
/// separated by three spaces.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []

  init(_ header: [String]) {
    self.header = header
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    return all.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "   ")
    }.joined(separator: "\n")
  }
}
