import Foundation
import KubeModel
import Synchronization

/// The systemd side of every sandbox node: the kubelet and containerd services, their journal,
/// and what starting one means. `systemctl` and `journalctl` on a node act on this; the simulated
/// kubelet of a node runs only while its service is active, and a kubelet whose files are broken
/// exits at start and is restarted by systemd until they are fixed.
public final class NodeServices: Sendable {
  public static let unitNames = ["containerd", "kubelet"]
  static let descriptions = [
    "kubelet": "kubelet: The Kubernetes Node Agent", "containerd": "containerd container runtime",
  ]
  /// systemd's RestartSec=10 for the kubelet, compressed like the rest of the sandbox's time.
  static let restartDelay: TimeInterval = 2

  private let cluster: Cluster
  private let state = Mutex(State())

  private struct State {
    var units: [String: [String: SystemdUnit]] = [:]
    var journals: [String: [JournalEntry]] = [:]
    var followers: [UUID: (node: String, unit: String?, continuation: AsyncStream<JournalEntry>.Continuation)] = [:]
    var nextPID = 1000
    var trees: NodeTrees?
    var kubeletChanged: @Sendable (String) -> Void = { _ in }
  }

  /// Told (on the cluster's queue) whenever a node's kubelet starts running or stops.
  var kubeletChanged: @Sendable (String) -> Void {
    get { state.withLock { $0.kubeletChanged } }
    set { state.withLock { $0.kubeletChanged = newValue } }
  }

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  /// The nodes' files are in place: the kubelets check them from now on.
  func attach(_ trees: NodeTrees) {
    state.withLock { $0.trees = trees }
  }

  public func unit(_ name: String, on node: String) -> SystemdUnit? {
    let base = Self.baseName(name)
    guard Self.unitNames.contains(base) else { return nil }
    return state.withLock { units(of: node, in: &$0)[base] }
  }

  public func start(_ name: String, on node: String) {
    let base = Self.baseName(name)
    guard let unit = unit(base, on: node), !unit.isRunning else { return }
    launch(base, on: node)
  }

  public func stop(_ name: String, on node: String) {
    let base = Self.baseName(name)
    guard let unit = unit(base, on: node), unit.state != .stopped else { return }
    let now = cluster.now()
    let description = Self.descriptions[base] ?? base
    log(node, base, "systemd", 1, "Stopping \(description)...")
    state.withLock { state in
      var units = units(of: node, in: &state)
      units[base]?.lastExit = (unit.mainPID, 0)
      units[base]?.state = .stopped
      units[base]?.since = now
      state.units[node] = units
    }
    if unit.isRunning { log(node, base, "systemd", 1, "\(base).service: Deactivated successfully.") }
    log(node, base, "systemd", 1, "Stopped \(description).")
    notify(base, node)
  }

  public func restart(_ name: String, on node: String) {
    let base = Self.baseName(name)
    guard unit(base, on: node) != nil else { return }
    stop(base, on: node)
    launch(base, on: node)
  }

  /// Sets whether the unit starts at boot; returns false when it already did (or did not).
  @discardableResult
  public func setEnabled(_ name: String, on node: String, _ enabled: Bool) -> Bool {
    let base = Self.baseName(name)
    return state.withLock { state in
      var units = units(of: node, in: &state)
      guard units[base] != nil, units[base]?.enabled != enabled else { return false }
      units[base]?.enabled = enabled
      state.units[node] = units
      return true
    }
  }

  /// The journal of a node, oldest first; only `unit`'s lines when given.
  public func journal(on node: String, unit: String? = nil) -> [JournalEntry] {
    let base = unit.map(Self.baseName)
    return state.withLock { state in
      _ = units(of: node, in: &state)
      return (state.journals[node] ?? []).filter { base == nil || $0.unit == base }
    }
  }

