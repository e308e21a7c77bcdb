import Foundation
import KubeModel

/// Log lines as etcd's zap logger writes them: JSON for etcdctl, tab-separated console lines for
/// etcdutl.
enum ZapLine {
  /// `2025-05-20T10:15:30.123456Z`, zap's ISO 8601 with microseconds.
  static func timestamp(_ date: Date) -> String {
    let whole = floor(date.timeIntervalSince1970)
    let micros = Int(((date.timeIntervalSince1970 - whole) * 1_000_000).rounded()) % 1_000_000
    let base = RFC3339Nano.string(Date(timeIntervalSince1970: whole)).dropLast()
    return base + String(format: ".%06dZ", micros)
  }

  /// A JSON line: level, ts, then the fields in order.
  static func json(_ level: String, at date: Date, _ fields: [(String, JSON)]) -> String {
    var object = JSONObject()
    object["level"] = .string(level)
    object["ts"] = .string(timestamp(date))
    for (key, value) in fields { object[key] = value }
    return JSON.object(object).serialized() + "\n"
  }

  /// A console line: time, level, caller, message, then the fields as JSON.
  static func console(_ level: String, at date: Date, caller: String, _ message: String, _ fields: [(String, JSON)])
    -> String
  {
    // The console encoder spaces its JSON: `{"path": "/opt/snap.db", "size": "6.1 MB"}`.
    let pairs = fields.map { "\(JSON.string($0.0).serialized()): \($0.1.serialized())" }
    let rest = fields.isEmpty ? "" : "\t{" + pairs.joined(separator: ", ") + "}"
    return
      "\(RFC3339Nano.string(Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))))\t\(level)\t\(caller)\t\(message)\(rest)\n"
  }
}
