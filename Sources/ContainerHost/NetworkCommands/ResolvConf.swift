import Foundation

/// The container's /etc/resolv.conf as its resolver reads it: the first nameserver, the search
/// list, and `options ndots:N` (1 when unset, as in libc).
struct ResolvConf {
  var nameserver = "127.0.0.1"
  var search: [String] = []
  var ndots = 1

  init(text: String) {
    var nameservers: [String] = []
    for line in text.split(separator: "\n") {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let key = words.first, !key.hasPrefix("#"), !key.hasPrefix(";") else { continue }
      switch key {
      case "nameserver" where words.count > 1: nameservers.append(words[1])
      case "search", "domain": search = Array(words.dropFirst())
      case "options":
        for option in words.dropFirst() where option.hasPrefix("ndots:") {
          ndots = min(15, Int(option.dropFirst(6)) ?? ndots)
        }
      default: break
      }
    }
    nameserver = nameservers.first ?? nameserver
  }

  static func read(_ path: String = "/etc/resolv.conf") -> ResolvConf {
    ResolvConf(text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
  }
}
