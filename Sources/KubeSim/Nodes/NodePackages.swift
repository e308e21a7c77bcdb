import Synchronization

/// The Kubernetes packages installed on each node (kubeadm, kubelet, kubectl, as Debian versions
/// like `1.33.1-1.1`) and what apt knows about them. A node starts with the packages of its
/// kubelet's release, held, as the kubeadm install guide leaves them.
public final class NodePackages: Sendable {
  public static let kubernetesPackages = ["kubeadm", "kubelet", "kubectl"]

  public struct State: Sendable, Equatable {
    /// Debian version by package name.
    public var installed: [String: String]
    /// Packages `apt-mark hold` pinned.
    public var held: Set<String>
    /// The pkgs.k8s.io minor series (`v1.33`) the package lists were last read for by
    /// `apt-get update`; nil before the first update.
    public var updatedSeries: String?

    public init(installed: [String: String], held: Set<String>, updatedSeries: String? = nil) {
      self.installed = installed
      self.held = held
      self.updatedSeries = updatedSeries
    }
  }

  private let states = Mutex<[String: State]>([:])

  public init() {}

  /// The node's packages; `initial` describes a node seen for the first time.
  public func state(of node: String, initial: () -> State) -> State {
    states.withLock { states in
      if let state = states[node] { return state }
      let state = initial()
      states[node] = state
      return state
    }
  }

  public func change(_ node: String, initial: () -> State, _ change: (inout State) -> Void) {
    states.withLock { states in
      var state = states[node] ?? initial()
      change(&state)
      states[node] = state
    }
  }
}
