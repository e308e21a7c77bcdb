import CompressNIO
import Foundation
import KubeModel
import NIOCore
import Synchronization

/// The OpenAPI v3 documents of the served group-versions, as `kubectl explain` and kubectl's
/// field validation read them from /openapi/v3 (Data/openapi-v3, written by
/// scripts/generate-openapi-v3.py from the Kubernetes release the sandbox reports).
///
/// They weigh about 1.3 MB, so nothing is read when a sandbox starts: the index (2 KB) and each
/// compressed document are read the first time a client asks for them, then kept.
final class OpenAPIDocuments: Sendable {
  /// One document: its gzip bytes as shipped, and the hash that names its version.
  struct Document {
    var compressed: [UInt8]
    var hash: String
  }

  /// The documents bundled with KubeSim, shared by every sandbox of the process.
  static let bundled = OpenAPIDocuments(directory: Bundle.module.resourceURL?.appendingPathComponent("Data/openapi-v3"))

  private let directory: URL?
  private let loaded = Mutex(Loaded())

  /// What has been read so far.
  private struct Loaded {
    var hashes: [String: String]?
    var documents: [String: Document] = [:]
  }

  init(directory: URL?) {
    self.directory = directory
  }

  /// GET /openapi/v3: where each group-version's document is, named by its hash.
  func index() throws -> JSON {
    var paths = JSONObject()
    for (path, hash) in try loadHashes().sorted(by: { $0.key < $1.key }) {
      paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
    }
    return ["paths": .object(paths)]
  }

  /// The document of `path` (`api/v1`, `apis/apps/v1`), or nil when no served group-version has it.
  func document(_ path: String) throws -> Document? {
    guard let hash = try loadHashes()[path] else { return nil }
    return try loaded.withLock { loaded in
      if let document = loaded.documents[path] { return document }
      let file = try file(path.replacingOccurrences(of: "/", with: "__") + ".json.gz")
      let document = Document(compressed: Array(try Data(contentsOf: file)), hash: hash)
      loaded.documents[path] = document
      return document
    }
  }

  /// The JSON of a document, for a client that does not take gzip.
  static func decompressed(_ document: Document) throws -> [UInt8] {
    var buffer = ByteBuffer(bytes: document.compressed)
    let json = try buffer.decompress(with: .gzip())
    return Array(json.readableBytesView)
  }

  private func loadHashes() throws -> [String: String] {
    try loaded.withLock { loaded in
      if let hashes = loaded.hashes { return hashes }
      let index = try JSON(parsing: Data(contentsOf: try file("index.json")))
      var hashes: [String: String] = [:]
      for (path, hash) in index.objectValue ?? [:] { hashes[path] = hash.stringValue }
      loaded.hashes = hashes
      return hashes
    }
  }

  private func file(_ name: String) throws -> URL {
    guard let url = directory?.appendingPathComponent(name), FileManager.default.fileExists(atPath: url.path) else {
      // The files ship inside the module: a missing one is a packaging bug, reported as a 500.
      throw APIError.internalError("Data/openapi-v3/\(name) is missing from the KubeSim bundle")
    }
    return url
  }
}
