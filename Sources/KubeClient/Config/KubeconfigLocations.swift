/// Which kubeconfig files to read, in kubectl's order: an explicit `--kubeconfig` path, else the
/// files `KUBECONFIG` lists, else `~/.kube/config`.
struct KubeconfigLocations: Sendable, Equatable {
  enum Source: Sendable, Equatable {
    /// `--kubeconfig`: the file must exist.
    case explicit
    /// `KUBECONFIG`: files that do not exist are skipped.
    case environment
    case home
  }

  let paths: [String]
  let source: Source

  init(explicitPath: String?, environment: [String: String], homeDirectory: String) {
    if let explicitPath, !explicitPath.isEmpty {
      paths = [explicitPath]
      source = .explicit
    } else if let list = environment["KUBECONFIG"], !list.isEmpty {
      // Empty entries are ignored and a path listed twice is read once, as client-go does.
      var unique: [String] = []
      for path in list.split(separator: ":").map(String.init) where !unique.contains(path) {
        unique.append(path)
      }
      paths = unique
      source = .environment
    } else {
      paths = [homeDirectory + "/.kube/config"]
      source = .home
    }
  }

  /// Where the paths came from, for messages.
  var origin: String {
    switch source {
    case .explicit: return "--kubeconfig"
    case .environment: return "KUBECONFIG"
    case .home: return "the default location"
    }
  }
}
