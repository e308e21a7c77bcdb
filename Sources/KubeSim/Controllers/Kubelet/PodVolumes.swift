import Foundation
import KubeModel

/// A pod's volumes as the kubelet sets them up: emptyDir as the pod's folder, configMap, secret,
/// downwardAPI and projected volumes as files (keys or `items`, `defaultMode`), hostPath on the
/// node, persistentVolumeClaim on its bound volume.
struct PodVolumes {
  /// Why a volume cannot be set up: the kubelet's `FailedMount` message.
  struct MountError: Error {
    var message: String
  }

  let store: ObjectStore
  let pod: JSON
  var namespace: String { pod[path: ["metadata", "namespace"]]?.stringValue ?? "" }

  func resolve() throws -> [ContainerVolume] {
    try (pod[path: ["spec", "volumes"]]?.arrayValue ?? []).compactMap(volume)
  }

  /// Where `spec`'s volumeMounts put the pod's volumes.
  static func mounts(_ spec: JSON) -> [ContainerMount] {
    (spec["volumeMounts"]?.arrayValue ?? []).compactMap { mount in
      guard let name = mount["name"]?.stringValue, let path = mount["mountPath"]?.stringValue else { return nil }
      let subPath = mount["subPath"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
      return ContainerMount(
        volume: name, path: path, subPath: subPath, readOnly: mount["readOnly"]?.boolValue ?? false)
    }
  }

  func volume(_ spec: JSON) throws -> ContainerVolume? {
    guard let name = spec["name"]?.stringValue else { return nil }
    func failure(_ reason: String) -> MountError {
      MountError(message: "MountVolume.SetUp failed for volume \"\(name)\" : \(reason)")
    }
    if spec["emptyDir"] != nil { return ContainerVolume(name: name, source: .podFolder) }
    if let hostPath = spec[path: ["hostPath", "path"]]?.stringValue {
      return ContainerVolume(
        name: name, source: .hostPath(node: pod[path: ["spec", "nodeName"]]?.stringValue ?? "", path: hostPath))
    }
    if let claim = spec[path: ["persistentVolumeClaim", "claimName"]]?.stringValue {
      guard let bound = store.get(ObjectKey(resource: "persistentvolumeclaims", namespace: namespace, name: claim)),
        let volumeName = bound[path: ["spec", "volumeName"]]?.stringValue, !volumeName.isEmpty
      else { throw failure("persistentvolumeclaim \"\(claim)\" is not bound") }
      let volume = store.get(ObjectKey(resource: "persistentvolumes", namespace: "", name: volumeName))
      if let hostPath = volume?[path: ["spec", "hostPath", "path"]]?.stringValue {
        return ContainerVolume(
          name: name, source: .hostPath(node: pod[path: ["spec", "nodeName"]]?.stringValue ?? "", path: hostPath))
      }
      return ContainerVolume(name: name, source: .persistentVolume(volumeName))
    }
    let mode =
      spec[path: ["configMap", "defaultMode"]]?.intValue ?? spec[path: ["secret", "defaultMode"]]?.intValue
      ?? spec[path: ["downwardAPI", "defaultMode"]]?.intValue ?? spec[path: ["projected", "defaultMode"]]?.intValue
      ?? 0o644
    var files: [VolumeFile] = []
    do {
      if let source = spec["configMap"] {
        files = try keyFiles("configmaps", source, name: source["name"]?.stringValue ?? "", mode: mode)
      } else if let source = spec["secret"] {
        files = try keyFiles("secrets", source, name: source["secretName"]?.stringValue ?? "", mode: mode)
      } else if let source = spec["downwardAPI"] {
        files = downwardFiles(source, mode: mode)
      } else if let projected = spec["projected"] {
        for source in projected["sources"]?.arrayValue ?? [] {
          if let configMap = source["configMap"] {
            files += try keyFiles("configmaps", configMap, name: configMap["name"]?.stringValue ?? "", mode: mode)
          } else if let secret = source["secret"] {
            files += try keyFiles("secrets", secret, name: secret["name"]?.stringValue ?? "", mode: mode)
          } else if let downward = source["downwardAPI"] {
            files += downwardFiles(downward, mode: mode)
          }
        }
      } else {
        return nil
      }
    } catch let error as MountError {
      throw failure(error.message)
    }
    return ContainerVolume(name: name, source: .files(files))
  }

  /// A ConfigMap's or Secret's keys as files, or only its `items` at their paths.
  private func keyFiles(_ resource: String, _ source: JSON, name: String, mode: Int) throws -> [VolumeFile] {
    guard let object = store.get(ObjectKey(resource: resource, namespace: namespace, name: name)) else {
      if source["optional"]?.boolValue == true { return [] }
      throw MountError(message: "\(resource == "configmaps" ? "configmap" : "secret") \"\(name)\" not found")
    }
    var data: [String: [UInt8]] = [:]
    for (key, value) in object["data"]?.objectValue ?? [:] {
      let text = value.stringValue ?? ""
      data[key] = resource == "secrets" ? Array(Data(base64Encoded: text) ?? Data()) : Array(text.utf8)
    }
    for (key, value) in object["binaryData"]?.objectValue ?? [:] {
      data[key] = Array(Data(base64Encoded: value.stringValue ?? "") ?? Data())
    }
    guard let items = source["items"]?.arrayValue else {
      return data.sorted { $0.key < $1.key }.map { VolumeFile(path: $0.key, content: $0.value, mode: mode) }
    }
    return try items.compactMap { item in
      guard let key = item["key"]?.stringValue else { return nil }
      guard let content = data[key] else {
        if source["optional"]?.boolValue == true { return nil }
        throw MountError(message: "configmap references non-existent config key: \(key)")
      }
      return VolumeFile(path: item["path"]?.stringValue ?? key, content: content, mode: item["mode"]?.intValue ?? mode)
    }
  }

  private func downwardFiles(_ source: JSON, mode: Int) -> [VolumeFile] {
    (source["items"]?.arrayValue ?? []).compactMap { item in
      guard let path = item["path"]?.stringValue else { return nil }
      var value: String?
      if let field = item[path: ["fieldRef", "fieldPath"]]?.stringValue {
        value = PodFieldPath.value(field, of: pod)
      } else if let reference = item["resourceFieldRef"] {
        let container = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).first {
          $0["name"]?.stringValue == reference["containerName"]?.stringValue
        }
        let node = pod[path: ["spec", "nodeName"]]?.stringValue.flatMap {
          store.get(ObjectKey(resource: "nodes", namespace: "", name: $0))
        }
        value = ContainerResources.value(reference, container: container ?? [:], node: node)
      }
      return value.map { VolumeFile(path: path, content: Array($0.utf8), mode: item["mode"]?.intValue ?? mode) }
    }
  }
}
