import Foundation
import KubeModel
import KubeSim

/// The instant every table test looks at: 2024-06-01T12:00:00Z.
let tableNow = Date(timeIntervalSince1970: 1_717_243_200)

/// The RFC 3339 timestamp `seconds` before `tableNow`.
func timestamp(secondsAgo seconds: Double) -> String {
  let formatter = ISO8601DateFormatter()
  formatter.timeZone = TimeZone(identifier: "UTC")
  return formatter.string(from: tableNow.addingTimeInterval(-seconds))
}

/// The cells the printer of `resource` computes for the object written as JSON text.
func tableCells(_ resource: String, group: String = "", _ objectText: String) throws -> [JSON] {
  let object = try JSON(parsing: objectText)
  return TablePrinters.printer(resource: resource, group: group).row(for: object, now: tableNow).cells
}

/// The header row kubectl would show: column names upper-cased, wide ones included.
func tableHeaders(_ resource: String, group: String = "") -> [String] {
  TablePrinters.printer(resource: resource, group: group).columns.map { $0.name.uppercased() }
}
