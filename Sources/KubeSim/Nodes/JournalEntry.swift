import Foundation

/// One line of a node's journal: who logged it (`kubelet[1234]`, `systemd[1]`) and what.
public struct JournalEntry: Sendable, Equatable {
  public var date: Date
  /// The unit the line belongs to (`kubelet` for both the kubelet's own lines and systemd's about it).
  public var unit: String
  public var identifier: String
  public var pid: Int
  public var message: String

  public init(date: Date, unit: String, identifier: String, pid: Int, message: String) {
    self.date = date
    self.unit = unit
    self.identifier = identifier
    self.pid = pid
    self.message = message
  }
}
