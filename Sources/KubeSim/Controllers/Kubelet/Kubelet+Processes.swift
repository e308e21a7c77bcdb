import Foundation
import KubeModel

extension Kubelet {
  /// Hands a shell image's container to the engine: its command line, variables and working
  /// directory. The process's output goes to the container's log, and its exit comes back to the
  /// kubelet's queue as the container's exit.
  func launch(_ container: inout ContainerRuntime, engine: any ContainerEngine, spec: JSON, pod: JSON, now: Date) {
    let containerID = container.engineID
    let launch = ContainerLaunch(pod: pod, spec: spec, containerID: containerID, catalog: catalog, store: cluster.store)
    let key = ObjectKey(resource: "pods", namespace: launch.namespace, name: launch.podName)
    let name = container.name
    let uid = launch.podUID
    let logs = cluster.logs
    let queue = cluster.queue
    container.runsProcess = true
    container.startError = nil
    container.state = .running(started: now, exitAt: nil, exitCode: 0)
    do {
      try engine.start(
        launch, output: { text in logs.append(text, podUID: uid, container: name) },
        exited: { [weak self] code in
          queue.async { [weak self] in self?.processExited(key, container: name, id: containerID, code) }
        }
      )
    } catch {
      // containerd reports a process that never started with exit code 128 and `StartError`.
      container.startError = "\(error)"
      container.state = .running(started: now, exitAt: now, exitCode: 128)
    }
  }

  /// The engine reported the exit of a container's process: the container exits now, unless the
  /// kubelet has already moved on from that run.
  func processExited(_ key: ObjectKey, container name: String, id: String, _ code: Int) {
    guard var runtime = pods[key] else { return }
    let now = cluster.now()
    func exit(_ container: inout ContainerRuntime) {
      guard container.name == name, container.containerID.hasSuffix(id),
        case .running(let started, nil, _) = container.state
      else { return }
      container.state = .running(started: started, exitAt: now, exitCode: code)
    }
    for index in runtime.initContainers.indices { exit(&runtime.initContainers[index]) }
    for index in runtime.containers.indices { exit(&runtime.containers[index]) }
    pods[key] = runtime
    sync(key)
  }

  /// Ends a container's process when the kubelet ends its run (liveness kill, new image, pod
  /// deletion), and ends the run's log so followers return.
  func stopProcess(_ container: ContainerRuntime, pod: JSON) {
    cluster.logs.end(podUID: pod[path: ["metadata", "uid"]]?.stringValue ?? "", container: container.name)
    guard container.runsProcess, let engine = cluster.containerEngine else { return }
    engine.stop(containerID: container.engineID)
  }

  /// Ends every running process of a pod and the logs its followers read.
  func stopProcesses(_ runtime: PodRuntime) {
    for container in runtime.allContainers where container.isRunning {
      cluster.logs.end(podUID: runtime.uid, container: container.name)
      guard container.runsProcess, let engine = cluster.containerEngine else { continue }
      engine.stop(containerID: container.engineID)
    }
  }

  /// Rewrites the file volumes of the namespace's pods that run processes, so a ConfigMap or
  /// Secret update reaches their files as the kubelet's periodic sync brings it.
  func refreshVolumes(namespace: String) {
    guard let engine = cluster.containerEngine else { return }
    for (key, runtime) in pods where key.namespace == namespace {
      guard runtime.allContainers.contains(where: { $0.runsProcess && $0.isRunning }),
        let pod = cluster.store.get(key), let volumes = try? PodVolumes(store: cluster.store, pod: pod).resolve()
      else { continue }
      for volume in volumes {
        if case .files = volume.source { engine.updateVolume(podUID: runtime.uid, volume) }
      }
    }
  }

  /// Lets go of a pod that is gone or was replaced: its processes end and its folders go.
  func forget(_ key: ObjectKey) {
    guard let runtime = pods.removeValue(forKey: key) else { return }
    stopProcesses(runtime)
    cluster.containerEngine?.removePod(uid: runtime.uid)
  }
}
