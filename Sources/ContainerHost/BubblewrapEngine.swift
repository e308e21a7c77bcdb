import Foundation
import Isolation
import KubeSim
import Processes
import Synchronization

/// Runs shell images' containers as real processes: each in bubblewrap with its own root folder
/// (busybox as userland), its own pid, uts, ipc and network namespaces (no route out), and the
/// pod's name as hostname. Folders live under `root`; every process ends with the sandbox. With
/// the kubelab binary as `tools`, containers reach other pods through the sandbox: their nslookup,
/// wget and nc are that binary, talking to the pod network socket.
public final class BubblewrapEngine: ContainerEngine, Sendable {
  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  let root: String
  let volumes: VolumeFolders
  let bwrap: String
  let busybox: Busybox
  let nodeTrees: NodeTrees?
  let nodeCommands: NodeCommandAccess?
  /// The kubelab binary: the relay of a port-forward inside a container's network namespace, the
  /// containers' network commands, and the node tools of an image.
  let tools: ToolBinary?
  private let records: ProcessRecords
  private let spawner = SpawnThread()
  private let state = Mutex(State())

  private struct State {
    /// Running container processes by container id, with the write end of their stdin if any and
    /// the variables they started with (an exec sees those, not what the API says since).
    var running: [String: (process: SpawnedProcess, input: Int32?, environment: [String: String])] = [:]
    var executions: [ObjectIdentifier: SpawnedProcess] = [:]
    /// The pod of each bubblewrap process started for a container or an exec, by pid: a network
    /// command's peer process is found below one of them.
    var owners: [Int32: String] = [:]
    var isShutDown = false
  }

  /// An engine keeping its folders under `root`, with hostPath volumes in the node trees under
  /// `nodeTrees` where a node has one, and the node tools of an image (etcdctl) answered through
  /// `nodeCommands`, and port-forwards, network commands and node tools served by `tools`; ends
  /// what an earlier sandbox with the same root left running. Throws with one line saying what is
  /// missing when bubblewrap or busybox is.
  public init(
    root: String, nodeTrees: String? = nil, nodeCommands: NodeCommandAccess? = nil, tools: ToolBinary? = nil
  ) throws {
    switch IsolationSupport.check() {
    case .missing(let reason): throw Unavailable(description: reason)
    case .available(let bwrap): self.bwrap = bwrap
    }
    guard let busybox = Busybox.find() else {
      throw Unavailable(description: "busybox is not installed: install it with `apt-get install busybox`")
    }
    self.root = root
    volumes = VolumeFolders(root: root, nodeTrees: nodeTrees)
    self.nodeTrees = nodeTrees.map { NodeTrees(root: URL(fileURLWithPath: $0)) }
    self.nodeCommands = nodeCommands
    self.tools = tools
    self.busybox = busybox
    records = ProcessRecords(folder: root + "/processes")
    records.killLeftovers()
  }

  public func start(
    _ container: ContainerLaunch, output: @escaping @Sendable (String) -> Void,
    exited: @escaping @Sendable (Int) -> Void
  ) throws {
    let containerRoot = self.containerRoot(container)
    try containerRoot.create(hostname: container.podName, files: container.files)
    let environment = self.environment(container)
    var box = try self.box(container, root: containerRoot, command: container.arguments, environment: environment)
    box.directory = container.workingDirectory ?? "/"
    let (reader, writer) = try ProcessPipes.pipe()
    let input = container.stdin ? try ProcessPipes.pipe() : nil
    var command = ProcessCommand(bwrap, box.arguments, environment: [:])
    command.input = input.map { .descriptor($0.0) } ?? .nullDevice
    command.output = .descriptor(writer)
    command.error = .sameAs(1)
    let id = container.containerID
    defer {
      close(writer)
      if let input { close(input.0) }
    }
    let process: SpawnedProcess
    do {
      process = try launch(command) { state, process in
        state.running[id] = (process, input?.1, environment)
        state.owners[process.pid] = container.podUID
      }
    } catch {
      close(reader)
      if let input { close(input.1) }
      throw error
    }
    let drained = DispatchGroup()
    drained.enter()
    process.whenEnded { [weak self] ended in
      // The exit is reported once all output is in the log, so `logs` after the exit shows it all.
      drained.notify(queue: .global()) {
        self?.finish(id)
        exited(Int(ended.shellStatus))
      }
    }
    OutputReader.start(reader, output: { output(String(decoding: $0, as: UTF8.self)) }, done: { drained.leave() })
    records.record(pid: process.pid, containerID: id)
  }

