import KubeModel

/// What a write request asked for beyond its body: dry run, field validation and the field manager.
public struct WriteOptions: Sendable {
  public enum FieldValidation: String, Sendable {
    case ignore = "Ignore"
    case warn = "Warn"
    case strict = "Strict"
  }

  public var dryRun = false
  public var fieldValidation: FieldValidation = .warn
  public var fieldManager: String?

  public init(dryRun: Bool = false, fieldValidation: FieldValidation = .warn, fieldManager: String? = nil) {
    self.dryRun = dryRun
    self.fieldValidation = fieldValidation
    self.fieldManager = fieldManager
  }
}

/// How a delete treats the object's dependents and its grace period.
public struct DeleteOptions: Sendable {
  public enum Propagation: String, Sendable {
    case background = "Background"
    case foreground = "Foreground"
    case orphan = "Orphan"
  }

  public var propagation: Propagation?
  public var gracePeriodSeconds: Int?
  public var preconditionUID: String?
  public var preconditionResourceVersion: String?
  public var dryRun = false

  public init(
    propagation: Propagation? = nil, gracePeriodSeconds: Int? = nil, preconditionUID: String? = nil,
    preconditionResourceVersion: String? = nil, dryRun: Bool = false
  ) {
    self.propagation = propagation
    self.gracePeriodSeconds = gracePeriodSeconds
    self.preconditionUID = preconditionUID
    self.preconditionResourceVersion = preconditionResourceVersion
    self.dryRun = dryRun
  }
}

/// The result of a write: the stored object and any warnings for the client's `Warning` header.
public struct WriteResult: Sendable {
  public var object: JSON
  public var warnings: [String] = []
}
