import KubeModel

/// JSON merge patch (RFC 7386), the body of `application/merge-patch+json` requests
/// (`kubectl label`, `kubectl scale`, `kubectl patch --type merge`).
public enum JSONMergePatch {

  /// Applies `patch` to `target`. The API server only accepts an object as a whole patch.
  public static func apply(_ patch: JSON, to target: JSON) throws -> JSON {
    guard case .object = patch else {
      throw PatchError("Invalid JSON Patch")
    }
    return merge(patch, into: target)
  }

  /// The RFC's MergePatch function: objects merge member by member, `null` removes a member,
  /// anything else replaces the target.
  static func merge(_ patch: JSON, into target: JSON) -> JSON {
    guard case .object(let patchMembers) = patch else { return patch }
    var result = target.objectValue ?? [:]
    for (key, value) in patchMembers {
      if value.isNull {
        result.removeValue(forKey: key)
      } else {
        result[key] = merge(value, into: result[key] ?? .null)
      }
    }
    return .object(result)
  }
}
