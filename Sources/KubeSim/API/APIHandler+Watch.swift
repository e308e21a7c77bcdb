import KubeModel

extension APIHandler {
  func watch(_ target: ResourceRequest, _ request: APIRequest) throws -> APIResponse {
    let filter = try ObjectFilter(query: request.query, resource: target.resource)
    let since: Int?
    switch request.query["resourceVersion"] {
    case nil, "", "0": since = nil
    case let text?:
      guard let version = Int(text) else {
        throw APIError.badRequest("resourceVersion: Invalid value: \"\(text)\": must be a number")
      }
      since = version
    }
    let timeout = request.query.integer("timeoutSeconds").map(Double.init) ?? 1800
    let stream = WatchStream(
      store: cluster.store, renderer: watchRenderer, resource: target.resource, namespace: target.namespace,
      filter: filter, since: since,
      table: TableNegotiation(request, clock: cluster.clock), timeout: timeout)
    return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .stream(stream))
  }
}
