import Foundation
import Processes

/// Whether this machine can run bubblewrap containers, and if not, one line that says what is
/// missing and how to get it. `kubelab ssh`, the container runtime and `kubelab doctor` share it.
public enum IsolationSupport {
  public enum Availability: Sendable, Equatable {
    case available(bwrap: String)
    case missing(String)
  }

  /// Finds `bwrap` on PATH and proves that it can make namespaces here by running `true` in one.
  public static func check(environment: [String: String] = ProcessInfo.processInfo.environment) -> Availability {
    let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    guard let bwrap = path.map({ $0 + "/bwrap" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      return .missing("bubblewrap is not installed: install it with `apt-get install bubblewrap`")
    }
    let errors = NSTemporaryDirectory() + "kubelab-bwrap-probe-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: errors) }
    var probe = ProcessCommand(bwrap, Bubblewrap(command: ["/bin/true"]).withHostUserland.arguments, environment: [:])
    probe.output = .nullDevice
    probe.error = .file(errors, flags: O_WRONLY | O_CREAT | O_TRUNC)
    let ended: ProcessTermination
    do { ended = try SpawnedProcess(probe).waitUntilExit() } catch { return .missing("\(error)") }
    let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    guard ended == .exited(0) else {
      let reason = message.split(separator: "\n").first.map(String.init) ?? "exit status \(ended.shellStatus)"
      return .missing(
        "bubblewrap cannot create namespaces here (\(reason)): enable unprivileged user namespaces "
          + "(sysctl kernel.unprivileged_userns_clone=1) or run as root")
    }
    return .available(bwrap: bwrap)
  }
}

extension Bubblewrap {
  /// The host's programs and libraries, read-only, and nothing else of the host: /usr with the
  /// merged-/usr links Debian has, a private /tmp, /proc and /dev.
  public var withHostUserland: Bubblewrap {
    var copy = self
    copy.mounts =
      [
        .readOnly(source: "/usr", destination: "/usr"),
        .symlink(target: "usr/bin", path: "/bin"), .symlink(target: "usr/sbin", path: "/sbin"),
        .symlink(target: "usr/lib", path: "/lib"), .symlink(target: "usr/lib64", path: "/lib64"),
        .proc("/proc"), .devices("/dev"), .tmpfs("/tmp"),
      ] + mounts
    return copy
  }
}
