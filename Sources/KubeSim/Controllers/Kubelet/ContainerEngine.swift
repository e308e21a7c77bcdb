import Foundation

/// The process side of the kubelet: what runs a shell image's container as a real process. The
/// simulated kubelet decides when a container starts and stops and what its exit means; an engine
/// only executes. Without one (the default, and in tests that need no processes) every container
/// keeps its simulated behaviour.
public protocol ContainerEngine: AnyObject, Sendable {
  /// Starts the container's process. `output` receives what it writes to stdout and stderr, in
  /// order; `exited` its exit code once (128 + the signal's number when a signal ended it).
  /// Throws when the process cannot start; the message is the runtime's, for the pod status.
  func start(
    _ container: ContainerLaunch, output: @escaping @Sendable (String) -> Void,
    exited: @escaping @Sendable (Int) -> Void) throws

  /// Ends the container's process and everything it started; does nothing once it has exited.
  func stop(containerID: String)

  /// Sends bytes to the stdin of a container started with `stdin` (`kubectl attach -i`).
  func writeInput(containerID: String, _ bytes: [UInt8])

  /// Runs `command` in the container's filesystem (`kubectl exec`), on a terminal when `tty`.
  /// Output arrives on stdout (1) or stderr (2; a terminal has only stdout). Throws
  /// `ContainerExecFailure` when the command cannot start, with the runtime's message.
  func exec(
    _ container: ContainerLaunch, command: [String], tty: Bool,
    output: @escaping @Sendable (_ stream: Int, _ bytes: [UInt8]) -> Void,
    exited: @escaping @Sendable (Int) -> Void
  ) throws -> any ContainerExecution

  /// Connects to `port` on the loopback of the container's own network namespace, as the
  /// runtime's port-forward does. What the other end sends arrives on `received`; `closed` comes
  /// once, when it closes, with the reason if it never connected ("connect: connection refused").
  /// Throws with one line when the namespace cannot be reached at all.
  func connect(
    containerID: String, port: Int, received: @escaping @Sendable ([UInt8]) -> Void,
    closed: @escaping @Sendable (_ failure: String?) -> Void
  ) throws -> any ForwardedConnection

  /// Whether a process of the container's network namespace listens on TCP `port`, read from
  /// the kernel's socket table without connecting (`nc -z` from another pod).
  func listens(containerID: String, port: Int) -> Bool

  /// The uid of the pod whose container (or exec in it) process `pid` belongs to, as the sandbox
  /// sees the pid; nil for a process of no container.
  func podUID(ofProcess pid: Int32) -> String?

  /// Where the sandbox serves the pod network socket that every container's network commands
  /// (nslookup, wget, nc) reach; nil when containers get none.
  var podNetworkSocket: String? { get }

  /// Removes what the pod's containers left on disk once the pod is gone.
  func removePod(uid: String)

  /// Rewrites the files of a pod's configMap, secret, downwardAPI or projected volume, as the
  /// kubelet propagates an update.
  func updateVolume(podUID: String, _ volume: ContainerVolume)

  /// Ends every process, as the sandbox stops.
  func shutdown()
}

/// A command running in a container: its stdin, its terminal's size, and a way to end it.
public protocol ContainerExecution: AnyObject, Sendable {
  func write(_ bytes: [UInt8])
  func closeInput()
  func resize(width: Int, height: Int)
  func stop()
}

/// One connection of a port-forward: bytes to send, the end of them, and a way to drop it.
public protocol ForwardedConnection: AnyObject, Sendable {
  func write(_ bytes: [UInt8])
  /// No more bytes will be sent (the client half-closed); what the other end sends still comes.
  func closeInput()
  func stop()
}

/// Why an exec could not start, as containerd words it ("executable file not found in $PATH").
public struct ContainerExecFailure: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

/// One container process to start: which pod and container it belongs to, and what it runs.
public struct ContainerLaunch: Sendable {
  /// The runtime's id of this run (64 hex digits), as the pod status shows it after `containerd://`.
  public var containerID: String
  public var podUID: String
  public var namespace: String
  public var podName: String
  public var containerName: String
  public var image: String
  /// The command line: the container's command and args, or the image's default (`sh`).
  public var arguments: [String]
  /// The variables in the order the kubelet sets them; a later one of the same name wins.
  public var environment: [(name: String, value: String)]
  public var workingDirectory: String?
  /// Whether the process gets a stdin that `kubectl attach -i` writes to (the spec's `stdin`).
  public var stdin = false
  /// Files the container's root holds, by path: the image's (nginx's html and conf.d …) and the
  /// kubelet's /etc/hosts and /etc/resolv.conf.
  public var files: [String: String] = [:]
  /// The node the pod runs on, and the node tools its image carries (etcd's etcdctl), which run
  /// against the sandbox as that node's commands do.
  public var nodeName = ""
  public var nodeCommands: [String] = []
  /// The pod's volumes this container mounts, and where.
  public var volumes: [ContainerVolume] = []
  public var mounts: [ContainerMount] = []

  public init(
    containerID: String, podUID: String, namespace: String, podName: String, containerName: String, image: String,
    arguments: [String], environment: [(name: String, value: String)], workingDirectory: String?
  ) {
    self.containerID = containerID
    self.podUID = podUID
    self.namespace = namespace
    self.podName = podName
    self.containerName = containerName
    self.image = image
    self.arguments = arguments
    self.environment = environment
    self.workingDirectory = workingDirectory
  }
}

/// A volume of the pod as the kubelet materialises it for the engine.
public struct ContainerVolume: Sendable {
  public enum Source: Sendable {
    /// A folder of the pod's own, shared by its containers and gone with the pod (emptyDir).
    case podFolder
    /// Files the kubelet writes (configMap, secret, downwardAPI, projected), rewritten on each
    /// update.
    case files([VolumeFile])
    /// A path of the node's filesystem (hostPath).
    case hostPath(node: String, path: String)
    /// A PersistentVolume's folder, which outlives the pods that use it.
    case persistentVolume(String)
  }

  public var name: String
  public var source: Source

  public init(name: String, source: Source) {
    self.name = name
    self.source = source
  }
}

/// One file of a configMap, secret, downwardAPI or projected volume.
public struct VolumeFile: Sendable, Equatable {
  /// The path inside the volume ("key", or an item's `path`).
  public var path: String
  public var content: [UInt8]
  public var mode: Int

  public init(path: String, content: [UInt8], mode: Int) {
    self.path = path
    self.content = content
    self.mode = mode
  }
}

/// Where a container sees one of the pod's volumes (`volumeMounts`).
public struct ContainerMount: Sendable {
  public var volume: String
  public var path: String
  public var subPath: String?
  public var readOnly: Bool

  public init(volume: String, path: String, subPath: String?, readOnly: Bool) {
    self.volume = volume
    self.path = path
    self.subPath = subPath
    self.readOnly = readOnly
  }
}
