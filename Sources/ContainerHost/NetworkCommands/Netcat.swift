import Foundation
import KubeSim

/// busybox's nc as a client (`nc [-v] [-z] [-w SEC] HOST PORT`): `-z` only checks that the port
/// accepts, otherwise stdin goes to the connection and the connection to stdout. Failures are
/// silent unless `-v` (or `-vv` for a refusal), and exit 1. Listening (`-l`) and the options this
/// does not take are busybox's own nc.
struct Netcat {
  let arguments: [String]

  func run() -> Int32 {
    guard let options = BusyboxOptions(arguments, short: "nvzw:p:"), options.operands.count == 2,
      let port = Int(options.operands[1]), (1...65535).contains(port)
    else { PodNetworkCommands.busybox("nc", arguments) }
    let host = options.operands[0]
    let timeout = options.value("w").flatMap(Double.init) ?? PodNetworkCommands.defaultTimeout
    let verbosity = options.flags["v"] ?? 0
    let client: PodNetworkClient
    do {
      client = try PodNetworkClient(
        PodNetworkClient.request(options.has("z") ? .probe : .connect, host: host, port: port, timeout: timeout))
    } catch {
      return PodNetworkCommands.fail("nc", "\(error)")
    }
    defer { close(client.socket) }
    let shown = "\(host) (\(client.reply.address ?? host):\(port))"
    switch client.reply.outcome {
    case .connected:
      if verbosity > 0 { FileHandle.standardError.write(Data("\(shown) open\n".utf8)) }
      return options.has("z") ? 0 : pump(client.socket, idle: options.value("w").flatMap(Int32.init))
    case .refused:
      if verbosity > 1 { _ = PodNetworkCommands.fail("nc", "\(shown): Connection refused") }
      return 1
    case .timedOut:
      if verbosity > 0 { _ = PodNetworkCommands.fail("nc", "\(shown): Connection timed out") }
      return 1
    case .unresolved, .dnsTimedOut, .answered:
      return PodNetworkCommands.fail("nc", "bad address '\(host)'")
    }
  }

  /// Copies stdin to the connection and the connection to stdout until the far end closes. Once
  /// stdin has ended, `idle` seconds twice without a byte end it too, as busybox's nc does.
  private func pump(_ socket: Int32, idle: Int32?) -> Int32 {
    var descriptors = [
      pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65536)
    var quietRounds = 0
    while descriptors[1].fd >= 0 {
      let ready = poll(&descriptors, 2, idle.map { $0 * 1000 } ?? -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return 1
      }
      if ready == 0 {
        quietRounds += 1
        if descriptors[0].fd < 0 && quietRounds >= 2 { return 0 }
        continue
      }
      quietRounds = 0
      if descriptors[1].revents != 0 {
        let count = read(socket, &buffer, buffer.count)
        if count <= 0 {
          descriptors[1].fd = -1
        } else if !DescriptorWriter.writeAll(1, Array(buffer[..<count])) {
          return 1
        }
      }
      if descriptors[0].fd >= 0, descriptors[0].revents != 0 {
        let count = read(0, &buffer, buffer.count)
        if count <= 0 {
          // Tell the far end nothing more comes, and keep reading what it sends.
          descriptors[0].fd = -1
          shutdown(socket, Int32(SHUT_WR))
        } else if !DescriptorWriter.writeAll(socket, Array(buffer[..<count]), socket: true) {
          return 1
        }
      }
    }
    return 0
  }
}
