/// The resources lab files may name: the ones the sandbox serves, so that a lab that passes lint
/// runs on the sandbox. Lab files are checked against it without a cluster, and checks are turned
/// into REST paths without discovery.
///
/// The table itself (`builtIn`, ResourceCatalog+Served.swift) is generated from KubeSim's
/// Data/resources.json by scripts/generate-resource-catalog.py: LabKit does not import KubeSim,
/// and a Swift table is type-checked and needs no file I/O that could fail at grading time.
public enum ResourceCatalog {
  /// The resource a name denotes, as kubectl resolves `kubectl get <name>`: plural, singular, kind
  /// or short name, case-insensitively, optionally qualified by its group (`deployments.apps`).
  public static func resolve(_ name: String) -> ResourceType? {
    let lowered = name.lowercased()
    if let match = builtIn.first(where: { $0.names.contains { $0.lowercased() == lowered } }) { return match }
    guard let dot = lowered.firstIndex(of: ".") else { return nil }
    let (base, group) = (lowered[..<dot], lowered[lowered.index(after: dot)...])
    return builtIn.first { $0.group == group && $0.names.contains { $0.lowercased() == base } }
  }

  /// Every accepted spelling, for "did you mean" suggestions.
  static var allNames: [String] { builtIn.flatMap { [$0.plural, $0.singular] + $0.shortNames } }
}
