import Foundation
import KubeModel

extension ContainerLaunch {
  /// The container `spec` of `pod` as the engine runs it, for a run with `containerID` (the id
  /// without its `containerd://` prefix). Exec uses the same description, so a command sees what
  /// the container's process sees.
  init(pod: JSON, spec: JSON, containerID: String, catalog: ImageCatalog, store: ObjectStore) {
    // The variables were checked before the container was created; one gone since is left out.
    let environment = (try? ContainerEnvironment(store: store, pod: pod).resolve(spec)) ?? []
    let words = { (field: String) in
      (spec[field]?.arrayValue ?? []).compactMap(\.stringValue).map {
        ContainerEnvironment.expand($0, with: environment)
      }
    }
    let image = spec["image"]?.stringValue ?? ""
    let arguments = words("command") + words("args")
    self.init(
      containerID: containerID, podUID: pod[path: ["metadata", "uid"]]?.stringValue ?? "",
      namespace: pod[path: ["metadata", "namespace"]]?.stringValue ?? "",
      podName: pod[path: ["metadata", "name"]]?.stringValue ?? "", containerName: spec["name"]?.stringValue ?? "",
      image: image, arguments: arguments.isEmpty ? ["sh"] : arguments,
      environment: environment, workingDirectory: spec["workingDir"]?.stringValue)
    stdin = spec["stdin"]?.boolValue ?? false
    // Checked before the container was created, as the variables were.
    volumes = (try? PodVolumes(store: store, pod: pod).resolve()) ?? []
    mounts = PodVolumes.mounts(spec)
    nodeName = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
    if case .success(let found) = catalog.resolve(ImageCatalog.Reference(image)) {
      files = found.files
      nodeCommands = found.commands
    }
    // The kubelet's /etc/hosts and /etc/resolv.conf, over whatever the image has there.
    files.merge(PodNetworkFiles(pod: pod).files) { _, kubelet in kubelet }
  }
}