  public func stop(containerID: String) {
    // The whole group: the bwrap started here and the bwrap that is pid 1 of the container's pid
    // namespace. The inner one dies with the outer only once it has set its parent-death signal,
    // which a container stopped right after its start had not yet, and it outlived the sandbox.
    // With pid 1 gone, every process of the namespace goes.
    state.withLock { $0.running[containerID]?.process }?.signal(SIGKILL, group: true)
  }

  public func writeInput(containerID: String, _ bytes: [UInt8]) {
    guard let input = state.withLock({ $0.running[containerID]?.input }) else { return }
    DescriptorWriter.writeAll(input, bytes)
  }

  public func exec(
    _ container: ContainerLaunch, command: [String], tty: Bool,
    output: @escaping @Sendable (Int, [UInt8]) -> Void, exited: @escaping @Sendable (Int) -> Void
  ) throws -> any ContainerExecution {
    let containerRoot = self.containerRoot(container)
    if !FileManager.default.fileExists(atPath: containerRoot.folder + "/bin") {
      // A container without a process of its own (an image without a shell): busybox in its files.
      try containerRoot.create(hostname: container.podName, files: container.files)
    }
    guard let program = command.first else { throw ContainerExecFailure("no command given") }
    let isNodeCommand =
      nodeTools(container) != nil
      && container.nodeCommands.contains { program == $0 || program == ToolBinary.commandFolder + "/" + $0 }
    guard isNodeCommand || containerRoot.resolves(program) else {
      throw ContainerExecFailure(
        "failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start "
          + "container process: exec: \"\(program)\": executable file not found in $PATH: unknown")
    }
    // A container's variables are fixed when it starts: a ConfigMap changed since does not change them.
    let environment =
      state.withLock { $0.running[container.containerID]?.environment } ?? self.environment(container)
    let box = try self.box(container, root: containerRoot, command: command, environment: environment)
    var spawned = ProcessCommand(bwrap, box.arguments, environment: [:])
    // kubelab's end of the process's stdin or terminal.
    let input: Int32
    let outputs: [(fd: Int32, stream: Int)]
    let closeAfterStart: [Int32]
    if tty {
      let (controller, device) = try ProcessPipes.terminal()
      (spawned.input, spawned.output, spawned.error) = (.descriptor(device), .sameAs(0), .sameAs(0))
      input = fcntl(controller, F_DUPFD_CLOEXEC, 0)
      outputs = [(controller, 1)]
      closeAfterStart = [device]
    } else {
      let ((inputRead, inputWrite), (outRead, outWrite), (errRead, errWrite)) = (
        try ProcessPipes.pipe(), try ProcessPipes.pipe(), try ProcessPipes.pipe()
      )
      (spawned.input, spawned.output, spawned.error) = (
        .descriptor(inputRead), .descriptor(outWrite), .descriptor(errWrite)
      )
      input = inputWrite
      outputs = [(outRead, 1), (errRead, 2)]
      closeAfterStart = [inputRead, outWrite, errWrite]
    }
    defer { closeAfterStart.forEach { close($0) } }
    let process: SpawnedProcess
    do {
      process = try launch(spawned) { state, process in
        state.executions[ObjectIdentifier(process)] = process
        state.owners[process.pid] = container.podUID
      }
    } catch {
      outputs.forEach { close($0.fd) }
      close(input)
      throw error
    }
    let execution = ProcessExecution(process: process, input: input, isTerminal: tty)
    let drained = DispatchGroup()
    for _ in outputs { drained.enter() }
    process.whenEnded { [weak self] ended in
      drained.notify(queue: .global()) {
        self?.forget(process)
        execution.closeInput()
        exited(Int(ended.shellStatus))
      }
    }
    for (fd, stream) in outputs {
      OutputReader.start(fd, output: { output(stream, $0) }, done: { drained.leave() })
    }
    return execution
  }

