import Foundation
import KubeSim
import LabKit
import Synchronization

/// The labs the page can start and the ones it started. With `--sandbox` each started lab gets an
/// in-process sandbox of its own topology; otherwise labs go to the kubeconfig's cluster.
final class WebLabs: Sendable {
  let options: LabOptions
  let workdir: String
  let terminals: TerminalRegistry
  private let started = Mutex<[String: WebLab]>([:])

  init(options: LabOptions, workdir: String, terminals: TerminalRegistry) {
    self.options = options
    self.workdir = workdir
    self.terminals = terminals
  }

  /// The library with each lab's last recorded score on the cluster the page uses, and whether
  /// this server runs it.
  func list() -> [LabListing] {
    let store = LabSessionContext.store
    let cluster = clusterName
    return options.library.ids().map { id in
      let summary = LabSummary(library: options.library, id: id)
      var lastScore: Double?
      if let cluster, let loaded = try? options.library.load(id),
        let session = try? store.load(cluster: cluster, lab: id), !session.scores.isEmpty
      {
        lastScore = SessionStatus(session: session, loaded: loaded, now: Date()).percent
      }
      return LabListing(summary: summary, lastScore: lastScore, phase: lab(id)?.phase)
    }
  }

  func lab(_ id: String) -> WebLab? { started.withLock { $0[id] } }

  /// Starts provisioning a lab in the background, once: starting it again returns the same lab.
  func start(_ id: String) throws -> WebLab {
    let loaded: LoadedLab
    do {
      loaded = try options.library.load(id)
    } catch {
      throw WebError.notFound("\(error)")
    }
    let (lab, isNew) = started.withLock { started -> (WebLab, Bool) in
      if let existing = started[id], existing.phase != .failed { return (existing, false) }
      let lab = WebLab(loaded: loaded)
      started[id] = lab
      return (lab, true)
    }
    if isNew { Task { await provision(lab) } }
    return lab
  }

  /// Ends every terminal and every sandbox: the server stops.
  func shutdown() {
    terminals.endAll()
    for lab in started.withLock({ Array($0.values) }) { lab.sandbox?.shutdown() }
  }

  private func provision(_ lab: WebLab) async {
    do {
      let connection: ClusterConnection
      if options.sandbox {
        lab.record(progress: "starting a \(lab.loaded.lab.topology.rawValue) sandbox")
        let sandbox = try InProcessSandbox(topology: lab.loaded.lab.topology.rawValue)
        lab.record(sandbox: sandbox)
        connection = ClusterConnection(cluster: sandbox.cluster, sandbox: nil)
        FileHandle.standardError.write(
          Data(
            "\(lab.loaded.id): kubectl in another shell reaches its sandbox with: export KUBECONFIG=\(sandbox.kubeconfigPath)\n"
              .utf8))
      } else {
        connection = try ClusterConnection.existing(options)
      }
      let context = LabSessionContext(loaded: lab.loaded, connection: connection, store: LabSessionContext.store)
      _ = try await LabLauncher(loaded: lab.loaded, cluster: connection.cluster, store: context.store)
        .launch(workdir: workdir) { lab.record(progress: $0.description) }
      lab.ready(context)
    } catch {
      lab.failed("\(error)")
    }
  }

  /// The cluster name sessions are filed under: the sandbox's, or the kubeconfig's.
  private var clusterName: String? {
    if options.sandbox { return Sandbox.contextName }
    return try? ClusterConnection.existing(options).cluster.name
  }
}

/// A lab in the page's list.
struct LabListing: Encodable {
  var summary: LabSummary
  /// The percentage of the last recorded attempt on this cluster.
  var lastScore: Double?
  /// Set once this server started it.
  var phase: WebLab.Phase?
}
