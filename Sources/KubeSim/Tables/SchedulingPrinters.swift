import Foundation
import KubeModel

/// Objects that steer how many pods run and which may be evicted: HorizontalPodAutoscalers,
/// PodDisruptionBudgets, PriorityClasses.
enum SchedulingPrinters {
  static let horizontalPodAutoscalers = TablePrinter(
    columns: [
      .name,
      .text("Reference", "The scaled object, as kind/name."),
      .text("Targets", "Current and target values of the metrics."),
      .text("MinPods", "Lower bound of the replica count."),
      .text("MaxPods", "Upper bound of the replica count."),
      .text("Replicas", "Current replica count."),
      .age,
    ]
  ) { autoscaler, now in
    let spec = autoscaler["spec"]
    // The API server defaults minReplicas to 1.
    let minPods = spec["minReplicas"].optionalInt ?? 1
    return [
      .string(autoscaler.name),
      .string("\(spec["scaleTargetRef", "kind"].string)/\(spec["scaleTargetRef", "name"].string)"),
      .string(HPAMetrics.targets(autoscaler)), .string(String(minPods)), .int(spec["maxReplicas"].int),
      .int(autoscaler["status", "currentReplicas"].int), autoscaler.age(at: now),
    ]
  }

  static let podDisruptionBudgets = TablePrinter(
    columns: [
      .name,
      .text("Min Available", "Pods that must stay available."),
      .text("Max Unavailable", "Pods that may be unavailable."),
      .integer("Allowed Disruptions", "Pods that may be evicted right now."),
      .age,
    ]
  ) { budget, now in
    let spec = budget["spec"]
    return [
      .string(budget.name), .string(spec["minAvailable"].isSet ? spec["minAvailable"].intOrString : "N/A"),
      .string(spec["maxUnavailable"].isSet ? spec["maxUnavailable"].intOrString : "N/A"),
      .int(budget["status", "disruptionsAllowed"].int), budget.age(at: now),
    ]
  }

  static let priorityClasses = TablePrinter(
    columns: [
      .name,
      .integer("Value", "Priority of pods using the class."),
      .boolean("Global-Default", "Whether pods without a class get this one."),
      .age,
      .text("PreemptionPolicy", "Whether pods of the class may preempt lower-priority pods."),
    ]
  ) { priorityClass, now in
    // The API server defaults preemptionPolicy to PreemptLowerPriority.
    [
      .string(priorityClass.name), .int(priorityClass["value"].int), .bool(priorityClass["globalDefault"].bool),
      priorityClass.age(at: now),
      .string(priorityClass["preemptionPolicy"].optionalString ?? "PreemptLowerPriority"),
    ]
  }
}

/// The TARGETS cell of an autoscaler: `cpu: 45%/80%`, `<unknown>/500m (avg)`, at most two then `+ N more...`.
enum HPAMetrics {
  static func targets(_ autoscaler: PrintedObject) -> String {
    let spec = autoscaler["spec"]
    // autoscaling/v1 objects carry a single CPU utilization target instead of a metrics list.
    if let cpuTarget = spec["targetCPUUtilizationPercentage"].optionalInt {
      let current = autoscaler["status", "currentCPUUtilizationPercentage"].optionalInt.map { "\($0)%" }
      return "cpu: \(current ?? "<unknown>")/\(cpuTarget)%"
    }
    let specs = spec["metrics"].items
    guard !specs.isEmpty else { return "<none>" }
    let statuses = autoscaler["status", "currentMetrics"].items
    let entries = specs.enumerated().map { index, metric in
      describe(metric, status: index < statuses.count ? statuses[index] : nil)
    }
    let limit = 2
    let text = entries.prefix(limit).joined(separator: ", ")
    return entries.count > limit ? "\(text) + \(entries.count - limit) more..." : text
  }

  private static func describe(_ metric: PrintedObject, status: PrintedObject?) -> String {
    switch metric["type"].string {
    case "External": return valueOrAverage(metric["external"], status: status?["external"])
    case "Object": return valueOrAverage(metric["object"], status: status?["object"])
    case "Pods":
      let current = status.map { quantityOrNil($0["pods", "current", "averageValue"]) } ?? "<unknown>"
      return "\(current)/\(quantityOrNil(metric["pods", "target", "averageValue"]))"
    case "Resource": return resource(metric["resource"], status: status?["resource"])
    case "ContainerResource": return resource(metric["containerResource"], status: status?["containerResource"])
    default: return "<unknown type>"
    }
  }

  private static func valueOrAverage(_ source: PrintedObject, status: PrintedObject?) -> String {
    let target = source["target"]
    if target["averageValue"].isSet {
      let average = status?["current", "averageValue"]
      let current = average.flatMap { $0.isSet ? $0.quantity : nil } ?? "<unknown>"
      return "\(current)/\(target["averageValue"].quantity) (avg)"
    }
    let current = status.map { quantityOrNil($0["current", "value"]) } ?? "<unknown>"
    return "\(current)/\(quantityOrNil(target["value"]))"
  }

  private static func resource(_ source: PrintedObject, status: PrintedObject?) -> String {
    let name = source["name"].string
    let target = source["target"]
    if target["averageValue"].isSet {
      let current = status.map { quantityOrNil($0["current", "averageValue"]) } ?? "<unknown>"
      return "\(name): \(current)/\(target["averageValue"].quantity)"
    }
    let current = status?["current", "averageUtilization"].optionalInt.map { "\($0)%" } ?? "<unknown>"
    let wanted = target["averageUtilization"].optionalInt.map { "\($0)%" } ?? "<auto>"
    return "\(name): \(current)/\(wanted)"
  }

  // Go prints a nil quantity pointer as "<nil>".
  private static func quantityOrNil(_ quantity: PrintedObject) -> String {
    quantity.isSet ? quantity.quantity : "<nil>"
  }
}
