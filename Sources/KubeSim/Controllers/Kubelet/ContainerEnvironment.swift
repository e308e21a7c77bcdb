import Foundation
import KubeModel

/// A container's variables as the kubelet resolves them from the API: the services' variables of
/// the pod's namespace, then `envFrom`, then `env` in order with `valueFrom` (configMapKeyRef,
/// secretKeyRef, fieldRef, resourceFieldRef) and `$(VAR)` references to earlier ones.
struct ContainerEnvironment {
  /// A ConfigMap or Secret that is missing, or lacks a key: `CreateContainerConfigError`, with the
  /// kubelet's message.
  struct ConfigError: Error {
    var message: String
  }

  let store: ObjectStore
  let pod: JSON
  var namespace: String { pod[path: ["metadata", "namespace"]]?.stringValue ?? "" }

  func resolve(_ spec: JSON) throws -> [(name: String, value: String)] {
    var variables = serviceVariables()
    for source in spec["envFrom"]?.arrayValue ?? [] {
      let prefix = source["prefix"]?.stringValue ?? ""
      let optional = (source["configMapRef"] ?? source["secretRef"])?["optional"]?.boolValue ?? false
      if let reference = source["configMapRef"] {
        guard let data = try self.data("configmaps", reference["name"]?.stringValue ?? "", optional: optional) else {
          continue
        }
        variables += data.map { (prefix + $0.key, $0.value) }
      } else if let reference = source["secretRef"] {
        guard let data = try self.data("secrets", reference["name"]?.stringValue ?? "", optional: optional) else {
          continue
        }
        variables += data.map { (prefix + $0.key, $0.value) }
      }
    }
    for entry in spec["env"]?.arrayValue ?? [] {
      guard let name = entry["name"]?.stringValue else { continue }
      if let from = entry["valueFrom"] {
        guard let value = try value(from, container: spec) else { continue }
        variables.append((name, value))
      } else {
        variables.append((name, Self.expand(entry["value"]?.stringValue ?? "", with: variables)))
      }
    }
    return variables
  }

  /// `$(NAME)` replaced by an earlier variable's value; `$$` stays a literal `$`, and an unknown
  /// name stays as written, as the kubelet expands them.
  static func expand(_ text: String, with variables: [(name: String, value: String)]) -> String {
    guard text.contains("$") else { return text }
    var result = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      result += rest[..<dollar]
      let after = rest[rest.index(after: dollar)...]
      if after.hasPrefix("$") {
        result += "$"
        rest = after.dropFirst()
      } else if after.hasPrefix("("), let close = after.firstIndex(of: ")") {
        let name = String(after[after.index(after: after.startIndex)..<close])
        result += variables.last { $0.name == name }?.value ?? "$(\(name))"
        rest = after[after.index(after: close)...]
      } else {
        result += "$"
        rest = after
      }
    }
    return result + rest
  }

  private func value(_ from: JSON, container: JSON) throws -> String? {
    if let reference = from["configMapKeyRef"] ?? from["secretKeyRef"] {
      let resource = from["configMapKeyRef"] != nil ? "configmaps" : "secrets"
      let name = reference["name"]?.stringValue ?? ""
      let key = reference["key"]?.stringValue ?? ""
      let optional = reference["optional"]?.boolValue ?? false
      guard let data = try data(resource, name, optional: optional) else { return nil }
      guard let value = data[key] else {
        if optional { return nil }
        let kind = resource == "configmaps" ? "ConfigMap" : "Secret"
        throw ConfigError(message: "couldn't find key \(key) in \(kind) \(namespace)/\(name)")
      }
      return value
    }
    if let field = from[path: ["fieldRef", "fieldPath"]]?.stringValue {
      return PodFieldPath.value(field, of: pod)
    }
    if let reference = from["resourceFieldRef"] {
      let spec =
        (pod[path: ["spec", "containers"]]?.arrayValue ?? []).first {
          $0["name"]?.stringValue == reference["containerName"]?.stringValue
        } ?? container
      return ContainerResources.value(reference, container: spec, node: node)
    }
    return nil
  }

  /// A ConfigMap's or Secret's data as text (a Secret's decoded), nil when it is missing and optional.
  private func data(_ resource: String, _ name: String, optional: Bool) throws -> [String: String]? {
    guard let object = store.get(ObjectKey(resource: resource, namespace: namespace, name: name)) else {
      if optional { return nil }
      throw ConfigError(message: "\(resource == "configmaps" ? "configmap" : "secret") \"\(name)\" not found")
    }
    var values: [String: String] = [:]
    for (key, value) in object["data"]?.objectValue ?? [:] {
      let text = value.stringValue ?? ""
      values[key] =
        resource == "secrets" ? Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? "" : text
    }
    if resource == "configmaps" {
      for (key, value) in object["binaryData"]?.objectValue ?? [:] {
        values[key] = Data(base64Encoded: value.stringValue ?? "").map { String(decoding: $0, as: UTF8.self) }
      }
    }
    return values
  }

  private var node: JSON? {
    pod[path: ["spec", "nodeName"]]?.stringValue.flatMap {
      store.get(ObjectKey(resource: "nodes", namespace: "", name: $0))
    }
  }

  /// `NAME_SERVICE_HOST` and `NAME_SERVICE_PORT` of every service of the namespace (and the API
  /// server's `KUBERNETES_…`), as the kubelet sets them for service links.
  private func serviceVariables() -> [(name: String, value: String)] {
    var services = store.list(resource: "services", namespace: namespace).items
    if namespace != "default",
      let api = store.get(ObjectKey(resource: "services", namespace: "default", name: "kubernetes"))
    {
      services.append(api)
    }
    var variables: [(name: String, value: String)] = []
    for service in services {
      guard let ip = service[path: ["spec", "clusterIP"]]?.stringValue, ip != "None", !ip.isEmpty,
        let port = service[path: ["spec", "ports"]]?.arrayValue?.first?["port"]?.intValue
      else { continue }
      let name = (service[path: ["metadata", "name"]]?.stringValue ?? "").uppercased().replacingOccurrences(
        of: "-", with: "_")
      variables += [("\(name)_SERVICE_HOST", ip), ("\(name)_SERVICE_PORT", String(port))]
    }
    return variables
  }
}
