import Foundation

/// The kubelab executable put into a box as commands (crictl, etcdctl, …): it dispatches on the
/// name it is called by, busybox style, so one read-only binary serves every command. Node shells
/// and containers whose image carries a node tool (etcd's etcdctl) get it the same way.
public struct ToolBinary: Sendable, Equatable {
  /// Where the binary and its libraries are inside the box.
  public static let folder = "/usr/local/lib/kubelab"
  /// Where the commands are, on the box's PATH.
  public static let commandFolder = "/usr/local/bin"

  public let executable: String
  /// Shared libraries the binary loads from outside the host's /usr (a Swift toolchain's runtime
  /// in /opt, say), which the box would not see otherwise; they sit beside it, found through its
  /// $ORIGIN.
  public let libraries: [String]

  public init(executable: String, libraries: [String] = ToolBinary.loadedLibrariesOutsideUsr()) {
    self.executable = executable
    self.libraries = libraries
  }

  /// This very executable, with the libraries it has loaded.
  public static var current: ToolBinary {
    ToolBinary(
      executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0])
  }

  /// The mounts that make `commands` run this binary: /usr/local as the box's own (in memory,
  /// so nothing is left in a folder the box shares), the binary and its libraries read-only, and
  /// one link per command.
  public func mounts(commands: [String]) -> [Bubblewrap.Mount] {
    var mounts: [Bubblewrap.Mount] = [
      .tmpfs("/usr/local"), .readOnly(source: executable, destination: Self.folder + "/kubelab"),
    ]
    for library in libraries {
      mounts.append(
        .readOnly(source: library, destination: Self.folder + "/" + (library as NSString).lastPathComponent))
    }
    for name in commands {
      mounts.append(.symlink(target: Self.folder + "/kubelab", path: Self.commandFolder + "/" + name))
    }
    return mounts
  }

  /// The shared libraries this process has loaded from outside /usr (and its /lib links), read
  /// from /proc/self/maps: the commands are this same binary and need the same ones.
  public static func loadedLibrariesOutsideUsr() -> [String] {
    // /proc files report a size of 0, so read to the end rather than by size.
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return [] }
    defer { try? handle.close() }
    let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    var libraries: [String] = []
    for line in maps.split(separator: "\n") {
      guard let slash = line.firstIndex(of: "/") else { continue }
      let path = String(line[slash...])
      let name = (path as NSString).lastPathComponent
      guard name.hasSuffix(".so") || name.contains(".so."),
        !["/usr/", "/lib/", "/lib64/"].contains(where: path.hasPrefix),
        !libraries.contains(path)
      else { continue }
      libraries.append(path)
    }
    return libraries
  }
}
