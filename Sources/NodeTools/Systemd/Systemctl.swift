import Foundation
import KubeSim

/// `systemctl` for the node's kubelet and containerd services: status, start, stop, restart,
/// enable, disable, is-active, is-enabled and daemon-reload, with systemd 249's wording and exit
/// statuses. Starting the kubelet makes the sandbox's kubelet of this node read its files again.
public struct Systemctl: NodeTool {
  public let names = ["systemctl"]

  public init() {}

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    let words = invocation.arguments.filter { !$0.hasPrefix("-") }
    // `enable --now` also starts the unit, `disable --now` also stops it.
    let now = invocation.arguments.contains("--now")
    guard let verb = words.first else {
      await output.err("Too few arguments.\n")
      return 1
    }
    let units = Array(words.dropFirst())
    let services = node.cluster.nodeServices!
    switch verb {
    case "daemon-reload": return 0
    case "status":
      var status: Int32 = 0
      for (index, unit) in (units.isEmpty ? ["kubelet"] : units).enumerated() {
        if index > 0 { await output.out("\n") }
        status = max(status, await printStatus(unit, node: node, services: services, output: output))
      }
      return status
    case "is-active", "is-enabled":
      guard !units.isEmpty else {
        await output.err("Too few arguments.\n")
        return 1
      }
      var status: Int32 = 0
      for unit in units {
        guard let found = services.unit(unit, on: node.name) else {
          await output.out(verb == "is-active" ? "inactive\n" : "")
          if verb == "is-enabled" {
            await output.err("Failed to get unit file state for \(Self.full(unit)): No such file or directory\n")
          }
          status = verb == "is-active" ? 3 : 1
          continue
        }
        if verb == "is-active" {
          await output.out(found.activeWord + "\n")
          if !found.isRunning { status = 3 }
        } else {
          await output.out(found.enabled ? "enabled\n" : "disabled\n")
          if !found.enabled { status = 1 }
        }
      }
      return status
    case "start", "stop", "restart", "enable", "disable", "reload-or-restart", "try-restart":
      guard !units.isEmpty else {
        await output.err("Too few arguments.\n")
        return 1
      }
      for unit in units {
        guard services.unit(unit, on: node.name) != nil else {
          let action = ["enable", "disable"].contains(verb) ? "" : "Failed to \(verb) \(Self.full(unit)): "
          await output.err(
            action.isEmpty
              ? "Failed to \(verb) unit: Unit file \(Self.full(unit)) does not exist.\n"
              : action + "Unit \(Self.full(unit)) not found.\n")
          return ["enable", "disable"].contains(verb) ? 1 : 5
        }
        switch verb {
        case "start": services.start(unit, on: node.name)
        case "stop": services.stop(unit, on: node.name)
        case "enable":
          if services.setEnabled(unit, on: node.name, true) {
            await output.err(
              "Created symlink /etc/systemd/system/multi-user.target.wants/\(Self.full(unit)) → /lib/systemd/system/\(Self.full(unit)).\n"
            )
          }
          if now { services.start(unit, on: node.name) }
        case "disable":
          if services.setEnabled(unit, on: node.name, false) {
            await output.err("Removed /etc/systemd/system/multi-user.target.wants/\(Self.full(unit)).\n")
          }
          if now { services.stop(unit, on: node.name) }
        default: services.restart(unit, on: node.name)
        }
      }
      return 0
    default:
      await output.err("Unknown command verb \(verb).\n")
      return 1
    }
  }

  private func printStatus(_ name: String, node: NodeContext, services: NodeServices, output: NodeToolOutput) async
    -> Int32
  {
    guard let unit = services.unit(name, on: node.name) else {
      await output.err("Unit \(Self.full(name)) could not be found.\n")
      return 4
    }
    let now = node.cluster.now()
    let file = "/lib/systemd/system/\(unit.name).service"
    let enabled = unit.enabled ? "enabled" : "disabled"
    var text = ""
    let dot: String
    let active: String
    switch unit.state {
    case .running:
      // systemd colours the dot green on a terminal; the output here may be piped, so it stays plain.
      dot = "●"
      active = "active (running) since \(JournalFormat.since(unit.since, now: now))"
    case .stopped:
      dot = "○"
      active = "inactive (dead) since \(JournalFormat.since(unit.since, now: now))"
    case .autoRestart(let status):
      dot = "●"
      active = "activating (auto-restart) (Result: exit-code) since \(JournalFormat.since(unit.since, now: now))"
      _ = status
    }
    text += "\(dot) \(unit.name).service - \(unit.description)\n"
    text += "     Loaded: loaded (\(file); \(enabled); vendor preset: enabled)\n"
    if unit.name == "kubelet" {
      text += "    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf\n"
    }
    text += "     Active: \(active)\n"
    text += "       Docs: \(unit.name == "kubelet" ? "https://kubernetes.io/docs/" : "https://containerd.io")\n"
    let command = services.commandLine(of: unit.name, on: node.name)
    if unit.isRunning {
      text += "   Main PID: \(unit.mainPID) (\(unit.name))\n"
      text += "      Tasks: \(unit.name == "kubelet" ? 23 : 97) (limit: 77143)\n"
      text += "     Memory: \(unit.name == "kubelet" ? "41.3M" : "63.8M")\n"
      text += "        CPU: \(String(format: "%.3f", max(1, now.timeIntervalSince(unit.since)) / 40))s\n"
      text += "     CGroup: /system.slice/\(unit.name).service\n"
      text += "             └─\(unit.mainPID) \(command)\n"
    } else if let exit = unit.lastExit {
      let result = exit.status == 0 ? "0/SUCCESS" : "\(exit.status)/FAILURE"
      let exec =
        unit.name == "kubelet"
        ? "/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS"
        : "/usr/bin/containerd"
      text += "    Process: \(exit.pid) ExecStart=\(exec) (code=exited, status=\(result))\n"
      text += "   Main PID: \(exit.pid) (code=exited, status=\(result))\n"
      text += "        CPU: 0.512s\n"
    }
    let lines = services.journal(on: node.name, unit: unit.name).suffix(10)
    if !lines.isEmpty {
      text += "\n" + lines.map { JournalFormat.line($0, node: node.name) }.joined()
    }
    await output.out(text)
    return unit.isRunning ? 0 : 3
  }

  static func full(_ unit: String) -> String {
    unit.contains(".") ? unit : unit + ".service"
  }
}
