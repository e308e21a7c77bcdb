import KubeModel

/// One change a watch reports.
public struct WatchEvent: Sendable, Equatable {
  public enum EventType: String, Sendable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
    case bookmark = "BOOKMARK"
    /// The object is a Status, e.g. 410 Expired for a resourceVersion too old to resume from.
    case error = "ERROR"
  }

  public var type: EventType
  public var object: JSON

  public init(type: EventType, object: JSON) {
    self.type = type
    self.object = object
  }

  /// Reads one event of a watch stream, `{"type":"ADDED","object":{…}}`; nil when it is not one.
  init?(json: JSON) {
    guard let name = json["type"]?.stringValue, let type = EventType(rawValue: name), let object = json["object"]
    else { return nil }
    self.init(type: type, object: object)
  }
}
