/// `/debug/faults`: lets a test (or a curious learner) inject faults into a running sandbox from
/// outside its process, e.g. to see `kubelab check` report errors while the API fails.
/// `POST` with a body in `--faults` syntax queues faults; `DELETE` clears them. Like every other
/// path it needs an authenticated request.
extension FaultInjector {
  static let endpointPath = "/debug/faults"

  func answer(method: String, body: [UInt8]) -> APIResponse {
    switch method {
    case "POST":
      do {
        let faults = try Self.parse(String(decoding: body, as: UTF8.self))
        for (fault, count) in faults { inject(fault, count: count) }
        return .text("queued \(faults.reduce(0) { $0 + $1.count }) faults\n")
      } catch {
        return .text("\(error)\n", status: 400)
      }
    case "DELETE":
      clear()
      return .text("cleared\n")
    default:
      return .text("use POST with faults such as status:503*3, or DELETE to clear them\n", status: 405)
    }
  }
}
