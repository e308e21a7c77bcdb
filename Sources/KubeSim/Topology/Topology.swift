import Foundation
import KubeModel
import Synchronization

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

  /// The built-in topologies read so far: a process that starts many sandboxes (the tests, a
  /// lab's self-test) reads and decodes each file once.
  private static let builtInRead = Mutex<[String: Topology]>([:])

  public static func builtIn(named name: String) throws -> Topology {
    if let read = builtInRead.withLock({ $0[name] }) { return read }
    guard
      let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Data/topologies")
    else {
      throw TopologyError(
        message: "unknown topology \"\(name)\"; the sandbox knows: \(builtInNames.joined(separator: ", "))")
    }
    let text = try String(contentsOf: url, encoding: .utf8)
    let topology = Topology(name: name, objects: try YAML.decodeJSON(text, file: url.lastPathComponent))
    builtInRead.withLock { $0[name] = topology }
    return topology
  }
}

public struct TopologyError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