  /// Relays through busybox's nc, run inside the container's network namespace by the kubelab
  /// binary (`relay`), which enters it without root through the user namespace bubblewrap made.
  public func connect(
    containerID: String, port: Int, received: @escaping @Sendable ([UInt8]) -> Void,
    closed: @escaping @Sendable (String?) -> Void
  ) throws -> any ForwardedConnection {
    guard let container = state.withLock({ $0.running[containerID]?.process }), container.isRunning,
      let member = Self.firstChild(of: container.pid)
    else { throw ContainerExecFailure("container \(containerID) is not running") }
    guard let relayExecutable = tools?.executable else {
      throw ContainerExecFailure("this sandbox cannot reach a container's own network (no relay binary)")
    }
    let ((inputRead, inputWrite), (outRead, outWrite), (errorRead, errorWrite)) = (
      try ProcessPipes.pipe(), try ProcessPipes.pipe(), try ProcessPipes.pipe()
    )
    var command = ProcessCommand.inheritingEnvironment(
      relayExecutable, NetworkNamespaceRelay.arguments(pid: member, port: port, busybox: busybox.path))
    (command.input, command.output, command.error) = (
      .descriptor(inputRead), .descriptor(outWrite), .descriptor(errorWrite)
    )
    defer { [inputRead, outWrite, errorWrite].forEach { close($0) } }
    let relayProcess: SpawnedProcess
    do {
      relayProcess = try launch(command) { state, process in state.executions[ObjectIdentifier(process)] = process }
    } catch {
      [outRead, errorRead, inputWrite].forEach { close($0) }
      throw error
    }
    let connection = ProcessExecution(process: relayProcess, input: inputWrite, isTerminal: false)
    // Both outputs are read to their end before the close is reported.
    let drained = DispatchGroup()
    drained.enter()
    drained.enter()
    let refusal = FailureText()
    relayProcess.whenEnded { [weak self] ended in
      drained.notify(queue: .global()) {
        self?.forget(relayProcess)
        connection.closeInput()
        // nc says why it could not connect; a relay that ran and ended (or was ended) is a
        // closed connection. The code, not its shell status: a relay killed by a signal did not fail.
        let failed = if case .exited(let code) = ended { code != 0 && !refusal.text.isEmpty } else { false }
        closed(failed ? refusal.text : nil)
      }
    }
    OutputReader.start(outRead, output: received, done: { drained.leave() })
    OutputReader.start(errorRead, output: { refusal.append($0) }, done: { drained.leave() })
    return connection
  }

  public func listens(containerID: String, port: Int) -> Bool {
    guard let container = state.withLock({ $0.running[containerID]?.process }), container.isRunning,
      let member = Self.firstChild(of: container.pid)
    else { return false }
    return ListeningSockets(pid: member).contains(port: port)
  }

  public func podUID(ofProcess pid: Int32) -> String? {
    let owners = state.withLock { $0.owners }
    var current = pid
    // The command runs a few levels below bubblewrap: the box's init, a shell, the command.
    for _ in 0..<32 where current > 1 {
      if let uid = owners[current] { return uid }
      guard let parent = Self.parent(of: current) else { return nil }
      current = parent
    }
    return nil
  }

  public var podNetworkSocket: String? {
    tools == nil ? nil : networkFolder + "/" + PodNetworkCommands.socketName
  }

  /// Where the pod network socket is on the host: bound read-only into every box.
  private var networkFolder: String { root + "/network" }

  public func updateVolume(podUID: String, _ volume: ContainerVolume) {
    guard case .files(let files) = volume.source else { return }
    let folder = volumes.folder(podUID: podUID, volume)
    guard FileManager.default.fileExists(atPath: folder) else { return }
    try? volumes.write(files, to: folder)
  }

