import Foundation

/// The TCP sockets listening in a network namespace, read from the kernel's tables of one of its
/// processes (/proc/PID/net/tcp and tcp6): `nc -z` learns whether a port is open without a relay.
struct ListeningSockets {
  let pid: Int32

  func contains(port: Int) -> Bool {
    let wanted = String(format: "%04X", port)
    return ["tcp", "tcp6"].contains { table in
      guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/net/\(table)") else { return false }
      defer { try? handle.close() }
      // /proc files report a size of 0: read to the end.
      let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
      return text.split(separator: "\n").dropFirst().contains { line in
        // "sl local_address rem_address st …": local is ADDRESS:PORT in hex, state 0A is LISTEN.
        let fields = line.split(separator: " ")
        return fields.count > 3 && fields[3] == "0A" && fields[1].split(separator: ":").last.map(String.init) == wanted
      }
    }
  }
}
