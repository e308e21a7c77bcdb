import KubeModel

/// Kubernetes resource quantities ("250m", "128Mi", "2", "1G") as plain numbers of base units.
enum ResourceQuantity {
  private static let suffixes: [(String, Double)] = [
    ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
    ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976), ("m", 0.001), ("k", 1e3), ("M", 1e6),
    ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
  ]

  static func value(_ quantity: JSON?) -> Double? {
    switch quantity {
    case .int(let number)?: return Double(number)
    case .double(let number)?: return number
    case .string(let text)?: return value(text)
    default: return nil
    }
  }

  static func value(_ text: String) -> Double? {
    for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
      return Double(text.dropLast(suffix.count)).map { $0 * factor }
    }
    return Double(text)
  }

  /// What a pod asks for: the sum over its containers, a container's limit standing in for a
  /// missing request as the API server defaults it.
  static func requests(of pod: JSON) -> [String: Double] {
    var total: [String: Double] = [:]
    for container in pod[path: ["spec", "containers"]]?.arrayValue ?? [] {
      let requests = container[path: ["resources", "requests"]]?.objectValue ?? [:]
      let limits = container[path: ["resources", "limits"]]?.objectValue ?? [:]
      for name in Set(requests.keys).union(limits.keys) {
        total[name, default: 0] += value(requests[name] ?? limits[name]) ?? 0
      }
    }
    return total
  }
}
