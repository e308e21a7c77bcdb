import Foundation
import KubeModel

/// One kubeconfig file as read from disk: its parsed document, kept with source positions so that
/// every later problem can point at `file:line:column`.
struct KubeconfigFile: Sendable {
  /// The absolute path, as messages print it.
  let path: String
  let root: YAMLNode?
  let content: JSONObject

  /// The folder relative paths inside this file resolve against, as client-go resolves them.
  var folder: String { (path as NSString).deletingLastPathComponent }

  var topLevel: KubeconfigSection { KubeconfigSection(file: self, path: [], object: content) }

  /// Reads and parses the file; nil when it does not exist (KUBECONFIG lists may name missing files).
  static func read(path: String) throws -> KubeconfigFile? {
    let absolute = absolutePath(path)
    guard FileManager.default.fileExists(atPath: absolute) else { return nil }
    guard let data = FileManager.default.contents(atPath: absolute) else {
      throw KubeconfigError("cannot read the file", file: absolute)
    }
    let documents: [YAMLNode]
    do {
      documents = try YAML.parseStream(bytes: Array(data), file: absolute)
    } catch let error as YAMLError {
      throw KubeconfigError(error.message, file: absolute, position: error.position)
    }
    // An empty file is an empty config, as client-go reads it.
    guard let root = documents.first else { return KubeconfigFile(path: absolute, root: nil, content: [:]) }
    let json: JSON
    do {
      json = try root.json
    } catch let error as YAMLError {
      throw KubeconfigError(error.message, file: absolute, position: error.position)
    }
    guard let content = json.objectValue else {
      throw KubeconfigError(
        "a kubeconfig must be a mapping (kind: Config), found \(json.typeName)", file: absolute, position: root.position
      )
    }
    return KubeconfigFile(path: absolute, root: root, content: content)
  }

  /// The named entries of a top-level list such as `clusters`, each body (`cluster`, `user`, `context`)
  /// with its own location. A name listed twice in one file is an error, as in client-go.
  func namedEntries(list: String, body: String) throws -> [(name: String, section: KubeconfigSection)] {
    var entries: [(name: String, section: KubeconfigSection)] = []
    for element in try topLevel.list(list) {
      let name = try element.string("name") ?? ""
      if let first = entries.first(where: { $0.name == name }) {
        let firstName = FieldPath(first.section.path.components.dropLast() + [.key("name")])
        let firstLine = root?.position(of: firstName).map { " (first at line \($0.line))" } ?? ""
        throw element.error("duplicate name \"\(name)\" in \(list)\(firstLine)", at: "name")
      }
      let bodyPath = element.path.appending(.key(body))
      entries.append((name, try element.section(body) ?? KubeconfigSection(file: self, path: bodyPath, object: [:])))
    }
    return entries
  }

  static func absolutePath(_ path: String) -> String {
    let expanded = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: expanded).standardizedFileURL.path
  }
}
