/// Several kubeconfig files seen as one, by client-go's rules: for named clusters, users and contexts
/// the first file to define a name wins (its entry is taken whole, never mixed with later ones), and
/// `current-context` comes from the first file that sets it.
struct MergedKubeconfig: Sendable {
  let files: [KubeconfigFile]
  private(set) var clusters: [String: KubeconfigSection] = [:]
  private(set) var users: [String: KubeconfigSection] = [:]
  private(set) var contexts: [String: KubeconfigSection] = [:]
  /// The name and the file whose `current-context` is used.
  private(set) var currentContext: (name: String, file: KubeconfigFile)?

  init(files: [KubeconfigFile]) throws {
    self.files = files
    for file in files {
      try Self.addNew(from: file.namedEntries(list: "clusters", body: "cluster"), to: &clusters)
      try Self.addNew(from: file.namedEntries(list: "users", body: "user"), to: &users)
      try Self.addNew(from: file.namedEntries(list: "contexts", body: "context"), to: &contexts)
      if currentContext == nil, let name = try file.topLevel.string("current-context") {
        currentContext = (name, file)
      }
    }
  }

  /// The files read, for messages: `a, b`.
  var fileList: String { files.map(\.path).joined(separator: ", ") }

  private static func addNew(
    from entries: [(name: String, section: KubeconfigSection)], to merged: inout [String: KubeconfigSection]
  ) {
    for (name, section) in entries where merged[name] == nil {
      merged[name] = section
    }
  }
}
