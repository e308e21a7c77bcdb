import Foundation
import KubeModel
import Synchronization

/// Whether each control-plane component can run, judged from its static pod's manifest as the
/// component itself would at start: an unknown flag, or a certificate, key or kubeconfig path that
/// is not on the node, makes it exit with the error the real binary prints. A component whose
/// manifest is gone (or does not parse) is down too.
public final class ControlPlaneHealth: Sendable {
  public enum Component: String, CaseIterable, Sendable {
    case etcd
    case apiServer = "kube-apiserver"
    case controllerManager = "kube-controller-manager"
    case scheduler = "kube-scheduler"
  }

  /// Flags beyond those kubeadm writes that a learner may add and the component accepts.
  static let extraFlags: [Component: Set<String>] = [
    .apiServer: [
      "v", "feature-gates", "audit-log-path", "audit-policy-file", "audit-log-maxage", "audit-log-maxbackup",
      "audit-log-maxsize", "encryption-provider-config", "runtime-config", "admission-control-config-file",
      "service-node-port-range", "profiling", "anonymous-auth", "token-auth-file", "disable-admission-plugins",
      "bind-address", "insecure-port", "oidc-issuer-url", "oidc-client-id", "event-ttl",
    ],
    .controllerManager: [
      "v", "feature-gates", "node-monitor-grace-period", "terminated-pod-gc-threshold", "profiling",
    ],
    .scheduler: ["v", "feature-gates", "config", "profiling"],
    .etcd: [
      "log-level", "logger", "auto-compaction-retention", "quota-backend-bytes", "heartbeat-interval",
      "election-timeout",
    ],
  ]

  private let state = Mutex(State())

  private struct State {
    /// Per component, per node that runs it: its error, or nil while it runs. On the HA topology
    /// every control-plane node runs its own copy, with flags of its own.
    var states: [Component: [String: String?]] = [:]
    var knownFlags: [String: Set<String>] = [:]
    var changed: @Sendable (Component, Bool) -> Void = { _, _ in }
  }

  /// Told whenever a component goes down or comes back (on the thread that noticed).
  var changed: @Sendable (Component, Bool) -> Void {
    get { state.withLock { $0.changed } }
    set { state.withLock { $0.changed = newValue } }
  }

  init() {}

  /// The error a component exits with, or nil while it runs on some node (or nothing judged it yet).
  public func failure(_ component: Component) -> String? {
    state.withLock { Self.failure(of: $0.states[component] ?? [:]) }
  }

  private static func failure(of nodes: [String: String?]) -> String? {
    guard !nodes.values.contains(where: { $0 == nil }) else { return nil }
    return nodes.sorted { $0.key < $1.key }.first?.value ?? nil
  }

  public func isUp(_ component: Component) -> Bool { failure(component) == nil }

  /// The failure of the component a pod runs, when it is a failing control-plane pod.
  func failure(forPod pod: JSON) -> String? {
    guard let component = Self.component(of: pod) else { return nil }
    let node = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
    return state.withLock { $0.states[component]?[node] ?? nil }
  }

  /// Judges a control-plane pod's manifest about to run on `node`.
  func review(_ pod: JSON, node: String, trees: NodeTrees, now: Date) {
    guard let component = Self.component(of: pod) else { return }
    let words = (pod[path: ["spec", "containers"]]?.arrayValue?.first?["command"]?.arrayValue ?? []).compactMap(
      \.stringValue)
    let flags = words.dropFirst().filter { $0.hasPrefix("--") }.map { flag -> (String, String) in
      let body = flag.dropFirst(2)
      let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
      return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }
    let known = state.withLock { state -> Set<String> in
      // The manifest kubeadm wrote on this node is the first one seen: its flags are the component's own.
      let key = component.rawValue + "@" + node
      if state.knownFlags[key] == nil { state.knownFlags[key] = Set(flags.map(\.0)) }
      return state.knownFlags[key, default: []].union(Self.extraFlags[component] ?? [])
    }
    var failure: String?
    if let unknown = flags.first(where: { !known.contains($0.0) }) {
      failure = "Error: unknown flag: --\(unknown.0)"
    } else if let missing = flags.first(where: {
      Self.namesFile($0.1) && !FileManager.default.fileExists(atPath: trees.hostPath($0.1, on: node).path)
    }) {
      failure = Self.missingFileMessage(component, flag: missing.0, path: missing.1, now: now)
    }
    set(component, on: node, failure)
  }

  /// A component's pod is gone: nothing runs it on that node.
  func removed(_ pod: JSON) {
    guard let component = Self.component(of: pod) else { return }
    let node = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
    set(component, on: node, "the static pod manifest of \(component.rawValue) is gone")
  }

  private func set(_ component: Component, on node: String, _ failure: String?) {
    let (before, after, changed) = state.withLock { state in
      let before = Self.failure(of: state.states[component] ?? [:])
      state.states[component, default: [:]][node] = .some(failure)
      return (before, Self.failure(of: state.states[component] ?? [:]), state.changed)
    }
    if (before == nil) != (after == nil) { changed(component, after == nil) }
  }

  private static func namesFile(_ value: String) -> Bool {
    value.hasPrefix("/") && [".crt", ".key", ".pub", ".conf", ".pem"].contains { value.hasSuffix($0) }
  }

  /// The line the component logs before it exits: klog's for the Kubernetes binaries, zap's for etcd.
  private static func missingFileMessage(_ component: Component, flag: String, path: String, now: Date) -> String {
    let open = "open \(path): no such file or directory"
    let failed = { (error: String) in
      NodeServices.klog("E", now, 1, "run.go:72", "\"command failed\" err=\"\(error)\"")
    }
    switch (component, flag) {
    case (.apiServer, "client-ca-file"): return failed("unable to load client CA provider: \(open)")
    case (.etcd, _):
      return "{\"level\":\"fatal\",\"ts\":\"\(APITimestamp.string(now))\",\"caller\":\"etcdmain/etcd.go:204\","
        + "\"msg\":\"discovery failed\",\"error\":\"\(open)\"}"
    default: return failed(open)
    }
  }

  static func component(of pod: JSON) -> Component? {
    guard pod[path: ["metadata", "labels", "tier"]]?.stringValue == "control-plane",
      let name = pod[path: ["metadata", "labels", "component"]]?.stringValue
    else { return nil }
    return Component(rawValue: name)
  }
}
