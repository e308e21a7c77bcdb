import Crypto
import Foundation
import KubeModel

/// The images in each node's containerd store, kept in the Node's status.images as the real
/// kubelet reports them: the topology's, those the kubelet pulled for pods, those `crictl pull`
/// fetched.
extension Cluster {
  public func images(on node: String) -> [NodeImage] {
    let entries = store.get(key(nodes, namespace: nil, name: node))?[path: ["status", "images"]]?.arrayValue ?? []
    return entries.map {
      NodeImage(
        names: ($0["names"]?.arrayValue ?? []).compactMap(\.stringValue), sizeBytes: $0["sizeBytes"]?.intValue ?? 0)
    }
  }

  /// Pulls an image onto the node from the sandbox's registry (its image catalogue): an image the
  /// node has is up to date; an unknown one fails with containerd's message.
  public func pullImage(_ reference: String, on node: String) -> Result<NodeImage, ImagePullFailure> {
    if let present = images(on: node).first(where: { $0.matches(reference) }) { return .success(present) }
    let parsed = ImageCatalog.Reference(reference)
    switch ImageCatalog.builtIn.resolve(parsed) {
    case .failure(let failure): return .failure(ImagePullFailure(message: failure.message))
    case .success:
      let image = Self.catalogImage(parsed)
      recordImage(image, on: node)
      return .success(image)
    }
  }

  /// Removes the node's image a reference names; nil when the node has none.
  public func removeImage(_ reference: String, on node: String) -> NodeImage? {
    guard let image = images(on: node).first(where: { $0.matches(reference) }) else { return nil }
    _ = store.update(key(nodes, namespace: nil, name: node)) { current in
      var next = current
      next[path: ["status", "images"]] = .array(
        (current[path: ["status", "images"]]?.arrayValue ?? []).filter {
          ($0["names"]?.arrayValue ?? []).compactMap(\.stringValue) != image.names
        })
      return next
    }
    return image
  }

  /// Adds an image to the node's list once, newest first as containerd lists them.
  func recordImage(_ image: NodeImage, on node: String) {
    _ = store.update(key(nodes, namespace: nil, name: node)) { current in
      let listed = current[path: ["status", "images"]]?.arrayValue ?? []
      if listed.contains(where: { ($0["names"]?.arrayValue ?? []).compactMap(\.stringValue) == image.names }) {
        return nil
      }
      var next = current
      let entry: JSON = ["names": .array(image.names.map(JSON.string)), "sizeBytes": .int(image.sizeBytes)]
      next[path: ["status", "images"]] = .array([entry] + listed)
      return next
    }
  }

  /// Records an image the kubelet pulled for a pod on the node.
  func recordPulledImage(_ reference: String, on node: String) {
    recordImage(Self.catalogImage(ImageCatalog.Reference(reference)), on: node)
  }

  /// The catalogue's images carry no size: a stable one between 2 and 80 MB stands in, so the
  /// same image always shows the same size.
  static func catalogImage(_ reference: ImageCatalog.Reference) -> NodeImage {
    let seed = SHA256.hash(data: Data(reference.qualified.utf8)).prefix(4).reduce(0) { $0 << 8 | Int($1) }
    return NodeImage(names: [reference.imageID, reference.qualified], sizeBytes: 2_000_000 + seed % 78_000_000)
  }
}

/// Why an image could not be pulled, in containerd's words.
public struct ImagePullFailure: Error, Sendable, Equatable {
  public var message: String
}
