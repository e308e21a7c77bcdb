import Foundation
import KubeModel
import KubeSim

/// `crictl ps`, `inspect` and `logs`.
extension CrictlRun {
  func containers() async -> Int32 {
    guard await connect(runtime: true, image: true) else { return 1 }
    var listed = runtime.containers
    let latest = arguments.has("--latest")
    let last = Int(arguments.value("--last") ?? "0") ?? 0
    if let state = arguments.value("--state") {
      guard let wanted = ["created", "running", "exited", "unknown"].first(where: { $0 == state.lowercased() }) else {
        return await fatal(
          "listing containers: list containers: --state should be one of created, running, exited or unknown")
      }
      listed = listed.filter { $0.state.word.lowercased() == wanted }
    } else if !arguments.has("--all") && !latest && last == 0 {
      listed = listed.filter { $0.state == .running }
    }
    if let id = arguments.value("--id") { listed = listed.filter { $0.id.hasPrefix(id) } }
    if let pod = arguments.value("--pod") { listed = listed.filter { $0.pod.id.hasPrefix(pod) } }
    if let image = arguments.value("--image") {
      listed = listed.filter { $0.image == image || $0.imageRef.hasPrefix(image) || $0.imageID.hasPrefix(image) }
    }
    listed = listed.filter {
      matches(arguments.value("--name"), $0.name) && matches(arguments.value("--namespace"), $0.pod.namespace)
    }
    if latest { listed = Array(listed.prefix(1)) } else if last > 0 { listed = Array(listed.prefix(last)) }
    if arguments.has("--quiet") {
      await output.out(listed.map { $0.id + "\n" }.joined())
      return 0
    }
    var table = TabTable(minWidth: 20, padding: 3)
    table.add(["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"])
    for container in listed {
      let image = arguments.has("--no-trunc") ? container.imageID : String(container.imageID.dropFirst(7).prefix(13))
      table.add([
        short(container.id), image, ago(container.createdAt), container.state.word, container.name,
        String(container.attempt), short(container.pod.id), container.pod.name, container.pod.namespace,
      ])
    }
    await output.out(table.text)
    return 0
  }

  func inspect() async -> Int32 {
    guard await connect(runtime: true, image: true) else { return 1 }
    guard !operands.isEmpty else {
      await output.err(LogrusLine.text(.error, "No IDs provided or nothing found per filter"))
      return 1
    }
    var documents: [String] = []
    for reference in operands {
      guard let container = runtime.container(reference) else {
        return await fatal(
          "get the status of containers: get container status: rpc error: code = NotFound desc = an error occurred "
            + "when try to find container \"\(reference)\": not found")
      }
      documents.append(Self.inspection(container).prettyPrinted(indent: 2))
    }
    await output.out(documents.joined(separator: "\n") + "\n")
    return 0
  }

  /// The status containerd reports for a container, with the runtime's own info beside it.
  static func inspection(_ container: RuntimeContainer) -> JSON {
    func time(_ date: Date?) -> JSON { .string(date.map(RFC3339Nano.string) ?? "0001-01-01T00:00:00Z") }
    let labels: JSON = [
      "io.kubernetes.container.name": .string(container.name),
      "io.kubernetes.pod.name": .string(container.pod.name),
      "io.kubernetes.pod.namespace": .string(container.pod.namespace),
      "io.kubernetes.pod.uid": .string(container.pod.uid),
    ]
    let status: JSON = [
      "id": .string(container.id),
      "metadata": ["attempt": .int(container.attempt), "name": .string(container.name)],
      "state": .string(container.state.rawValue),
      "createdAt": time(container.createdAt),
      "startedAt": time(container.startedAt),
      "finishedAt": time(container.state == .exited ? container.finishedAt : nil),
      "exitCode": .int(container.exitCode),
      "image": [
        "annotations": [:], "image": .string(ImageNames.qualified(container.image)), "runtimeHandler": "",
        "userSpecifiedImage": "",
      ],
      "imageRef": .string(container.imageRef),
      "reason": .string(container.reason),
      "message": .string(container.message),
      "labels": labels,
      "annotations": ["io.kubernetes.container.restartCount": .string(String(container.attempt))],
      "mounts": [],
      "logPath": .string(container.logPath),
      "resources": ["linux": ["cpuPeriod": 100000, "cpuQuota": 0, "cpuShares": 2, "oomScoreAdj": 1000]],
      "imageId": .string(container.imageID),
      "user": ["linux": ["gid": 0, "supplementalGroups": [0], "uid": 0]],
      "stopSignal": "",
    ]
    let words = { (field: String) in container.spec[field] ?? [] }
    let info: JSON = [
      "sandboxID": .string(container.pod.id),
      "pid": .int(container.state == .running ? ProcessIDs.pid(for: container.id) : 0),
      "removing": false,
      "snapshotKey": .string(container.id),
      "snapshotter": "overlayfs",
      "runtimeType": "io.containerd.runc.v2",
      "runtimeOptions": ["systemd_cgroup": true],
      "config": [
        "metadata": ["name": .string(container.name), "attempt": .int(container.attempt)],
        "image": ["image": .string(container.imageID)],
        "command": words("command"), "args": words("args"), "envs": words("env"),
        "labels": labels, "log_path": .string("\(container.name)/\(container.attempt).log"),
      ],
    ]
    return ["status": status, "info": info]
  }

  func logs() async -> Int32 {
    guard await connect(runtime: true, image: false) else { return 1 }
    guard let reference = operands.first, !reference.isEmpty else { return await fatal("ID cannot be empty") }
    guard let container = runtime.container(reference) else {
      return await fatal(
        "rpc error: code = NotFound desc = an error occurred when try to find container \"\(reference)\": not found")
    }
    let cluster = node.cluster
    var printed = 0
    func emit(_ text: String) async {
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      if printed == 0, let tail = arguments.value("--tail").flatMap(Int.init), tail >= 0 {
        lines = Array(lines.suffix(tail))
      }
      let stamp = arguments.has("--timestamps") ? RFC3339Nano.string(container.startedAt ?? cluster.now()) + " " : ""
      await output.out(lines.map { stamp + $0 + "\n" }.joined())
    }
    var text = cluster.logs.text(podUID: container.pod.uid, container: container.name)
    await emit(text)
    printed = text.count
    // -f keeps following a running container until the learner interrupts it.
    guard arguments.has("--follow"), container.state == .running else { return 0 }
    while !Task.isCancelled {
      try? await Task.sleep(nanoseconds: 500_000_000)
      text = cluster.logs.text(podUID: container.pod.uid, container: container.name)
      if text.count > printed {
        await emit(String(text.dropFirst(printed)))
        printed = text.count
      }
      if runtime.container(container.id)?.state != .running { break }
    }
    return 0
  }
}
