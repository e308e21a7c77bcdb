import Foundation
import KubeModel

/// A readiness or liveness probe, judged once from the container's spec since no real process
/// answers it: `httpGet`, `tcpSocket` and `grpc` pass when their port is one the container
/// declares and its process is a server that keeps running; `exec` passes unless its command, read
/// as the container's own command is read, exits non-zero (`false`, `exit 1`). A control-plane
/// component serves its health ports on the node's network without declaring them, as kubeadm's
/// manifests leave them.
struct ContainerProbe {
  /// "Readiness" or "Liveness", as the events spell it.
  var kind: String
  var initialDelaySeconds: Int
  var periodSeconds: Int
  var failureThreshold: Int
  /// The `Unhealthy` event's message when the probe fails; nil when it passes.
  var failure: String?

  /// The probe at `field` of the container spec, or nil when the container has none.
  /// `servesUndeclaredPorts`: the process listens on its probes' ports though the spec names none.
  init?(
    _ field: String, kind: String, container spec: JSON, process: ContainerProcess, image: ImageCatalog.Image,
    podIP: String, servesUndeclaredPorts: Bool = false
  ) {
    guard let probe = spec[field], probe.objectValue != nil else { return nil }
    self.kind = kind
    initialDelaySeconds = probe["initialDelaySeconds"]?.intValue ?? 0
    periodSeconds = probe["periodSeconds"]?.intValue ?? 10
    failureThreshold = probe["failureThreshold"]?.intValue ?? 3
    let serves = image.runsForever && process.lifetime == nil
    if let exec = probe["exec"] {
      let words = (exec["command"]?.arrayValue ?? []).compactMap(\.stringValue)
      let outcome = ContainerProcess.interpret(ContainerProcess.script(words))
      if let outcome, outcome.exitCode != 0 {
        let output = outcome.output.hasSuffix("\n") ? String(outcome.output.dropLast()) : outcome.output
        failure = "\(kind) probe failed: \(output)"
      }
    } else if let action = probe["httpGet"] ?? probe["tcpSocket"] ?? probe["grpc"] {
      switch Self.port(action["port"], in: spec) {
      case .failure(let error):
        failure = "\(kind) probe errored and resulted in unknown state: \(error.message)"
      case .success(let port) where !serves || !(servesUndeclaredPorts || Self.declares(port, spec)):
        let address = "\(podIP):\(port)"
        let refused = "dial tcp \(address): connect: connection refused"
        if let get = probe["httpGet"] {
          let scheme = (get["scheme"]?.stringValue ?? "HTTP").lowercased()
          let path = get["path"]?.stringValue ?? "/"
          failure = "\(kind) probe failed: Get \"\(scheme)://\(address)\(path)\": \(refused)"
        } else if probe["grpc"] != nil {
          failure = "\(kind) probe failed: timeout: failed to connect service \"\(address)\" within 1s"
        } else {
          failure = "\(kind) probe failed: \(refused)"
        }
      case .success: break
      }
    }
  }

  struct PortError: Error {
    var message: String
  }

  /// A probe's port: a number, or the name of one of the container's ports; an unknown name fails
  /// as the kubelet's fallback to reading it as a number fails.
  static func port(_ value: JSON?, in spec: JSON) -> Result<Int, PortError> {
    if let number = value?.intValue { return .success(number) }
    let name = value?.stringValue ?? ""
    let declared = (spec["ports"]?.arrayValue ?? []).first { $0["name"]?.stringValue == name }
    if let number = declared?["containerPort"]?.intValue ?? Int(name) { return .success(number) }
    return .failure(PortError(message: "strconv.Atoi: parsing \"\(name)\": invalid syntax"))
  }

  static func declares(_ port: Int, _ spec: JSON) -> Bool {
    (spec["ports"]?.arrayValue ?? []).contains { $0["containerPort"]?.intValue == port }
  }
}
