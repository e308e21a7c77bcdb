import KubeModel

extension KubeClient {
  /// Streams changes as the server sends them, until the server ends the watch (its timeout),
  /// an error, or the consumer stops iterating (which cancels the request).
  /// With no `resourceVersion`, existing objects arrive first as ADDED events.
  public func watch(
    _ resource: ResourceRef, namespace: String? = nil, allNamespaces: Bool = false, options: ListOptions = .init()
  ) -> AsyncThrowingStream<WatchEvent, Error> {
    let namespace = allNamespaces ? nil : self.namespace(namespace, for: resource)
    let request = {
      var request = TransportRequest(
        method: "GET",
        path: PathEncoding.path(resource.path(namespace: namespace), query: options.queryItems(watch: true)))
      request.isStreaming = true
      return request
    }()
    let server = endpoint.server
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          _ = try await transport.send(request) { line in
            guard let json = try? JSON(parsing: line), let event = WatchEvent(json: json) else {
              throw KubeClientError.invalidResponse(server: server, detail: "a watch line is not an event")
            }
            continuation.yield(event)
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}
