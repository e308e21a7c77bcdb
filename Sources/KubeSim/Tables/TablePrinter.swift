import Foundation
import KubeModel

/// The cells computed for one object, plus the row conditions some printers add.
public struct TableRow: Hashable, Sendable {
  public var cells: [JSON]
  /// `TableRowCondition`s: pods that ran to completion carry a `Completed` condition.
  public var conditions: [JSON]

  public init(cells: [JSON], conditions: [JSON] = []) {
    self.cells = cells
    self.conditions = conditions
  }
}

/// How one resource is printed as a server-side Table: its columns and how to fill a row.
///
/// The real server always prints wide, so a row has one cell per column, priority-1 columns included.
public struct TablePrinter: Sendable {
  public let columns: [TableColumn]
  private let makeRow: @Sendable (PrintedObject, Date) -> TableRow

  init(columns: [TableColumn], row: @escaping @Sendable (PrintedObject, Date) -> TableRow) {
    self.columns = columns
    self.makeRow = row
  }

  /// A printer whose rows have no conditions.
  init(columns: [TableColumn], cells: @escaping @Sendable (PrintedObject, Date) -> [JSON]) {
    self.init(columns: columns) { object, now in TableRow(cells: cells(object, now)) }
  }

  /// The row of `object` (a full object as stored, in its JSON form) as seen at `now`.
  public func row(for object: JSON, now: Date) -> TableRow {
    makeRow(PrintedObject(object), now)
  }
}
