import KubeModel

/// A request that asked for `as=Table` gets server-side printed rows instead of objects.
struct TableNegotiation {
  init?(_ request: APIRequest) {
    guard let accept = request.header("Accept"), accept.contains("as=Table") else { return nil }
  }

  func render(
    _ objects: [JSON], _ resource: ResourceType, resourceVersion: Int, continueToken: String? = nil,
    includeColumnDefinitions: Bool = true
  ) -> JSON {
    var metadata: JSONObject = ["resourceVersion": .string(String(resourceVersion))]
    if let continueToken { metadata["continue"] = .string(continueToken) }
    return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata), "columnDefinitions": [], "rows": []]
  }
}
