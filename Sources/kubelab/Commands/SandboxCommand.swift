import ArgumentParser
import ContainerHost
import Foundation
import Isolation
import KubeSim
import LabKit

/// `kubelab sandbox`: serves a simulated cluster until interrupted.
struct SandboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox",
    abstract: "Serve a simulated Kubernetes cluster that kubectl can use.",
    discussion: """
      Prints one line, `Sandbox ready: <server-url> (kubeconfig: <file>)`, then serves until SIGINT or \
      SIGTERM. Point kubectl at it with `export KUBECONFIG=<file>`.
      """
  )

  @Option(help: "The cluster shape to simulate.")
  var topology = "kubeadm"

  @Option(help: "The port to listen on (default: any free port).")
  var port: Int = 0

  @Option(help: "The address to listen on. Anything but loopback exposes the sandbox to your network.")
  var address = "127.0.0.1"

  @Flag(help: "Serve plain HTTP without authentication instead of TLS with client certificates.")
  var noTLS = false

  @Option(help: "Where to write the kubeconfig (default: the sandbox folder of kubelab's state directory).")
  var kubeconfig: String?

  @Option(
    help: ArgumentHelp(
      "Faults for the next requests, to test clients: status:CODE, close or delay:SECONDS, each with an optional *COUNT.",
      valueName: "list"))
  var faults: String?

  @Flag(help: .hidden)
  var detached = false

  /// Tests shorten how long a node whose kubelet stopped stays Ready (50 s, as kube-controller-manager's).
  @Option(help: .hidden)
  var nodeMonitorGracePeriod: Double = 50

  func validate() throws {
    // A wrong option value is a usage error (64); a sandbox that cannot start for another reason
    // is the cluster's (3).
    guard Topology.builtInNames.contains(topology) else {
      throw ValidationError(
        "unknown topology \"\(topology)\"; the sandbox knows: \(Topology.builtInNames.joined(separator: ", "))")
    }
    if let faults {
      do { _ = try FaultInjector.parse(faults) } catch { throw ValidationError("\(error)") }
    }
  }

  func run() throws {
    try CommandFailure.reporting(serve)
  }

  private func serve() throws {
    TerminationSignal.install()
    let sandbox: Sandbox
    do {
      let engine = ContainerEngines.make(
        root: SandboxRecord.folder + "/containers", nodeTrees: SandboxRecord.folder + "/nodes",
        nodeCommands: .sandboxNodes,
        tools: .current)
      sandbox = try Sandbox(
        options: .init(
          topology: topology, host: address, port: port, tls: !noTLS,
          timing: ControllerTiming(nodeMonitorGracePeriod: nodeMonitorGracePeriod), containerEngine: engine))
      for (fault, count) in try FaultInjector.parse(faults ?? "") { sandbox.server.faults.inject(fault, count: count) }
      try sandbox.start()
    } catch {
      throw CommandFailure(.clusterError, "the sandbox could not start: \(error)")
    }
    let path = kubeconfig ?? SandboxRecord.defaultKubeconfig
    do {
      try sandbox.writeKubeconfig(to: path)
    } catch {
      sandbox.shutdown()
      throw CommandFailure(.localFiles, "cannot write the kubeconfig to \(path): \(error.localizedDescription)")
    }
    guard let startTime = ProcessLiveness.startTime(of: getpid()) else {
      sandbox.shutdown()
      throw CommandFailure(.internalError, "cannot read this process's start time from /proc/self/stat")
    }
    let record = SandboxRecord(
      pid: getpid(), startTime: startTime, url: sandbox.url, kubeconfig: path, topology: topology, detached: detached)
    do {
      try record.write()
    } catch {
      sandbox.shutdown()
      throw CommandFailure(
        .localFiles, "cannot record the sandbox in \(SandboxRecord.path): \(error.localizedDescription)")
    }
    let nodes: SandboxNodeHosting?
    do {
      nodes = try SandboxNodeHosting(
        sandbox: sandbox, folder: URL(fileURLWithPath: SandboxRecord.folder), temporary: false)
    } catch {
      // The API keeps serving; only `kubelab ssh` and the node commands need the trees.
      FileHandle.standardError.write(Data("kubelab sandbox: the nodes' files could not be written: \(error)\n".utf8))
      nodes = nil
    }
    print("Sandbox ready: \(sandbox.url) (kubeconfig: \(path))")
    PrintedOutput.flush()
    TerminationSignal.wait()
    nodes?.shutdown()
    record.remove()
    sandbox.shutdown()
  }
}
