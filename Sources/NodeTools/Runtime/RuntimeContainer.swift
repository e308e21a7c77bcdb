import Foundation
import KubeModel
import KubeSim

/// A container in the node's containerd, as the CRI reports it. Its ID is the one the pod's status
/// gives (`containerID` without `containerd://`).
struct RuntimeContainer {
  enum State: String {
    case created = "CONTAINER_CREATED"
    case running = "CONTAINER_RUNNING"
    case exited = "CONTAINER_EXITED"
    case unknown = "CONTAINER_UNKNOWN"

    /// How `crictl ps` words it.
    var word: String {
      switch self {
      case .created: return "Created"
      case .running: return "Running"
      case .exited: return "Exited"
      case .unknown: return "Unknown"
      }
    }
  }

  var id: String
  var name: String
  var attempt: Int
  var state: State
  var createdAt: Date
  var startedAt: Date?
  var finishedAt: Date?
  var exitCode: Int
  var reason: String
  var message: String
  /// The image as the pod spec names it.
  var image: String
  /// The repository digest the kubelet reports as imageID.
  var imageRef: String
  var pod: RuntimePod
  var spec: JSON

  /// The image's config digest, which the CRI gives as the container's image.
  var imageID: String { NodeImage.id(forRepoDigest: imageRef) }

  var logPath: String { "\(pod.logDirectory)/\(name)/\(attempt).log" }

  /// The containers one status entry describes: the running or last exited one, and the one
  /// before it that `lastState` remembers (containerd keeps it until the kubelet removes it).
  static func from(status: JSON, spec: JSON, pod: RuntimePod) -> [RuntimeContainer] {
    let name = status["name"]?.stringValue ?? ""
    let restarts = status["restartCount"]?.intValue ?? 0
    let image = spec["image"]?.stringValue ?? status["image"]?.stringValue ?? ""
    let imageRef = status["imageID"]?.stringValue ?? ""
    func container(id: String, attempt: Int, state: State, info: JSON?) -> RuntimeContainer {
      let started = info?["startedAt"]?.stringValue.flatMap(APITimestamp.date)
      return RuntimeContainer(
        id: id, name: name, attempt: attempt, state: state, createdAt: started ?? pod.createdAt,
        startedAt: started, finishedAt: info?["finishedAt"]?.stringValue.flatMap(APITimestamp.date),
        exitCode: info?["exitCode"]?.intValue ?? 0, reason: info?["reason"]?.stringValue ?? "",
        message: info?["message"]?.stringValue ?? "", image: image, imageRef: imageRef, pod: pod, spec: spec)
    }
    var found: [RuntimeContainer] = []
    if let last = status[path: ["lastState", "terminated"]], let id = bareID(last["containerID"]) {
      found.append(container(id: id, attempt: max(0, restarts - 1), state: .exited, info: last))
    }
    if let id = bareID(status["containerID"]), !found.contains(where: { $0.id == id }) {
      if let running = status[path: ["state", "running"]] {
        found.append(container(id: id, attempt: restarts, state: .running, info: running))
      } else if let terminated = status[path: ["state", "terminated"]] {
        found.append(container(id: id, attempt: restarts, state: .exited, info: terminated))
      }
    }
    return found
  }

  private static func bareID(_ value: JSON?) -> String? {
    guard let text = value?.stringValue, !text.isEmpty else { return nil }
    return text.range(of: "://").map { String(text[$0.upperBound...]) } ?? text
  }
}
