import Foundation
import KubeSim

/// `crictl`, the CRI client kubeadm nodes carry (cri-tools v1.33): the pods, containers and images
/// of this node's containerd, read from the pods bound to the node and the Node's image list.
public struct Crictl: NodeTool {
  public let names = ["crictl"]

  public init() {}

  static let options: [ToolArguments.Option] = [
    .value("--runtime-endpoint", "-r"), .value("--image-endpoint", "-i"), .value("--config", "-c"),
    .value("--timeout", "-t"), .flag("--debug", "-D"),
    .flag("--all", "-a"), .flag("--quiet", "-q"), .flag("--no-trunc"), .flag("--verbose", "-v"),
    .flag("--latest", "-l"), .value("--last", "-n"), .value("--name"), .value("--namespace"), .value("--state", "-s"),
    .value("--pod", "-p"), .value("--id"), .value("--image"), .value("--output", "-o"), .flag("--digests"),
    .value("--tail"), .flag("--timestamps"), .flag("--follow", "-f"), .flag("--previous"),
  ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output,
        reject: { LogrusLine.text(.fatal, "flag provided but not defined: \($0)") })
    else { return 1 }
    guard let command = arguments.operands.first else {
      await output.out(Self.usage)
      return 0
    }
    let run = CrictlRun(
      node: node, output: output, arguments: arguments, operands: Array(arguments.operands.dropFirst()))
    switch command {
    case "ps": return await run.containers()
    case "inspect": return await run.inspect()
    case "logs", "log": return await run.logs()
    case "pods": return await run.pods()
    case "images", "image", "img": return await run.images()
    case "pull": return await run.pull()
    case "rmi": return await run.removeImages()
    case "info": return await run.info()
    case "version": return await run.version()
    default:
      await output.err("No help topic for '\(command)'\n")
      return 3
    }
  }

  static let usage = """
    NAME:
       crictl - client for CRI

    USAGE:
       crictl [global options] command [command options]

    COMMANDS:
       images, image, img  List images
       info                Display information of the container runtime
       inspect             Display the status of one or more containers
       logs                Fetch the logs of a container
       pods                List pods
       ps                  List containers
       pull                Pull an image from a registry
       rmi                 Remove one or more images
       version             Display runtime version information

    """
}

/// One crictl invocation: its node, its output and its parsed arguments.
struct CrictlRun {
  let node: NodeContext
  let output: NodeToolOutput
  let arguments: ToolArguments
  let operands: [String]

  /// The endpoints containerd answers on: the node's socket, under either of its two paths.
  static let containerdEndpoints = [
    "unix:///run/containerd/containerd.sock", "unix:///var/run/containerd/containerd.sock",
  ]
  static let defaultEndpoints =
    "[unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]"

  var runtime: NodeRuntime { NodeRuntime(node: node.name, cluster: node.cluster) }

  /// The endpoint /etc/crictl.yaml or a flag sets, nil when neither does.
  func configuredEndpoint(_ flag: String, _ key: String) -> String? {
    if let value = arguments.value(flag) { return value }
    let path = arguments.value("--config") ?? "/etc/crictl.yaml"
    guard let text = node.readText(path) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("\(key):") {
      let value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      if !value.isEmpty { return value }
    }
    return nil
  }

  /// Connects as crictl does: warns when no endpoint is configured, fails when the configured
  /// one is not containerd's socket. Returns false after printing the failure.
  func connect(runtime needsRuntime: Bool, image needsImage: Bool) async -> Bool {
    let runtimeEndpoint = configuredEndpoint("--runtime-endpoint", "runtime-endpoint")
    // crictl falls back to the runtime endpoint for images.
    let imageEndpoint = configuredEndpoint("--image-endpoint", "image-endpoint") ?? runtimeEndpoint
    for (needed, endpoint, label) in [(needsRuntime, runtimeEndpoint, "runtime"), (needsImage, imageEndpoint, "Image")]
    where needed {
      guard let endpoint else {
        await output.err(
          LogrusLine.text(
            .warning,
            "\(label) connect using default endpoints: \(Self.defaultEndpoints). "
              + "As the default settings are now deprecated, you should set the endpoint instead."))
        continue
      }
      guard Self.containerdEndpoints.contains(endpoint) else {
        let socket = endpoint.hasPrefix("unix://") ? String(endpoint.dropFirst("unix://".count)) : endpoint
        await output.err(
          LogrusLine.text(
            .fatal,
            "validate service connection: validate CRI v1 \(label == "Image" ? "image" : "runtime") API for endpoint "
              + "\"\(endpoint)\": rpc error: code = Unavailable desc = connection error: desc = \"transport: Error "
              + "while dialing: dial unix \(socket): connect: no such file or directory\""))
        return false
      }
    }
    return true
  }

  func fatal(_ message: String) async -> Int32 {
    await output.err(LogrusLine.text(.fatal, message))
    return 1
  }

  /// crictl's 13-character IDs, unless --no-trunc.
  func short(_ id: String) -> String {
    arguments.has("--no-trunc") ? id : String(id.prefix(13))
  }

  func ago(_ date: Date) -> String {
    HumanUnits.duration(node.cluster.now().timeIntervalSince(date)) + " ago"
  }

  /// A --name or --namespace pattern, as the regular expression crictl compiles it.
  func matches(_ pattern: String?, _ text: String) -> Bool {
    guard let pattern, !pattern.isEmpty else { return true }
    return text.range(of: pattern, options: .regularExpression) != nil
  }
}