  /// The lines logged from now on, until the stream's consumer stops.
  public func follow(on node: String, unit: String? = nil) -> AsyncStream<JournalEntry> {
    let base = unit.map(Self.baseName)
    let (stream, continuation) = AsyncStream<JournalEntry>.makeStream()
    let id = UUID()
    state.withLock { $0.followers[id] = (node, base, continuation) }
    continuation.onTermination = { [weak self] _ in self?.state.withLock { $0.followers[id] = nil } }
    return stream
  }

  /// The command line a unit's process runs with, as `systemctl status` shows it in CGroup.
  public func commandLine(of name: String, on node: String) -> String {
    switch Self.baseName(name) {
    case "kubelet":
      guard let trees = state.withLock({ $0.trees }) else { return "/usr/bin/kubelet" }
      return (["/usr/bin/kubelet"] + KubeletStartup(trees: trees, node: node).commandLine()).joined(separator: " ")
    default: return "/usr/bin/containerd"
    }
  }

  /// The kubelet's static pod folder on `node` while it runs, as its config says.
  func staticPodPath(on node: String) -> String? {
    guard let trees = state.withLock({ $0.trees }), unit("kubelet", on: node)?.isRunning == true else { return nil }
    if case .started(let path) = KubeletStartup(trees: trees, node: node).start() {
      return path ?? KubeletStartup.defaultStaticPodPath
    }
    return nil
  }

  /// Appends a kubelet log line in klog's format (`E0410 02:55:51.123456   10423 file.go:187] …`).
  func kubeletLog(_ node: String, severity: Character, location: String, _ message: String) {
    guard let unit = unit("kubelet", on: node), unit.isRunning else { return }
    log(node, "kubelet", "kubelet", unit.mainPID, Self.klog(severity, cluster.now(), unit.mainPID, location, message))
  }

