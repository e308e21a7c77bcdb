import Foundation
import KubeModel

/// What the API server does to a Secret it is given: `stringData` is write-only, merged into
/// `data` as base64 (a key in both takes the `stringData` value) and dropped; `type` defaults to
/// Opaque.
enum SecretDefaults {
  static func apply(to secret: inout JSON) {
    if let plain = secret["stringData"]?.objectValue {
      var data = secret["data"]?.objectValue ?? [:]
      for (key, value) in plain {
        data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
      }
      secret["data"] = .object(data)
      secret["stringData"] = nil
    }
    if secret["type"]?.stringValue?.isEmpty ?? true { secret["type"] = "Opaque" }
  }
}
