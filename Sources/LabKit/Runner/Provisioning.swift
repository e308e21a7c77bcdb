import KubeModel

/// What one `start` made, kept in the session so that a failed start can be undone and `stop` knows
/// which workdir files are the lab's.
public struct Provisioning: Codable, Sendable, Equatable {
  /// An object on the cluster, as `kubectl` names it.
  public struct Object: Codable, Sendable, Hashable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String

    public init(apiVersion: String, kind: String, namespace: String?, name: String) {
      self.apiVersion = apiVersion
      self.kind = kind
      self.namespace = namespace
      self.name = name
    }

    /// `Deployment web in namespace shop`.
    public var description: String {
      "\(kind) \(name)" + (namespace.map { " in namespace \($0)" } ?? "")
    }
  }

  /// A workdir file as it was copied, so that `stop` removes it only when the learner left it alone.
  public struct CopiedFile: Codable, Sendable, Equatable {
    /// The absolute path of the copy.
    public var path: String
    public var checksum: String

    public init(path: String, checksum: String) {
      self.path = path
      self.checksum = checksum
    }
  }

  public var lab: String
  /// Namespaces this start created (an existing namespace is never listed).
  public var namespaces: [String] = []
  /// Objects this start created, in the order it created them (objects it updated are not listed).
  public var objects: [Object] = []
  public var files: [CopiedFile] = []
  /// Folders made to hold copied files, outermost first; `stop` removes them when empty.
  public var directories: [String] = []

  public init(lab: String) {
    self.lab = lab
  }
}

/// What a `stop` removed, and what it left on purpose.
public struct Teardown: Sendable, Equatable {
  public var deletedObjects: [Provisioning.Object] = []
  public var deletedNamespaces: [String] = []
  public var removedFiles: [String] = []
  /// Copied files the learner changed: they are theirs now.
  public var keptFiles: [String] = []

  public init() {}
}
