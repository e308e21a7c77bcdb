import KubeModel

/// The pod fields the downward API exposes (`fieldRef.fieldPath`), as the kubelet renders them.
enum PodFieldPath {
  static func value(_ path: String, of pod: JSON) -> String? {
    func text(_ components: String...) -> String { pod[path: components]?.stringValue ?? "" }
    switch path {
    case "metadata.name": return text("metadata", "name")
    case "metadata.namespace": return text("metadata", "namespace")
    case "metadata.uid": return text("metadata", "uid")
    case "spec.nodeName": return text("spec", "nodeName")
    case "spec.serviceAccountName": return text("spec", "serviceAccountName")
    case "status.hostIP": return text("status", "hostIP")
    case "status.podIP": return text("status", "podIP")
    case "status.hostIPs", "status.podIPs":
      let field = path == "status.hostIPs" ? "hostIPs" : "podIPs"
      return (pod[path: ["status", field]]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }.joined(
        separator: ",")
    case "metadata.labels": return lines(pod[path: ["metadata", "labels"]])
    case "metadata.annotations": return lines(pod[path: ["metadata", "annotations"]])
    default:
      // metadata.labels['key'] and metadata.annotations['key'].
      for field in ["labels", "annotations"] where path.hasPrefix("metadata.\(field)['") && path.hasSuffix("']") {
        let key = String(path.dropFirst("metadata.\(field)['".count).dropLast(2))
        return pod[path: ["metadata", field, key]]?.stringValue ?? ""
      }
      return nil
    }
  }

  /// `key="value"` lines, sorted, as a downwardAPI volume's labels file holds them.
  private static func lines(_ map: JSON?) -> String {
    (map?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value.stringValue ?? "")\"" }
      .joined(separator: "\n")
  }
}
