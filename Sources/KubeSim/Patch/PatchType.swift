import Foundation
import KubeModel

/// The patch formats a PATCH request may carry, keyed by its Content-Type.
public enum PatchType: String, CaseIterable, Sendable {
  case json = "application/json-patch+json"
  case merge = "application/merge-patch+json"
  case strategic = "application/strategic-merge-patch+json"

  /// The patch type of a Content-Type header value; parameters such as `; charset=utf-8` are ignored.
  public init?(contentType: String) {
    let mediaType =
      contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    self.init(rawValue: mediaType)
  }

  /// Applies `patch` to `object`, an object of `kind` in `apiVersion` (used by strategic merge).
  public func apply(
    _ patch: JSON, to object: JSON, apiVersion: String, kind: String, schema: APISchema = .builtIn
  ) throws -> JSON {
    switch self {
    case .json: return try JSONPatch.apply(patch, to: object)
    case .merge: return try JSONMergePatch.apply(patch, to: object)
    case .strategic:
      return try StrategicMergePatch(schema: schema).apply(patch, to: object, apiVersion: apiVersion, kind: kind)
    }
  }
}
