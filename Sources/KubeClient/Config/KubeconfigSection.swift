import Foundation
import KubeModel

/// One object inside a kubeconfig file (a cluster, a user, an exec stanza) with where it was written,
/// so that every value read from it is type-checked and every problem names `file:line:column: field`.
struct KubeconfigSection: Sendable {
  let file: KubeconfigFile
  let path: FieldPath
  let object: JSONObject

  /// Where this section, or its member `key`, was written.
  func location(of key: String? = nil) -> KubeconfigLocation {
    let field = key.map { path.appending(.key($0)) } ?? path
    let position = file.root.map { $0.position(of: field) ?? $0.closestPosition(of: field) }
    return KubeconfigLocation(file: file.path, position: position, field: field)
  }

  /// An error about this section, or about its member `key`, pointing at where it was written.
  func error(_ message: String, at key: String? = nil) -> KubeconfigError {
    location(of: key).error(message)
  }

  /// A string member; nil when absent, null or empty, as Go treats an empty string as unset.
  func string(_ key: String) throws -> String? {
    switch object[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text.isEmpty ? nil : text
    case let other?: throw error("expected a string, found \(other.typeName)", at: key)
    }
  }

  func bool(_ key: String) throws -> Bool {
    switch object[key] {
    case nil, .null?: return false
    case .bool(let value)?: return value
    case let other?: throw error("expected true or false, found \(other.typeName)", at: key)
    }
  }

  /// A `-data` member: base64 text, decoded. The message never quotes the value, which may be a key.
  func base64Data(_ key: String) throws -> Data? {
    guard let text = try string(key) else { return nil }
    let compact = text.filter { $0 != "\n" && $0 != "\r" }
    guard let data = Data(base64Encoded: compact) else { throw error("not valid base64", at: key) }
    return data
  }

  func section(_ key: String) throws -> KubeconfigSection? {
    switch object[key] {
    case nil, .null?: return nil
    case .object(let member)?: return KubeconfigSection(file: file, path: path.appending(.key(key)), object: member)
    case let other?: throw error("expected a mapping, found \(other.typeName)", at: key)
    }
  }

  /// A list of mappings, each a section of its own.
  func list(_ key: String) throws -> [KubeconfigSection] {
    switch object[key] {
    case nil, .null?: return []
    case .array(let elements)?:
      return try elements.enumerated().map { index, element in
        let elementPath = path.appending(.key(key)).appending(.index(index))
        guard let member = element.objectValue else {
          throw KubeconfigSection(file: file, path: elementPath, object: [:])
            .error("expected a mapping, found \(element.typeName)")
        }
        return KubeconfigSection(file: file, path: elementPath, object: member)
      }
    case let other?: throw error("expected a list, found \(other.typeName)", at: key)
    }
  }

  func strings(_ key: String) throws -> [String] {
    switch object[key] {
    case nil, .null?: return []
    case .array(let elements)?:
      return try elements.map { element in
        guard let text = element.stringValue else { throw error("expected a list of strings", at: key) }
        return text
      }
    case let other?: throw error("expected a list of strings, found \(other.typeName)", at: key)
    }
  }

  /// A path member made absolute against the folder of the file that wrote it.
  func resolvedPath(_ key: String) throws -> String? {
    guard let path = try string(key) else { return nil }
    return resolve(path)
  }

  func resolve(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    return URL(fileURLWithPath: file.folder + "/" + path).standardizedFileURL.path
  }

  /// The contents of the file a path member names, or an error naming both what was written and
  /// where it resolved to.
  func fileContents(_ key: String) throws -> (path: String, data: Data)? {
    guard let written = try string(key) else { return nil }
    let resolved = resolve(written)
    let detail = written == resolved ? "" : " (resolved to \(resolved))"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
      throw error("file \"\(written)\" not found\(detail)", at: key)
    }
    guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: resolved) else {
      throw error("cannot read file \"\(written)\"\(detail)", at: key)
    }
    return (resolved, data)
  }
}
