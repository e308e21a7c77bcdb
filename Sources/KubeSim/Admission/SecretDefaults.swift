import Foundation
import KubeModel

/// A Secret's `stringData` is write-only, as the API server makes it: each key is stored
/// base64-encoded under `data` (over a key of the same name), and `stringData` is dropped. A Secret
/// without a type is `Opaque`.
enum SecretDefaults {
  static func apply(to object: inout JSON) {
    if let strings = object["stringData"]?.objectValue {
      var data = object["data"]?.objectValue ?? [:]
      for (key, value) in strings {
        data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
      }
      object["data"] = .object(data)
      object["stringData"] = nil
    }
    PodDefaults.setIfMissing(&object, "type", "Opaque")
  }
}
