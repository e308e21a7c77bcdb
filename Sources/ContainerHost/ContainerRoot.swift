import Foundation
import Isolation

/// The root filesystem of one container run: a folder of its own with busybox's applets in /bin,
/// the files a container expects in /etc, and writable /tmp, /root and /var, made fresh for each
/// run as a new container's layer is. The host's libraries come in read-only for busybox to load.
struct ContainerRoot {
  let folder: String
  let busybox: Busybox

  /// Creates the folder afresh: links for every applet, /etc/hostname, hosts, passwd, group, and
  /// the image's own `files` by path.
  func create(hostname: String, files imageFiles: [String: String] = [:]) throws {
    let files = FileManager.default
    try? files.removeItem(atPath: folder)
    for directory in ["bin", "etc", "tmp", "root", "var/tmp", "var/log", "home", "usr", "proc", "dev"] {
      try files.createDirectory(atPath: folder + "/" + directory, withIntermediateDirectories: true)
    }
    try files.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: folder + "/tmp")
    for applet in busybox.applets {
      try files.createSymbolicLink(atPath: "\(folder)/bin/\(applet)", withDestinationPath: "/bin/busybox")
    }
    // The library links are the folder's own: bubblewrap would fail making them a second time
    // when an exec joins a running container's folder.
    let links = [
      ("sbin", "bin"), ("usr/bin", "../bin"), ("usr/sbin", "../bin"), ("lib", "usr/lib"), ("lib64", "usr/lib64"),
    ]
    for (link, target) in links {
      try files.createSymbolicLink(atPath: "\(folder)/\(link)", withDestinationPath: target)
    }
    let etc: [String: String] = [
      "hostname": hostname + "\n",
      "hosts": "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n",
      "passwd": "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n",
      "group": "root:x:0:\nnogroup:x:65534:\n",
    ]
    for (name, text) in etc { try text.write(toFile: "\(folder)/etc/\(name)", atomically: true, encoding: .utf8) }
    for (path, text) in imageFiles where !path.split(separator: "/").contains("..") {
      let file = folder + (path.hasPrefix("/") ? path : "/" + path)
      try files.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
  }

  /// Whether `program` names a file of the container, directly or through its PATH, as a runtime
  /// checks before it execs.
  func resolves(_ program: String) -> Bool {
    let candidates =
      program.contains("/")
      ? [program.hasPrefix("/") ? program : "/" + program]
      : ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"].map { "\($0)/\(program)" }
    return candidates.contains { path in
      let file = folder + path
      if path == "/bin/busybox" { return true }
      // Applet links point at /bin/busybox, which is bound in from the host at start.
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: file)
      return target == "/bin/busybox" || FileManager.default.isExecutableFile(atPath: file)
    }
  }

  /// The container's mounts: its folder as /, busybox and the libraries it loads read-only, and its
  /// own /proc and /dev.
  var mounts: [Bubblewrap.Mount] {
    var mounts: [Bubblewrap.Mount] = [
      .bind(source: folder, destination: "/"),
      .readOnly(source: busybox.path, destination: "/bin/busybox"),
    ]
    for library in ["/usr/lib", "/usr/lib64"] where FileManager.default.fileExists(atPath: library) {
      mounts.append(.readOnly(source: library, destination: library))
    }
    return mounts + [.proc("/proc"), .devices("/dev")]
  }
}
