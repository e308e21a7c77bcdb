import Foundation
import KubeModel

/// The apps/v1 workload controllers and ReplicationControllers.
///
/// Counts the real printer sends as Go integers are JSON integers here too, even in columns declared
/// "string" (Deployment's Up-to-date and Available), so the wire form matches the real server's.
enum WorkloadPrinters {
  static let deployments = TablePrinter(
    columns: [
      .name,
      .text("Ready", "Ready pods out of desired pods."),
      .text("Up-to-date", "Pods updated to the latest template."),
      .text("Available", "Pods available to serve."),
      .age,
    ] + TableColumn.containerColumns + [.text("Selector", "Label selector of the deployment's pods.", wide: true)]
  ) { deployment, now in
    // Deployments show an empty selector as "" and a malformed one as "<invalid>", unlike the others.
    let selector = LabelFormatting.requirements(deployment["spec", "selector"]) ?? "<invalid>"
    return [
      .string(deployment.name),
      .string("\(deployment["status", "readyReplicas"].int)/\(desiredReplicas(deployment))"),
      .int(deployment["status", "updatedReplicas"].int), .int(deployment["status", "availableReplicas"].int),
      deployment.age(at: now),
    ] + containerCells(deployment["spec", "template"]) + [.string(selector)]
  }

  static let replicaSets = TablePrinter(columns: replicaColumns) { replicaSet, now in
    replicaCells(replicaSet, now: now) + containerCells(replicaSet["spec", "template"])
      + [.string(LabelFormatting.selector(replicaSet["spec", "selector"]))]
  }

  static let replicationControllers = TablePrinter(columns: replicaColumns) { controller, now in
    replicaCells(controller, now: now) + containerCells(controller["spec", "template"])
      + [.string(LabelFormatting.labels(controller["spec", "selector"].stringMap))]
  }

  static let daemonSets = TablePrinter(
    columns: [
      .name,
      .integer("Desired", "Nodes that should run the daemon pod."),
      .integer("Current", "Nodes running at least one daemon pod."),
      .integer("Ready", "Nodes whose daemon pod is ready."),
      .integer("Up-to-date", "Nodes running the updated daemon pod."),
      .integer("Available", "Nodes whose daemon pod is available."),
      .text("Node Selector", "Node selector of the pod template."),
      .age,
    ] + TableColumn.containerColumns + [.text("Selector", "Label selector of the daemon pods.", wide: true)]
  ) { daemonSet, now in
    let status = daemonSet["status"]
    return [
      .string(daemonSet.name), .int(status["desiredNumberScheduled"].int), .int(status["currentNumberScheduled"].int),
      .int(status["numberReady"].int), .int(status["updatedNumberScheduled"].int), .int(status["numberAvailable"].int),
      .string(LabelFormatting.labels(daemonSet["spec", "template", "spec", "nodeSelector"].stringMap)),
      daemonSet.age(at: now),
    ] + containerCells(daemonSet["spec", "template"])
      + [.string(LabelFormatting.selector(daemonSet["spec", "selector"]))]
  }

  static let statefulSets = TablePrinter(
    columns: [.name, .text("Ready", "Ready pods out of desired pods."), .age] + TableColumn.containerColumns
  ) { statefulSet, now in
    [
      .string(statefulSet.name),
      .string("\(statefulSet["status", "readyReplicas"].int)/\(desiredReplicas(statefulSet))"),
      statefulSet.age(at: now),
    ] + containerCells(statefulSet["spec", "template"])
  }

  static let controllerRevisions = TablePrinter(
    columns: [
      .name,
      .text("Controller", "The controller that owns the revision."),
      .text("Revision", "Revision number of the stored state."),
      .age,
    ]
  ) { revision, now in
    [.string(revision.name), .string(controllerName(revision)), .int(revision["revision"].int), revision.age(at: now)]
  }

  /// The wide Containers and Images cells of a pod template: names and images joined by commas.
  static func containerCells(_ template: PrintedObject) -> [JSON] {
    let containers = template["spec", "containers"].items
    return [
      .string(containers.map { $0["name"].string }.joined(separator: ",")),
      .string(containers.map { $0["image"].string }.joined(separator: ",")),
    ]
  }

  private static let replicaColumns: [TableColumn] =
    [
      .name,
      .integer("Desired", "Desired number of pods."),
      .integer("Current", "Pods that currently exist."),
      .integer("Ready", "Pods that are ready."),
      .age,
    ] + TableColumn.containerColumns + [.text("Selector", "Label selector of the managed pods.", wide: true)]

  private static func replicaCells(_ object: PrintedObject, now: Date) -> [JSON] {
    [
      .string(object.name), .int(desiredReplicas(object)), .int(object["status", "replicas"].int),
      .int(object["status", "readyReplicas"].int), object.age(at: now),
    ]
  }

  // The API server defaults spec.replicas to 1, so an absent field means one replica.
  private static func desiredReplicas(_ object: PrintedObject) -> Int {
    object["spec", "replicas"].optionalInt ?? 1
  }

  /// `kind.group/name` of the controlling owner (`daemonset.apps/kube-proxy`), `<none>` without one.
  private static func controllerName(_ object: PrintedObject) -> String {
    guard let owner = object["metadata", "ownerReferences"].items.first(where: { $0["controller"].bool }) else {
      return "<none>"
    }
    let apiVersion = owner["apiVersion"].string
    let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
    let kind = owner["kind"].string
    guard !kind.isEmpty || !group.isEmpty else { return owner["name"].string }
    let groupKind = group.isEmpty ? kind : "\(kind).\(group)"
    return groupKind.lowercased() + "/" + owner["name"].string
  }
}
