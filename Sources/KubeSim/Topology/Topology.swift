import Foundation
import KubeModel

/// A cluster's starting objects, read from Data/topologies/<name>.yaml: the nodes, the
/// control-plane pods, the add-ons, as a real cluster of that shape shows them.
public struct Topology: Sendable {
  public let name: String
  public let objects: [JSON]

  public init(name: String, objects: [JSON]) {
    self.name = name
    self.objects = objects
  }

  /// The names of the topologies shipped with kubelab.
  public static var builtInNames: [String] {
    guard let folder = Bundle.module.url(forResource: "topologies", withExtension: nil, subdirectory: "Data"),
      let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  public static func builtIn(named name: String) throws -> Topology {
    guard
      let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Data/topologies")
    else {
      throw TopologyError(
        message: "unknown topology \"\(name)\"; the sandbox knows: \(builtInNames.joined(separator: ", "))")
    }
    let text = try String(contentsOf: url, encoding: .utf8)
    return Topology(name: name, objects: try YAML.decodeJSON(text, file: url.lastPathComponent))
  }
}

public struct TopologyError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
