/// What a container's network command (nslookup, wget, nc) asks the sandbox, one JSON line on the
/// pod network socket.
public struct PodNetworkRequest: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// Answer the resolver's queries for `host`.
    case lookup
    /// Connect to `host`:`port`; once connected the socket carries the connection's bytes.
    case connect
    /// Only say whether a connection would be accepted (`nc -z`).
    case probe
  }

  public var kind: Kind
  public var host: String
  public var port: Int
  /// From the container's /etc/resolv.conf.
  public var search: [String]
  public var ndots: Int
  public var nameserver: String
  /// Seconds after which an unanswered connection or query gives up.
  public var timeout: Double

  public init(
    kind: Kind, host: String, port: Int = 0, search: [String], ndots: Int, nameserver: String, timeout: Double
  ) {
    self.kind = kind
    self.host = host
    self.port = port
    self.search = search
    self.ndots = ndots
    self.nameserver = nameserver
    self.timeout = timeout
  }
}

/// The sandbox's one-line answer to a request.
public struct PodNetworkReply: Codable, Sendable, Equatable {
  public enum Outcome: String, Codable, Sendable {
    /// A lookup's answers are in `records`.
    case answered
    /// Something listens: a probe is done, a connection's bytes follow.
    case connected
    /// Nothing listens at the address (a reset, as the kernel reports it).
    case refused
    /// Nothing answered before the timeout: a policy dropped the packets, or no route leads there.
    case timedOut
    /// The name has no address.
    case unresolved
    /// The resolver's queries went unanswered (egress to the DNS server is denied).
    case dnsTimedOut
  }

  /// One query of the resolver: its name and addresses, nil for NXDOMAIN.
  public struct Record: Codable, Sendable, Equatable {
    public var name: String
    public var addresses: [String]?

    public init(name: String, addresses: [String]?) {
      self.name = name
      self.addresses = addresses
    }
  }

  public var outcome: Outcome
  /// The address the host resolved to.
  public var address: String?
  public var records: [Record]?

  public init(outcome: Outcome, address: String? = nil, records: [Record]? = nil) {
    self.outcome = outcome
    self.address = address
    self.records = records
  }
}
