import KubeModel

/// A change to an object, in one of the API server's patch formats.
public enum Patch: Sendable, Equatable {
  /// JSON merge patch (RFC 7386): maps merge, lists are replaced, null deletes.
  case merge(JSON)
  /// Strategic merge patch: lists of known types merge by key (containers by name, …).
  case strategic(JSON)
  /// JSON patch (RFC 6902): a list of operations such as `{"op":"replace","path":…,"value":…}`.
  case json([JSON])
  /// Server-side apply: the fields this manager owns become exactly these; `force` takes
  /// ownership of fields other managers set.
  case apply(JSON, fieldManager: String, force: Bool = false)

  var contentType: String {
    switch self {
    case .merge: return "application/merge-patch+json"
    case .strategic: return "application/strategic-merge-patch+json"
    case .json: return "application/json-patch+json"
    case .apply: return "application/apply-patch+yaml"
    }
  }

  /// The body; an apply configuration is sent as JSON, which is valid YAML.
  var body: JSON {
    switch self {
    case .merge(let patch), .strategic(let patch), .apply(let patch, _, _): return patch
    case .json(let operations): return .array(operations)
    }
  }

  var queryItems: [(String, String)] {
    guard case .apply(_, let fieldManager, let force) = self else { return [] }
    return [("fieldManager", fieldManager)] + (force ? [("force", "true")] : [])
  }
}
