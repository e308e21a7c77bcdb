import KubeModel

/// How a delete proceeds: what happens to dependents, and how long pods get to stop.
public struct DeleteOptions: Sendable, Equatable {
  public enum PropagationPolicy: String, Sendable {
    /// Delete now; the garbage collector removes dependents afterwards (kubectl's default).
    case background = "Background"
    /// Delete dependents first, then the object.
    case foreground = "Foreground"
    /// Leave dependents, removing their owner references.
    case orphan = "Orphan"
  }

  public var propagationPolicy: PropagationPolicy?
  /// Seconds a pod gets to shut down; 0 deletes at once.
  public var gracePeriodSeconds: Int?

  public init(propagationPolicy: PropagationPolicy? = nil, gracePeriodSeconds: Int? = nil) {
    self.propagationPolicy = propagationPolicy
    self.gracePeriodSeconds = gracePeriodSeconds
  }

  /// The `DeleteOptions` body kubectl sends.
  var body: JSON {
    var object: JSON = ["kind": "DeleteOptions", "apiVersion": "v1"]
    if let propagationPolicy { object["propagationPolicy"] = .string(propagationPolicy.rawValue) }
    if let gracePeriodSeconds { object["gracePeriodSeconds"] = .int(gracePeriodSeconds) }
    return object
  }
}
