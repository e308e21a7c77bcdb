import Foundation
import KubeModel
import NIOSSL
import Synchronization

/// A whole simulated cluster, ready to serve: the topology loaded into a cluster, the certificates,
/// and the HTTP(S) listener. The `kubelab sandbox` command and the tests start one of these.
public final class Sandbox: Sendable {
  public struct Options: Sendable {
    public var topology = "kubeadm"
    public var host = "127.0.0.1"
    public var port = 0
    public var tls = true
    /// How fast pods move through their lives; tests may shorten it.
    public var timing = ControllerTiming()
    /// The time the cluster reads and waits on. The real clock, except in a test that hosts the
    /// sandbox in its own process: it passes a `ManualClock` and moves it, so a grace period, a
    /// back-off or a cron minute passes at once and the test waits for the event, not the seconds.
    public var clock: any SandboxClock = SystemClock()
    /// What runs shell images' containers for real; nil keeps every container simulated.
    public var containerEngine: (any ContainerEngine)?

    public init(
      topology: String = "kubeadm", host: String = "127.0.0.1", port: Int = 0, tls: Bool = true,
      timing: ControllerTiming = ControllerTiming(), clock: any SandboxClock = SystemClock(),
      containerEngine: (any ContainerEngine)? = nil
    ) {
      self.topology = topology
      self.host = host
      self.port = port
      self.tls = tls
      self.timing = timing
      self.clock = clock
      self.containerEngine = containerEngine
    }
  }

  public let options: Options
  public let cluster: Cluster
  public let server: SandboxServer
  public let credentials: SandboxCredentials?
  /// The scheduler and the simulated kubelet, running from the moment the topology is loaded.
  public let controllers: ControllerManager
  /// What containers' network commands reach, where the engine gives them a socket.
  private let podNetwork: PodNetworkServer?

  public init(options: Options = Options()) throws {
    self.options = options
    let credentials = options.tls ? try SandboxCredentials(extraServerHosts: [options.host]) : nil
    self.credentials = credentials
    cluster = Cluster(clock: options.clock, caPEM: credentials?.pki.caCertificatePEM ?? "")
    // The topology's objects look as if the cluster had been up for ten minutes.
    try cluster.load(Topology.builtIn(named: options.topology), start: cluster.now().addingTimeInterval(-10 * 60))
    cluster.containerEngine = options.containerEngine
    controllers = ControllerManager(cluster: cluster, timing: options.timing)
    let api = APIHandler(cluster: cluster, serverAddress: "\(options.host):\(options.port)")
    server = SandboxServer(
      api: api,
      configuration: .init(
        host: options.host, port: options.port, tls: try credentials?.pki.makeServerSSLContext(),
        authenticator: credentials?.authenticator))
    podNetwork = Self.startPodNetwork(cluster: cluster, engine: options.containerEngine)
    controllers.start()
  }

  /// Serves the pod network where the engine gives containers its socket. A socket that cannot be
  /// made leaves containers running without their network commands, said in one line.
  private static func startPodNetwork(cluster: Cluster, engine: (any ContainerEngine)?) -> PodNetworkServer? {
    guard let engine, let socket = engine.podNetworkSocket else { return nil }
    let network = PodNetworkServer(cluster: cluster, engine: engine)
    do {
      try network.start(at: socket)
      return network
    } catch {
      network.stop()
      FileHandle.standardError.write(Data("kubelab: containers have no pod network: \(error)\n".utf8))
      return nil
    }
  }

  /// Starts listening; returns the server URL.
  @discardableResult
  public func start() throws -> String {
    try server.start()
    return url
  }

  public var url: String {
    let host = options.host.contains(":") ? "[\(options.host)]" : options.host
    return "\(options.tls ? "https" : "http")://\(host):\(server.port)"
  }

  /// The name of the context, cluster and user of every sandbox's kubeconfig: lab sessions on a
  /// sandbox are filed under it.
  public static let contextName = "kubelab-sandbox"

  /// A kubeconfig whose current context `kubelab-sandbox` reaches this sandbox as its admin.
  public func kubeconfig(namespace: String? = nil) -> String {
    var cluster: JSON = ["server": .string(url)]
    var user: JSON = [:]
    if let credentials {
      cluster["certificate-authority-data"] = .string(Data(credentials.pki.caCertificatePEM.utf8).base64EncodedString())
      user["client-certificate-data"] = .string(Data(credentials.pki.admin.certificatePEM.utf8).base64EncodedString())
      user["client-key-data"] = .string(Data(credentials.pki.admin.privateKeyPEM.utf8).base64EncodedString())
    }
    var context: JSON = ["cluster": .string(Self.contextName), "user": .string(Self.contextName + "-admin")]
    if let namespace { context["namespace"] = .string(namespace) }
    let config: JSON = [
      "apiVersion": "v1", "kind": "Config",
      "clusters": [["name": .string(Self.contextName), "cluster": cluster]],
      "users": [["name": .string(Self.contextName + "-admin"), "user": user]],
      "contexts": [["name": .string(Self.contextName), "context": context]],
      "current-context": .string(Self.contextName), "preferences": [:],
    ]
    return YAML.emit(config)
  }

  /// Writes the kubeconfig readable by its owner only, since it holds the admin's private key.
  public func writeKubeconfig(to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    // createFile keeps the mode of a file that already existed: narrow it before the key goes in.
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    try Data(kubeconfig().utf8).write(to: url)
  }

  private let staticPods = Mutex<StaticPodSource?>(nil)

  /// The nodes' trees are written: from now on each node's kubelet reads its files (static pod
  /// manifests, its configuration), and a broken control-plane manifest takes its component down.
  public func attach(_ trees: NodeTrees) {
    cluster.nodeServices.attach(trees)
    let monitor = NodeStatusMonitor(
      cluster: cluster, services: cluster.nodeServices, gracePeriod: options.timing.nodeMonitorGracePeriod)
    let source = StaticPodSource(
      cluster: cluster, services: cluster.nodeServices, trees: trees, controlPlane: cluster.controlPlane)
    cluster.nodeServices.kubeletChanged = { [weak source] node in
      monitor.kubeletChanged(node)
      source?.scanAll()
    }
    cluster.controlPlane.changed = { [weak self] component, up in
      guard let self else { return }
      switch component {
      case .apiServer, .etcd:
        // kube-apiserver serves only while it runs and reaches etcd.
        if self.cluster.controlPlane.isUp(.apiServer) && self.cluster.controlPlane.isUp(.etcd) {
          do {
            try self.server.resume()
          } catch {
            // Said, not swallowed: kubectl would only see a refused connection.
            FileHandle.standardError.write(Data("kubelab: kube-apiserver could not serve again: \(error)\n".utf8))
          }
        } else {
          self.server.suspend()
        }
      case .scheduler, .controllerManager:
        if up { self.controllers.resync(component) }
      }
    }
    staticPods.withLock { $0 = source }
    source.start()
  }

  /// Stops serving and ends every container process: none outlives its sandbox.
  public func shutdown() {
    staticPods.withLock { $0 }?.stop()
    controllers.stop()
    server.shutdown()
    options.containerEngine?.shutdown()
    podNetwork?.stop()
  }
}