  public static func klog(_ severity: Character, _ date: Date, _ pid: Int, _ location: String, _ message: String)
    -> String
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.month, .day, .hour, .minute, .second, .nanosecond], from: date)
    let stamp = String(
      format: "%02d%02d %02d:%02d:%02d.%06d", parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0,
      parts.second ?? 0, (parts.nanosecond ?? 0) / 1000)
    return "\(severity)\(stamp) \(String(format: "%7d", pid)) \(location)] \(message)"
  }

  // MARK: starting a service

  private func launch(_ base: String, on node: String) {
    let pid = state.withLock { state in
      state.nextPID += Int.random(in: 1...400)
      return state.nextPID
    }
    let description = Self.descriptions[base] ?? base
    log(node, base, "systemd", 1, "Started \(description).")
    var failure: String?
    if base == "kubelet", let trees = state.withLock({ $0.trees }) {
      if unit("containerd", on: node)?.isRunning == false {
        failure =
          "failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "
          + "\\\"unix:///var/run/containerd/containerd.sock\\\": rpc error: code = Unavailable desc = connection error: "
          + "desc = \\\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: "
          + "no such file or directory\\\""
      } else if case .failed(let message) = KubeletStartup(trees: trees, node: node).start() {
        failure = message.replacingOccurrences(of: "\"", with: "\\\"")
      }
    }
    let now = cluster.now()
    state.withLock { state in
      var units = units(of: node, in: &state)
      units[base]?.mainPID = pid
      units[base]?.since = now
      if failure == nil {
        units[base]?.state = .running
      } else {
        units[base]?.state = .autoRestart(exitStatus: 1)
        units[base]?.lastExit = (pid, 1)
      }
      state.units[node] = units
    }
    if let failure {
      log(node, base, base, pid, Self.klog("E", now, pid, "run.go:72", "\"command failed\" err=\"\(failure)\""))
      log(node, base, "systemd", 1, "\(base).service: Main process exited, code=exited, status=1/FAILURE")
      log(node, base, "systemd", 1, "\(base).service: Failed with result 'exit-code'.")
      scheduleRestart(base, on: node, pid: pid)
    } else if base == "kubelet" {
      // The kubelet binary that starts is the one installed now (`apt-get install kubelet=…`).
      cluster.restartKubelet(node: node)
    }
    notify(base, node)
  }

  /// Restart=always: systemd tries again after RestartSec, so fixing the file is enough.
  private func scheduleRestart(_ base: String, on node: String, pid: Int) {
    cluster.schedule(after: Self.restartDelay) { [weak self] in
      guard let self, let unit = self.unit(base, on: node), case .autoRestart = unit.state, unit.mainPID == pid
      else { return }
      let count = self.state.withLock { state in
        var units = self.units(of: node, in: &state)
        units[base]?.restarts += 1
        state.units[node] = units
        return units[base]?.restarts ?? 1
      }
      self.log(node, base, "systemd", 1, "\(base).service: Scheduled restart job, restart counter is at \(count).")
      self.launch(base, on: node)
    }
  }

  private func notify(_ base: String, _ node: String) {
    guard base == "kubelet" || base == "containerd" else { return }
    cluster.queue.async { [weak self] in self?.kubeletChanged(node) }
  }

  /// Units of a node, made running on first use (the node booted with the sandbox).
  private func units(of node: String, in state: inout State) -> [String: SystemdUnit] {
    if let existing = state.units[node] { return existing }
    let boot = cluster.now().addingTimeInterval(-10 * 60)
    var made: [String: SystemdUnit] = [:]
    for name in Self.unitNames {
      state.nextPID += Int.random(in: 100...900)
      made[name] = SystemdUnit(
        name: name, description: Self.descriptions[name] ?? name, since: boot, mainPID: state.nextPID)
    }
    state.units[node] = made
    let kubelet = made["kubelet"]?.mainPID ?? 1
    let containerd = made["containerd"]?.mainPID ?? 1
    func kubeletLine(_ seconds: TimeInterval, _ location: String, _ message: String) -> JournalEntry {
      let date = boot.addingTimeInterval(seconds)
      return JournalEntry(
        date: date, unit: "kubelet", identifier: "kubelet", pid: kubelet,
        message: Self.klog("I", date, kubelet, location, message))
    }
    // What a node's journal holds after boot: systemd starting both, their first lines.
    state.journals[node] = [
      JournalEntry(
        date: boot, unit: "containerd", identifier: "systemd", pid: 1, message: "Started containerd container runtime."),
      JournalEntry(
        date: boot, unit: "containerd", identifier: "containerd", pid: containerd,
        message: "time=\"\(APITimestamp.string(boot))\" level=info msg=\"containerd successfully booted in 0.051s\""),
      JournalEntry(
        date: boot, unit: "kubelet", identifier: "systemd", pid: 1,
        message: "Started kubelet: The Kubernetes Node Agent."),
      kubeletLine(0.2, "server.go:530", "\"Kubelet version\" kubeletVersion=\"v1.33.1\""),
      kubeletLine(0.3, "server.go:956", "\"Client rotation is on, will bootstrap in background\""),
      kubeletLine(0.9, "kubelet.go:2418", "\"Starting kubelet main sync loop\""),
      kubeletLine(1.4, "kubelet_node_status.go:75", "\"Attempting to register node\" node=\"\(node)\""),
      kubeletLine(1.5, "kubelet_node_status.go:78", "\"Successfully registered node\" node=\"\(node)\""),
    ]
    return made
  }

  private func log(_ node: String, _ unit: String, _ identifier: String, _ pid: Int, _ message: String) {
    let entry = JournalEntry(date: cluster.now(), unit: unit, identifier: identifier, pid: pid, message: message)
    let listeners = state.withLock { state in
      _ = units(of: node, in: &state)
      state.journals[node, default: []].append(entry)
      return state.followers.values.filter { $0.node == node && ($0.unit == nil || $0.unit == unit) }.map(
        \.continuation)
    }
    for listener in listeners { listener.yield(entry) }
  }

  /// `kubelet.service` and `kubelet` name the same unit.
  static func baseName(_ name: String) -> String {
    name.hasSuffix(".service") ? String(name.dropLast(".service".count)) : name
  }
}
