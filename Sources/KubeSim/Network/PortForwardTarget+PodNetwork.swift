extension PortForwardTarget {
  /// What answers a connection from another pod on `port`: the image's site, or a container
  /// process that listens there (asked of the engine, which looks without connecting); nil when
  /// nothing listens, which the kernel answers with a reset.
  func listener(on port: Int) -> Listener? {
    if let site = sites.first(where: { $0.port == port }) { return .site(site) }
    guard let engine else { return nil }
    return processes.first { engine.listens(containerID: $0.containerID, port: port) }.map {
      .process(containerID: $0.containerID)
    }
  }

  enum Listener {
    case site(ImageWebServer.Site)
    case process(containerID: String)
  }

  /// Opens a connection to `listener`; `closed` comes once, when either end has closed.
  func open(
    _ listener: Listener, port: Int, received: @escaping @Sendable ([UInt8]) -> Void,
    closed: @escaping @Sendable () -> Void
  ) throws -> any ForwardedConnection {
    switch listener {
    case .site(let site):
      return ImageWebServer(site: site, respond: received, closed: { _ in closed() })
    case .process(let containerID):
      guard let engine else { throw ContainerExecFailure("no container engine") }
      return try engine.connect(containerID: containerID, port: port, received: received, closed: { _ in closed() })
    }
  }
}
