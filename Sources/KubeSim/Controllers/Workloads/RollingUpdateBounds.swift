import KubeModel

/// How far a rolling update may go above and below the desired replica count: `maxSurge` and
/// `maxUnavailable` as integers or percentages of the desired count (surge rounds up, unavailable
/// rounds down). Both zero would never progress, so unavailable becomes 1 then.
struct RollingUpdateBounds: Equatable {
  var maxSurge: Int
  var maxUnavailable: Int

  init(maxSurge: Int, maxUnavailable: Int) {
    self.maxSurge = maxSurge
    self.maxUnavailable = maxUnavailable
  }

  init(maxSurge surge: JSON?, maxUnavailable unavailable: JSON?, desired: Int) {
    maxSurge = Self.scaled(surge, of: desired, roundingUp: true)
    maxUnavailable = Self.scaled(unavailable, of: desired, roundingUp: false)
    if maxSurge == 0 && maxUnavailable == 0 { maxUnavailable = 1 }
    maxUnavailable = min(maxUnavailable, desired)
  }

  /// The bounds of a Deployment; Recreate (or zero replicas) allows neither surge nor unavailability.
  init(deployment: JSON) {
    let desired = deployment[path: ["spec", "replicas"]]?.intValue ?? 1
    guard deployment[path: ["spec", "strategy", "type"]]?.stringValue ?? "RollingUpdate" == "RollingUpdate" else {
      self.init(maxSurge: 0, maxUnavailable: 0)
      return
    }
    let rolling = deployment[path: ["spec", "strategy", "rollingUpdate"]]
    self.init(
      maxSurge: rolling?["maxSurge"] ?? "25%", maxUnavailable: rolling?["maxUnavailable"] ?? "25%", desired: desired)
    if desired == 0 { maxUnavailable = 0 }
  }

  /// An IntOrString value: an integer as it is, "N%" as that share of `total`; anything else is 0
  /// (validation rejects it before it is stored).
  static func scaled(_ value: JSON?, of total: Int, roundingUp: Bool) -> Int {
    if let number = value?.intValue { return max(number, 0) }
    guard let text = value?.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()), percent >= 0 else {
      return 0
    }
    let product = percent * total
    return roundingUp ? (product + 99) / 100 : product / 100
  }
}
