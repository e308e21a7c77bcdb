import Crypto
import Foundation
import KubeModel

/// A point-in-time copy of the cluster's etcd: what `etcdctl snapshot save` writes and `etcdutl
/// snapshot restore` reads back. The file is kubelab's own format (not bbolt): a header line, the
/// objects and client keys as JSON, and, as etcd appends to a saved snapshot, a SHA-256 of the
/// rest. A restored data directory's member/snap/db holds the same bytes without the SHA-256.
public struct EtcdSnapshot: Sendable, Equatable {
  public struct StoredObject: Sendable, Equatable {
    public var key: ObjectKey
    public var object: JSON
  }

  public var revision: Int
  public var objects: [StoredObject]
  public var keyValues: [String: EtcdKeyValues.Entry]

  public init(revision: Int, objects: [StoredObject], keyValues: [String: EtcdKeyValues.Entry]) {
    self.revision = revision
    self.objects = objects
    self.keyValues = keyValues
  }

  static let header = "kubelab etcd snapshot v1\n"
  static let digestLength = SHA256.byteCount

  /// Every key the snapshot holds, objects and client keys together.
  public var totalKeys: Int { objects.count + keyValues.count }

  /// The database bytes: header and body, without the integrity digest.
  public func database() -> Data {
    let objectList: [JSON] = objects.map { stored in
      [
        "resource": .string(stored.key.resource), "namespace": .string(stored.key.namespace),
        "name": .string(stored.key.name), "object": stored.object,
      ]
    }
    var keys = JSONObject()
    for key in keyValues.keys.sorted() {
      guard let entry = keyValues[key] else { continue }
      keys[key] = [
        "value": .string(entry.value), "createRevision": .int(entry.createRevision),
        "modRevision": .int(entry.modRevision), "version": .int(entry.version),
      ]
    }
    let body: JSON = ["revision": .int(revision), "objects": .array(objectList), "keys": .object(keys)]
    return Data((Self.header + body.serialized()).utf8)
  }

  /// The file `snapshot save` writes: the database followed by its SHA-256.
  public func file() -> Data {
    let database = database()
    return database + Data(SHA256.hash(data: database))
  }

  /// Reads a saved snapshot or a data directory's db. A file that ends in a digest must match it.
  public init(contentsOf data: Data) throws {
    guard data.starts(with: Data(Self.header.utf8)) else { throw EtcdSnapshotError.notASnapshot }
    var database = data
    let body = data.prefix(max(0, data.count - Self.digestLength))
    if data.count > Self.digestLength, Data(SHA256.hash(data: body)) == data.suffix(Self.digestLength) {
      database = body
    } else if data.last != UInt8(ascii: "}") {
      // A database ends with its JSON body; anything else is a digest that no longer matches.
      throw EtcdSnapshotError.integrity
    }
    let text = String(decoding: database.dropFirst(Self.header.utf8.count), as: UTF8.self)
    guard let body = try? JSON(parsing: text), let revision = body["revision"]?.intValue else {
      throw EtcdSnapshotError.notASnapshot
    }
    self.revision = revision
    objects = (body["objects"]?.arrayValue ?? []).compactMap { entry in
      guard let resource = entry["resource"]?.stringValue, let name = entry["name"]?.stringValue,
        let object = entry["object"]
      else { return nil }
      let key = ObjectKey(resource: resource, namespace: entry["namespace"]?.stringValue ?? "", name: name)
      return StoredObject(key: key, object: object)
    }
    var keyValues: [String: EtcdKeyValues.Entry] = [:]
    for (key, entry) in body["keys"]?.objectValue ?? [:] {
      keyValues[key] = EtcdKeyValues.Entry(
        value: entry["value"]?.stringValue ?? "", createRevision: entry["createRevision"]?.intValue ?? 0,
        modRevision: entry["modRevision"]?.intValue ?? 0, version: entry["version"]?.intValue ?? 1)
    }
    self.keyValues = keyValues
  }

  /// The snapshot's hash as `etcdutl snapshot status` prints it: a CRC-32C of the database.
  public var hash: UInt32 { CRC32C.checksum(database()) }
}

public enum EtcdSnapshotError: Error, Equatable, CustomStringConvertible {
  /// Not a file `snapshot save` wrote (bbolt's words for a file that is not a database).
  case notASnapshot
  /// The SHA-256 at the end does not match the bytes before it.
  case integrity

  public var description: String {
    switch self {
    case .notASnapshot: return "invalid database"
    case .integrity: return "expected sha256 does not match the snapshot's content"
    }
  }
}
