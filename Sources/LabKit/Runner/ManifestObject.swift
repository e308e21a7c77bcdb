import Foundation
import KubeModel

/// One object of a setup manifest, with the resource type its kind names and where it is written.
struct ManifestObject: Sendable {
  var json: JSON
  var type: ResourceType
  /// The version the manifest asks for (`autoscaling/v1` for an HPA whose catalogue version is v2).
  var version: String
  var position: SourcePosition

  var name: String { json[path: ["metadata", "name"]]?.stringValue ?? "" }
  var namespace: String? { json[path: ["metadata", "namespace"]]?.stringValue }

  var record: Provisioning.Object {
    Provisioning.Object(
      apiVersion: json["apiVersion"]?.stringValue ?? "", kind: type.kind, namespace: type.namespaced ? namespace : nil,
      name: name)
  }

  /// Reads every document of a manifest file; a document that is not an object with a known kind and
  /// a name is an error naming its file and line. Each object gets the lab's label, and the lab's
  /// namespace when it is namespaced and names none.
  static func read(file: String, lab: String, namespace: String) throws -> [ManifestObject] {
    guard let data = FileManager.default.contents(atPath: file) else { throw RunnerFailure("cannot read \(file)") }
    let documents: [YAMLNode]
    do {
      documents = try YAML.parseStream(bytes: [UInt8](data), file: file)
    } catch let error as YAMLError {
      throw RunnerFailure("\(error.position): \(error.message)")
    }
    var objects: [ManifestObject] = []
    for document in documents {
      let json: JSON
      do {
        json = try document.json
      } catch let error as YAMLError {
        throw RunnerFailure("\(error.position): \(error.message)")
      }
      if json == .null { continue }
      objects.append(try object(json, at: document.position, lab: lab, namespace: namespace))
    }
    return objects
  }

  /// One object; `lab` nil leaves it unlabelled, as a learner's (or a replayed solution's) would be.
  static func object(_ input: JSON, at position: SourcePosition, lab: String?, namespace: String) throws
    -> ManifestObject
  {
    guard input.objectValue != nil else { throw RunnerFailure("\(position): a manifest document must be an object") }
    let apiVersion = input["apiVersion"]?.stringValue ?? ""
    let kind = input["kind"]?.stringValue ?? ""
    guard !apiVersion.isEmpty, !kind.isEmpty else {
      throw RunnerFailure("\(position): the object has no `apiVersion` and `kind`")
    }
    guard let (type, version) = ResourceCatalog.resolve(kind: kind, apiVersion: apiVersion) else {
      throw RunnerFailure("\(position): unknown kind `\(kind)` in `\(apiVersion)`")
    }
    guard let name = input[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
      throw RunnerFailure("\(position): the \(kind) has no `metadata.name`")
    }
    var json = input
    json[path: ["metadata", "name"]] = .string(name)
    if let lab { json[path: ["metadata", "labels", LabLabel.key]] = .string(lab) }
    if type.namespaced, (json[path: ["metadata", "namespace"]]?.stringValue ?? "").isEmpty {
      json[path: ["metadata", "namespace"]] = .string(namespace)
    }
    return ManifestObject(json: json, type: type, version: version, position: position)
  }
}
