import Foundation

/// `crictl pods`.
extension CrictlRun {
  func pods() async -> Int32 {
    guard await connect(runtime: true, image: false) else { return 1 }
    var listed = runtime.pods
    if let state = arguments.value("--state") {
      guard ["ready", "notready"].contains(state.lowercased()) else {
        return await fatal("listing pod sandboxes: state should be ready or notready")
      }
      listed = listed.filter { $0.isReady == (state.lowercased() == "ready") }
    }
    if let id = arguments.value("--id") { listed = listed.filter { $0.id.hasPrefix(id) } }
    listed = listed.filter {
      matches(arguments.value("--name"), $0.name) && matches(arguments.value("--namespace"), $0.namespace)
    }
    if arguments.has("--latest") {
      listed = Array(listed.prefix(1))
    } else if let last = Int(arguments.value("--last") ?? ""), last > 0 {
      listed = Array(listed.prefix(last))
    }
    if arguments.has("--quiet") {
      await output.out(listed.map { $0.id + "\n" }.joined())
      return 0
    }
    var table = TabTable(minWidth: 20, padding: 3)
    table.add(["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"])
    for pod in listed {
      table.add([
        short(pod.id), ago(pod.createdAt), pod.isReady ? "Ready" : "NotReady", pod.name, pod.namespace, "0",
        "(default)",
      ])
    }
    await output.out(table.text)
    return 0
  }
}
