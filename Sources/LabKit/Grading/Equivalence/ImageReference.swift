/// An image reference reduced to one spelling: the default registries dropped (`docker.io/`,
/// `docker.io/library/`, `index.docker.io/`, `library/`, `registry.k8s.io/`), case folded, and the
/// tag kept apart so that a missing tag reads as `latest`.
struct ImageReference: Equatable {
  /// `nginx`, `kodekloud/webapp-color`, `etcd`.
  var repository: String
  /// Nil when the reference names no tag.
  var tag: String?
  var digest: String?

  private static let defaultRegistries = [
    "docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/", "registry.k8s.io/",
  ]

  /// Nil for text that cannot be an image reference (empty, or with spaces).
  init?(_ text: String) {
    var rest = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    guard !rest.isEmpty, !rest.contains(where: \.isWhitespace) else { return nil }
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = String(rest[..<at])
    }
    // A tag follows the last colon after the last slash; a colon before it is a registry's port.
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
      tag = String(rest[rest.index(after: colon)...])
      rest = String(rest[..<colon])
    }
    if let registry = Self.defaultRegistries.first(where: rest.hasPrefix) { rest.removeFirst(registry.count) }
    if rest.hasPrefix("library/") { rest.removeFirst("library/".count) }
    guard !rest.isEmpty, tag?.isEmpty != true, digest?.isEmpty != true else { return nil }
    repository = rest
  }

  /// The tag that runs: `latest` when none is named (and no digest pins the image).
  var effectiveTag: String? { tag ?? (digest == nil ? "latest" : nil) }

  /// The same image, however it is spelt: `nginx` is `docker.io/library/nginx:latest`.
  func isSame(as other: ImageReference) -> Bool {
    repository == other.repository && effectiveTag == other.effectiveTag
      && (digest == nil || other.digest == nil || digest == other.digest)
  }

  /// Whether a learner's answer names this image. A name without tag or digest answers for any tag
  /// unless the question asks for the tag; a named tag must be this one.
  func isAnswered(by given: ImageReference, tagRequired: Bool) -> Bool {
    guard given.repository == repository else { return false }
    if given.tag == nil, given.digest == nil, !tagRequired { return true }
    return isSame(as: given)
  }
}
