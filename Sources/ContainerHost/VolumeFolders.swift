import Foundation
import Isolation
import KubeSim

/// Where a pod's volumes live on the host, and the mounts that put them in a container: emptyDir
/// and file volumes in the pod's folder, hostPath in the node's tree (or a stand-in folder for a
/// node without one), a PersistentVolume in a folder that outlives its pods.
struct VolumeFolders {
  /// `<root>/pods`, `<root>/hosts`, `<root>/volumes` hold what the engine keeps.
  let root: String
  /// The node trees (`<nodeTrees>/<node>/`), where the sandbox has them.
  let nodeTrees: String?

  func folder(podUID: String, _ volume: ContainerVolume) -> String {
    switch volume.source {
    case .podFolder, .files: return "\(root)/pods/\(podUID)/volumes/\(volume.name)"
    case .hostPath(let node, let path):
      if let nodeTrees, FileManager.default.fileExists(atPath: "\(nodeTrees)/\(node)") {
        return "\(nodeTrees)/\(node)\(Self.clean(path))"
      }
      return "\(root)/hosts/\(node)\(Self.clean(path))"
    case .persistentVolume(let name): return "\(root)/volumes/\(name)"
    }
  }

  /// Creates the container's volumes that do not exist yet and returns its mounts of them.
  func mounts(_ container: ContainerLaunch) throws -> [Bubblewrap.Mount] {
    var mounts: [Bubblewrap.Mount] = []
    for mount in container.mounts {
      guard let volume = container.volumes.first(where: { $0.name == mount.volume }) else { continue }
      let folder = folder(podUID: container.podUID, volume)
      if !FileManager.default.fileExists(atPath: folder) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if case .files(let files) = volume.source { try write(files, to: folder) }
      }
      var source = folder
      if let subPath = mount.subPath {
        source += Self.clean(subPath)
        if !FileManager.default.fileExists(atPath: source) {
          try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        }
      }
      var readOnly = mount.readOnly
      if case .files = volume.source { readOnly = true }
      mounts.append(
        readOnly ? .readOnly(source: source, destination: mount.path) : .bind(source: source, destination: mount.path))
    }
    return mounts
  }

  /// Replaces a file volume's files with `files`, each written whole and with its mode.
  func write(_ files: [VolumeFile], to folder: String) throws {
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
      try? manager.removeItem(atPath: folder + "/" + name)
    }
    for file in files {
      let path = folder + Self.clean(file.path)
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(file.content).write(to: URL(fileURLWithPath: path), options: .atomic)
      try manager.setAttributes([.posixPermissions: file.mode], ofItemAtPath: path)
    }
  }

  /// A path inside a volume with no way out of it: `..` parts are dropped.
  static func clean(_ path: String) -> String {
    "/" + path.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
  }
}
