/// Columns aligned as Go's text/tabwriter aligns them, which crictl, ctr, nerdctl and kubeadm print
/// through: each column as wide as its widest cell plus `padding`, at least `minWidth`. A row's
/// last cell is not padded unless `terminated` (ctr ends every cell with a tab, leaving trailing
/// spaces).
struct TabTable {
  var minWidth: Int
  var padding: Int
  var terminated = false
  private(set) var rows: [[String]] = []

  init(minWidth: Int, padding: Int, terminated: Bool = false) {
    self.minWidth = minWidth
    self.padding = padding
    self.terminated = terminated
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() where terminated || index < row.count - 1 {
        widths[index] = max(widths[index], max(minWidth, cell.count + padding))
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        guard terminated || index < row.count - 1 else { return cell }
        return cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined() + "\n"
    }.joined()
  }
}
