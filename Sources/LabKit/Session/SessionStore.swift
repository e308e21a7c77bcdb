import Foundation

/// Sessions on disk, one file per cluster and lab (`<cluster>@<lab>.json`, both percent-encoded),
/// each changed under an exclusive lock (`<file>.lock`) and replaced atomically, so that commands
/// run side by side, or one killed half-way, never lose or corrupt a session.
public struct SessionStore: Sendable {
  public let directory: String

  /// E.g. `StateDirectory.path + "/sessions"`; created when first written to.
  public init(directory: String) {
    self.directory = directory
  }

  /// The session file of a cluster and lab.
  public func file(cluster: String, lab: String) -> String {
    directory + "/" + Self.encode(cluster) + "@" + Self.encode(lab) + ".json"
  }

  public func load(cluster: String, lab: String) throws -> Session? {
    try read(file(cluster: cluster, lab: lab))
  }

  /// Locks, reads, lets `body` change it, writes atomically (temp file + fsync + rename), unlocks.
  /// Setting the session to nil removes it; a session `body` leaves as it was is not rewritten.
  public func update<T>(cluster: String, lab: String, _ body: (inout Session?) throws -> T) throws -> T {
    let path = file(cluster: cluster, lab: lab)
    try makeDirectory()
    return try FileLock.withLock(path + ".lock") {
      let before = try read(path)
      var session = before
      let result = try body(&session)
      guard session != before else { return result }
      if let session {
        AtomicFile.removeLeftovers(of: path)
        try AtomicFile.write(try Self.encoder.encode(session), to: path)
      } else if unlink(path) != 0, errno != ENOENT {
        throw SessionStoreError.io(path, "cannot remove: \(errnoText())")
      }
      return result
    }
  }

  public func remove(cluster: String, lab: String) throws {
    try update(cluster: cluster, lab: lab) { $0 = nil }
  }

  /// The lab last started on a cluster, so `kubelab tasks` etc. need no lab argument.
  public func currentLab(cluster: String) -> String? {
    guard let data = FileManager.default.contents(atPath: currentFile(cluster)) else { return nil }
    let lab = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return lab.isEmpty ? nil : lab
  }

  public func setCurrentLab(_ lab: String?, cluster: String) throws {
    let path = currentFile(cluster)
    try makeDirectory()
    if let lab {
      try AtomicFile.write(Data((lab + "\n").utf8), to: path)
    } else if unlink(path) != 0, errno != ENOENT {
      throw SessionStoreError.io(path, "cannot remove: \(errnoText())")
    }
  }

  private func currentFile(_ cluster: String) -> String { directory + "/" + Self.encode(cluster) + ".current" }

  private func read(_ path: String) throws -> Session? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    do {
      return try Self.decoder.decode(Session.self, from: data)
    } catch let error as DecodingError {
      throw SessionStoreError.unreadable(path, Self.describe(error))
    }
  }

  private func makeDirectory() throws {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SessionStoreError.io(directory, "cannot create the folder: \(error.localizedDescription)")
    }
  }

  /// Letters, digits, `-`, `_` and `.` stay; everything else (`/`, `:`, `@`, …) is percent-encoded,
  /// so that any context name is a safe file name and `@` separates cluster from lab.
  static func encode(_ name: String) -> String {
    var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    // A leading dot would hide the file or name `.`/`..`; encode dots everywhere for one rule.
    allowed.remove(".")
    return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context): return "\(path(context, key)) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  private static func path(_ context: DecodingError.Context, _ key: CodingKey? = nil) -> String {
    let keys = context.codingPath + (key.map { [$0] } ?? [])
    return keys.isEmpty
      ? "the top level"
      : "`"
        + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }
        .joined(separator: ".") + "`"
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  private static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }()
}
