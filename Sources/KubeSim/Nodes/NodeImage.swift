import Crypto
import Foundation

/// An image in a node's containerd store, as the Node's status.images lists it: its names (the
/// tag it was pulled by and its repository digest) and its size.
public struct NodeImage: Sendable, Equatable {
  public var names: [String]
  public var sizeBytes: Int

  public init(names: [String], sizeBytes: Int) {
    self.names = names
    self.sizeBytes = sizeBytes
  }

  /// `docker.io/library/nginx:latest`: the names with a tag.
  public var repoTags: [String] { names.filter { !$0.contains("@") } }
  /// `docker.io/library/nginx@sha256:…`: the names with a digest.
  public var repoDigests: [String] { names.filter { $0.contains("@") } }

  /// The image's config digest (`sha256:<64 hex>`), which containerd uses as the image ID and
  /// crictl prints in IMAGE ID; stable for the same repository digest.
  public var id: String { Self.id(forRepoDigest: repoDigests.first ?? names.first ?? "") }

  public static func id(forRepoDigest digest: String) -> String {
    "sha256:" + SHA256.hash(data: Data("config:\(digest)".utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// Whether a reference the learner typed names this image: an ID or its prefix, a full or short
  /// name, with or without tag, as containerd resolves them.
  public func matches(_ reference: String) -> Bool {
    let bareID = id.dropFirst("sha256:".count)
    let typed = reference.hasPrefix("sha256:") ? String(reference.dropFirst("sha256:".count)) : reference
    if typed.count >= 4, bareID.hasPrefix(typed) { return true }
    let qualified = ImageCatalog.Reference(reference).qualified
    return names.contains(reference) || names.contains(qualified)
  }
}
