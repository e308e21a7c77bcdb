import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The kubelab binary as the relay of a port-forward to a container's own process: started as
/// `kubelab netns-relay PID PORT BUSYBOX`, it enters the network namespace of process PID (first
/// the user namespace that owns it, which bubblewrap made when it ran without root), then becomes
/// busybox's nc connected to 127.0.0.1:PORT there, so its stdin and stdout are the connection.
public enum NetworkNamespaceRelay {
  static let argument = "netns-relay"
  /// ioctl(2) NS_GET_USERNS: the user namespace that owns a namespace, as a new descriptor.
  private static let getOwningUserNamespace: UInt = 0xb701
  private static let newUserNamespace: Int32 = 0x1000_0000
  private static let newNetworkNamespace: Int32 = 0x4000_0000
  /// setns(2), which Glibc's module map leaves out (it needs _GNU_SOURCE): found in libc itself.
  private static let setns: (@convention(c) (Int32, Int32) -> Int32)? = dlsym(nil, "setns").map {
    unsafeBitCast($0, to: (@convention(c) (Int32, Int32) -> Int32).self)
  }

  static func arguments(pid: Int32, port: Int, busybox: String) -> [String] {
    [argument, String(pid), String(port), busybox]
  }

  /// Becomes the relay when this process was started as one; returns otherwise. It must run
  /// before any other thread starts: the kernel lets only a single-threaded process enter a user
  /// namespace.
  public static func runIfAsked() {
    let arguments = CommandLine.arguments
    guard arguments.count == 5, arguments[1] == argument, let pid = Int32(arguments[2]), let port = UInt16(arguments[3])
    else { return }
    guard let setns else { fail("this libc has no setns") }
    let network = open("/proc/\(pid)/ns/net", O_RDONLY | O_CLOEXEC)
    guard network >= 0 else { fail("cannot open the network namespace of process \(pid)") }
    let owner = ioctl(network, getOwningUserNamespace)
    if owner >= 0, !isCurrentUserNamespace(owner), setns(owner, newUserNamespace) != 0 {
      fail("cannot enter the user namespace of process \(pid)")
    }
    guard setns(network, newNetworkNamespace) == 0 else { fail("cannot enter the network namespace of process \(pid)") }
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("nc"), strdup("127.0.0.1"), strdup(String(port)), nil]
    execv(arguments[4], argv)
    fail("cannot run \(arguments[4])")
  }

  private static func isCurrentUserNamespace(_ descriptor: Int32) -> Bool {
    var theirs = stat()
    var ours = stat()
    return fstat(descriptor, &theirs) == 0 && stat("/proc/self/ns/user", &ours) == 0 && theirs.st_ino == ours.st_ino
      && theirs.st_dev == ours.st_dev
  }

  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kubelab: \(message): \(String(cString: strerror(errno)))\n".utf8))
    exit(1)
  }
}
