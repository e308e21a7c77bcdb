import KubeModel

/// How kubelab marks what a lab put on a cluster, so that `stop` finds it again and touches nothing
/// else.
public enum LabLabel {
  /// Carried by every object and namespace a lab's setup creates; the value is the lab's id.
  public static let key = "kubelab.io/lab"
  /// The field manager of kubelab's server-side applies.
  public static let fieldManager = "kubelab"

  /// The label selector of one lab's objects.
  public static func selector(lab: String) -> String { "\(key)=\(lab)" }

  /// Whether `object` carries the label of `lab`.
  static func marks(_ object: JSON, lab: String) -> Bool {
    object[path: ["metadata", "labels", key]]?.stringValue == lab
  }
}
