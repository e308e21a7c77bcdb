import Foundation
import KubeSim

/// busybox's nslookup (1.35, its own resolver): `nslookup [-type=a|aaaa] HOST [SERVER]`, printing
/// the server, then for each query (A, then AAAA) its answers or `** server can't find`.
struct Nslookup {
  let arguments: [String]
  /// busybox's resolver waits this long for the server before it gives up.
  static let timeout: Double = 5

  func run() -> Int32 {
    var words: [String] = []
    var types = ["A", "AAAA"]
    for argument in arguments {
      let lowered = argument.lowercased()
      if lowered == "-type=a" || lowered == "-query=a" {
        types = ["A"]
      } else if lowered == "-type=aaaa" || lowered == "-query=aaaa" {
        types = ["AAAA"]
      } else if argument.hasPrefix("-") {
        // Other record types and options: busybox's own applet, which has no network here.
        PodNetworkCommands.busybox("nslookup", arguments)
      } else {
        words.append(argument)
      }
    }
    guard (1...2).contains(words.count) else { PodNetworkCommands.busybox("nslookup", arguments) }
    var resolver = ResolvConf.read()
    let host = words[0]
    if words.count == 2 {
      // A server named on the command line is asked for the name as it is, without the search list.
      resolver.nameserver = String(words[1].split(separator: ":").first ?? "")
      resolver.search = []
    }
    let reply: PodNetworkReply
    do {
      reply = try PodNetworkClient(
        PodNetworkClient.request(.lookup, host: host, timeout: Self.timeout, resolver: resolver)
      ).reply
    } catch {
      return PodNetworkCommands.fail("nslookup", "\(error)")
    }
    guard reply.outcome == .answered, let records = reply.records else {
      print(";; connection timed out; no servers could be reached\n")
      return 1
    }
    let (text, found) = Self.output(
      host: host, server: resolver.nameserver, records: records, types: types, searched: !resolver.search.isEmpty)
    print(text, terminator: "")
    return found ? 0 : 1
  }

  /// What busybox prints for `records` (the resolver's queries in order). A bare name is asked
  /// under every search domain, each printed; a dotted name prints the first query that found it
  /// (or itself, NXDOMAIN).
  static func output(host: String, server: String, records: [PodNetworkReply.Record], types: [String], searched: Bool)
    -> (String, Bool)
  {
    let shown: [PodNetworkReply.Record]
    if !host.contains(".") && searched {
      shown = records
    } else {
      let name = host.hasSuffix(".") ? String(host.dropLast()) : host
      shown = [records.first { $0.addresses != nil } ?? PodNetworkReply.Record(name: name, addresses: nil)]
    }
    var text = "Server:\t\t\(server)\nAddress:\t\(server):53\n\n"
    for type in types {
      for record in shown {
        guard let addresses = record.addresses else {
          text += "** server can't find \(record.name): NXDOMAIN\n\n"
          continue
        }
        // The cluster has IPv4 only: an AAAA query of a known name has no answer.
        if type == "A" {
          for address in addresses { text += "Name:\t\(record.name)\nAddress: \(address)\n" }
        }
        text += "\n"
      }
    }
    return (text, shown.contains { $0.addresses != nil })
  }
}
