import KubeModel

extension JSON {
  /// `metadata.labels` as a plain map, for matching against selectors.
  var labelMap: [String: String] {
    var labels: [String: String] = [:]
    for (key, value) in self[path: ["metadata", "labels"]]?.objectValue ?? [:] {
      if let text = value.stringValue { labels[key] = text }
    }
    return labels
  }
}
