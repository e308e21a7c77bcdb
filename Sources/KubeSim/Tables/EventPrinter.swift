import Foundation
import KubeModel

/// core/v1 Events: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME
/// (the wide columns sit between the others, in the order the real printer declares them).
enum EventPrinter {
  static let printer = TablePrinter(
    columns: [
      .text("Last Seen", "Time since the event was last seen."),
      .text("Type", "Normal or Warning."),
      .text("Reason", "Short machine-readable reason of the event."),
      .text("Object", "The object the event is about, as kind/name."),
      .text("Subobject", "The part of the object, such as a container's field path.", wide: true),
      .text("Source", "The component that reported the event, and its host.", wide: true),
      .text("Message", "Human-readable description of the event."),
      .text("First Seen", "Time since the event was first seen.", wide: true),
      .text("Count", "How many times the event occurred.", wide: true),
      TableColumn(name: "Name", format: "name", description: "Name of the event object.", priority: 1),
    ]
  ) { event, now in
    let involved = event["involvedObject"]
    // Events written through events.k8s.io carry eventTime and series instead of the legacy fields.
    let firstTime = event["firstTimestamp"].time ?? event["eventTime"].time
    let firstSeen = HumanDuration.since(firstTime, now: now)
    var lastSeen = event["lastTimestamp"].time.map { HumanDuration.since($0, now: now) } ?? firstSeen
    var count = event["count"].int
    if event["series"].isSet {
      lastSeen = HumanDuration.since(event["series", "lastObservedTime"].time, now: now)
      count = event["series", "count"].int
    } else if count == 0 {
      count = 1
    }

    let kind = involved["kind"].string.lowercased()
    let target = involved["name"].string.isEmpty ? kind : "\(kind)/\(involved["name"].string)"
    let component = firstNonEmpty(event["source", "component"].string, event["reportingComponent"].string)
    let instance = firstNonEmpty(event["source", "host"].string, event["reportingInstance"].string)
    return [
      .string(lastSeen), .string(event["type"].string), .string(event["reason"].string), .string(target),
      .string(involved["fieldPath"].string), .string(instance.isEmpty ? component : "\(component), \(instance)"),
      .string(event["message"].string.trimmingCharacters(in: .whitespacesAndNewlines)), .string(firstSeen),
      .int(count), .string(event.name),
    ]
  }

  private static func firstNonEmpty(_ first: String, _ second: String) -> String {
    first.isEmpty ? second : first
  }
}
