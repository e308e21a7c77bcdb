import Foundation
import KubeModel

extension Cluster {
  /// Stores a topology's objects as if the cluster had been running since `start`: each gets a
  /// uid and creation time, owner references and endpoint targets get their owners' uids, and the
  /// `${…}` placeholders become the start time and the cluster's CA.
  public func load(_ topology: Topology, start: Date) throws {
    let values = [
      "${START}": APITimestamp.string(start),
      "${START_DATE}": String(APITimestamp.string(start).prefix(10)),
      "${CA_PEM_BASE64}": Data(caPEM.utf8).base64EncodedString(),
      "${CA_PEM}": caPEM,
    ]
    var prepared: [(ServedResource, JSON)] = []
    var uids: [String: String] = [:]
    for (index, raw) in topology.objects.enumerated() {
      let object = Self.substitute(values, in: raw)
      guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue,
        let resource = catalog.resource(apiVersion: apiVersion, kind: kind),
        let name = object[path: ["metadata", "name"]]?.stringValue
      else {
        throw TopologyError(
          message: "topology \(topology.name): document \(index + 1) is not a kind the sandbox serves")
      }
      let uid = NameGenerator.uid()
      let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
      uids["\(kind)/\(namespace)/\(name)"] = uid
      var stamped = object
      stamped[path: ["metadata", "uid"]] = .string(uid)
      stamped[path: ["metadata", "creationTimestamp"]] = .string(APITimestamp.string(start))
      if resource.tracksGeneration { stamped[path: ["metadata", "generation"]] = 1 }
      prepared.append((resource, stamped))
    }
    for (resource, object) in prepared {
      let linked = Self.linkReferences(object, uids: uids)
      let name = linked[path: ["metadata", "name"]]?.stringValue ?? ""
      let namespace = linked[path: ["metadata", "namespace"]]?.stringValue
      var ordered = linked
      if let metadata = linked["metadata"]?.objectValue { ordered["metadata"] = .object(orderedMetadata(metadata)) }
      guard store.insert(ordered, at: key(resource, namespace: namespace, name: name)) != nil else {
        throw TopologyError(message: "topology \(topology.name): \(resource.groupResource) \"\(name)\" appears twice")
      }
    }
    if let version = Self.apiServerVersion(prepared.map(\.1)) { serverVersion = version }
  }

  /// The release of the topology's API server, read from its image tag as kubeadm sets it.
  static func apiServerVersion(_ objects: [JSON]) -> ServerVersion? {
    let apiServer = objects.first {
      $0["kind"]?.stringValue == "Pod"
        && $0[path: ["metadata", "labels", "component"]]?.stringValue == "kube-apiserver"
    }
    guard let image = apiServer?[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue,
      let colon = image.lastIndex(of: ":")
    else { return nil }
    return ServerVersion(gitVersion: String(image[image.index(after: colon)...]))
  }

  /// Owner references name their owner by kind and name; targetRefs of endpoints name pods.
  static func linkReferences(_ object: JSON, uids: [String: String]) -> JSON {
    var linked = object
    let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
    if let owners = object[path: ["metadata", "ownerReferences"]]?.arrayValue {
      linked[path: ["metadata", "ownerReferences"]] = .array(
        owners.map { owner in
          var owner = owner
          let kind = owner["kind"]?.stringValue ?? ""
          let name = owner["name"]?.stringValue ?? ""
          owner["uid"] = (uids["\(kind)/\(namespace)/\(name)"] ?? uids["\(kind)//\(name)"]).map(JSON.string)
          return owner
        })
    }
    return linkTargets(linked, uids: uids)
  }

  private static func linkTargets(_ value: JSON, uids: [String: String]) -> JSON {
    switch value {
    case .object(var object):
      if var target = object["targetRef"], let kind = target["kind"]?.stringValue,
        let name = target["name"]?.stringValue,
        let uid = uids["\(kind)/\(target["namespace"]?.stringValue ?? "")/\(name)"]
      {
        target["uid"] = .string(uid)
        object["targetRef"] = target
      }
      for (key, child) in object where key != "targetRef" { object[key] = linkTargets(child, uids: uids) }
      return .object(object)
    case .array(let items): return .array(items.map { linkTargets($0, uids: uids) })
    default: return value
    }
  }

  static func substitute(_ values: [String: String], in value: JSON) -> JSON {
    switch value {
    case .string(let text) where text.contains("${"):
      var result = text
      for (placeholder, replacement) in values {
        result = result.replacingOccurrences(of: placeholder, with: replacement)
      }
      return .string(result)
    case .array(let items): return .array(items.map { substitute(values, in: $0) })
    case .object(let object): return .object(object.mapValues { substitute(values, in: $0) })
    default: return value
    }
  }
}