  public func removePod(uid: String) {
    try? FileManager.default.removeItem(atPath: root + "/pods/" + uid)
  }

  public func shutdown() {
    let processes = state.withLock { state -> [SpawnedProcess] in
      state.isShutDown = true
      return state.running.values.map(\.process) + state.executions.values
    }
    for process in processes { process.signal(SIGKILL, group: true) }
    for process in processes { process.waitUntilExit() }
    try? FileManager.default.removeItem(atPath: root + "/pods")
  }

  /// Starts `command` from the spawning thread, in a process group of its own (a Ctrl-C at the
  /// sandbox's terminal is the sandbox's, not its containers'), and records it under the lock
  /// unless the engine is shutting down.
  private func launch(_ command: ProcessCommand, record: (inout State, SpawnedProcess) -> Void) throws
    -> SpawnedProcess
  {
    var command = command
    command.ownProcessGroup = true
    return try state.withLock { state in
      guard !state.isShutDown else { throw Unavailable(description: "the sandbox is shutting down") }
      let process = try spawner.run { [command] in try SpawnedProcess(command) }
      record(&state, process)
      return process
    }
  }

  private func box(
    _ container: ContainerLaunch, root: ContainerRoot, command: [String], environment: [String: String]
  ) throws -> Bubblewrap {
    var box = Bubblewrap(command: command)
    let nodeTools = nodeTools(container)
    box.mounts = root.mounts + (try volumes.mounts(container)) + (nodeTools?.mounts ?? [])
    if let tools {
      // One set of links for every command the binary serves: each ToolBinary mount set makes
      // /usr/local afresh.
      box.mounts += tools.mounts(commands: PodNetworkCommands.names + (nodeTools?.commands ?? []))
      box.mounts.append(.readOnly(source: networkFolder, destination: PodNetworkCommands.socketFolder))
    }
    box.namespaces = [.ipc, .pid, .uts, .net]
    box.hostname = container.podName
    box.newSession = true
    box.environment = environment
    return box
  }

  /// The node tools of `container`'s image and the mounts that reach its node, where the sandbox
  /// can serve them.
  private func nodeTools(_ container: ContainerLaunch) -> (commands: [String], mounts: [Bubblewrap.Mount])? {
    guard tools != nil, let mounts = nodeCommands?.mounts(container, trees: nodeTrees) else { return nil }
    return (container.nodeCommands, mounts)
  }

  private func finish(_ containerID: String) {
    let ended = state.withLock { state -> Int32? in
      guard let entry = state.running.removeValue(forKey: containerID) else { return nil }
      state.owners[entry.process.pid] = nil
      return entry.input
    }
    if let input = ended { close(input) }
    records.remove(containerID: containerID)
  }

  /// Drops an exec or relay that ended from the processes `shutdown()` ends.
  private func forget(_ execution: SpawnedProcess) {
    state.withLock { state in
      state.executions[ObjectIdentifier(execution)] = nil
      state.owners[execution.pid] = nil
    }
  }

  private func containerRoot(_ container: ContainerLaunch) -> ContainerRoot {
    ContainerRoot(folder: "\(root)/pods/\(container.podUID)/containers/\(container.containerName)", busybox: busybox)
  }

  /// What a container's process sees: PATH, HOME and HOSTNAME as the runtime sets them, then the
  /// container's own variables, a later one of a name replacing an earlier one.
  private func environment(_ container: ContainerLaunch) -> [String: String] {
    var environment = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"]
    environment["HOSTNAME"] = container.podName
    for (name, value) in container.environment { environment[name] = value }
    return environment
  }

  /// A process of the container's namespaces: bubblewrap's first child (bubblewrap itself stays
  /// outside them).
  static func firstChild(of pid: Int32) -> Int32? {
    let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
    return children.split(separator: " ").first.flatMap { Int32($0) }
  }

  /// The parent of process `pid` (field 4 of /proc/PID/stat).
  static func parent(of pid: Int32) -> Int32? {
    ProcessStat(pid: pid)?.field(4).flatMap { Int32($0) }
  }

}
