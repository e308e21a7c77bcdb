import Foundation
import KubeModel

/// Turns the store's events into the lines of every watch of one API, off the store's lock and in
/// the order the store published them (a watch's backlog first). An event's object is serialized
/// once per form however many watches send it: the store hands an event to its watches one after
/// another, so they arrive here together.
///
/// `@unchecked Sendable`: its state is touched only on its serial queue, which the compiler cannot see.
final class WatchRenderer: @unchecked Sendable {
  /// How a watch sends objects: as they are, or as a Table row with or without the column definitions.
  enum Form: Hashable {
    case json
    case table(columnDefinitions: Bool)
  }

  /// Which event the cached texts are of: every write stamps a new resourceVersion.
  private struct EventIdentity: Equatable {
    var resource: String
    var resourceVersion: Int
  }

  private let queue = DispatchQueue(label: "kubesim.watch-renderer")
  private var renderedEvent: EventIdentity?
  private var renderedTexts: [Form: String] = [:]

  /// Queues `event` for `watch`; called under the store's lock, so it only queues.
  func enqueue(_ event: StoreEvent, for watch: WatchStream, send: @escaping @Sendable (String) -> Void) {
    queue.async { [self] in
      guard !watch.isStopped, let kind = watch.reportedKind(of: event) else { return }
      let object = text(of: event, as: watch.nextForm(), for: watch)
      send("{\"type\":\"\(kind.rawValue)\",\"object\":\(object)}\n")
    }
  }

  private func text(of event: StoreEvent, as form: Form, for watch: WatchStream) -> String {
    let identity = EventIdentity(resource: event.resource, resourceVersion: event.resourceVersion)
    if renderedEvent != identity {
      renderedEvent = identity
      renderedTexts.removeAll(keepingCapacity: true)
    }
    if let text = renderedTexts[form] { return text }
    let text = watch.render(event, as: form).serialized()
    renderedTexts[form] = text
    return text
  }
}
