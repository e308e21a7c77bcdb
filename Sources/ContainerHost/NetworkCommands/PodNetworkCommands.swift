import Foundation
import KubeSim

/// Inside a container the kubelab binary is also nslookup, wget and nc (links that come before
/// busybox's on PATH): called by one of those names it answers through the pod network socket,
/// and hands anything it does not take (`nc -l`, an unknown option) to busybox's own applet.
public enum PodNetworkCommands {
  public static let names = ["nslookup", "wget", "nc"]
  /// The folder of the pod network socket inside a container.
  public static let socketFolder = "/run/kubelab-network"
  public static let socketName = "pod-network.sock"
  /// How long a connection nothing answers waits when the command sets no timeout: a kernel
  /// would retry for over two minutes; a few seconds keep a probe of a blocked port bearable.
  static let defaultTimeout: Double = 10

  /// When this process was called as a network command inside a container, runs it and returns
  /// its exit status; nil otherwise.
  public static func runIfCalledAs() -> Int32? {
    let name = (CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent }) ?? ""
    guard names.contains(name), FileManager.default.fileExists(atPath: socketFolder) else { return nil }
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch name {
    case "nslookup": return Nslookup(arguments: arguments).run()
    case "wget": return Wget(arguments: arguments).run()
    default: return Netcat(arguments: arguments).run()
    }
  }

  /// Runs busybox's own applet `name` with `arguments` in place of this process.
  static func busybox(_ name: String, _ arguments: [String]) -> Never {
    let argv = ([name] + arguments).map { strdup($0) } + [nil]
    execv("/bin/busybox", argv)
    FileHandle.standardError.write(Data("\(name): cannot run busybox: \(String(cString: strerror(errno)))\n".utf8))
    exit(127)
  }

  static func fail(_ name: String, _ message: String) -> Int32 {
    FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
    return 1
  }
}
