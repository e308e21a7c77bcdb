import Crypto
import Foundation
import KubeModel
import KubeSim

/// `kubeadm` on a sandbox node: its version (the installed package's), certificates from the
/// node's files, bootstrap tokens, and upgrades that move the control plane's manifests, mirror
/// pods and the API server's version.
public struct Kubeadm: NodeTool {
  public let names = ["kubeadm"]

  public init() {}

  static let options: [ToolArguments.Option] = [
    .value("--output", "-o"), .flag("--print-join-command"), .value("--ttl"), .value("--description"),
    .flag("--yes", "-y"), .flag("--force", "-f"), .flag("--dry-run"), .value("--etcd-upgrade"),
    .value("--certificate-renewal"), .value("--config"), .value("--kubeconfig"), .value("--v", "-v"),
    .value("--cert-dir"),
  ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output,
        reject: { "unknown flag: \($0)\nTo see the stack trace of this error execute with --v=5 or higher\n" })
    else { return 1 }
    let run = KubeadmRun(node: node, output: output, invocation: invocation, arguments: arguments)
    let words = arguments.operands
    switch (words.first, words.dropFirst().first) {
    case ("version", _): return await run.version()
    case ("certs", "check-expiration"): return await run.checkExpiration()
    case ("certs", "renew"): return await run.renew(Array(words.dropFirst(2)))
    case ("token", "create"): return await run.createToken(words.dropFirst(2).first)
    case ("token", "list"): return await run.listTokens()
    case ("upgrade", "plan"): return await run.plan()
    case ("upgrade", "apply"): return await run.apply(words.dropFirst(2).first)
    case ("upgrade", "node"): return await run.upgradeNode()
    case (nil, _):
      await output.out(Self.usage)
      return 0
    case (let command?, _):
      await output.err(
        "unknown command \"\(command)\" for \"kubeadm\"\nTo see the stack trace of this error execute with --v=5 or higher\n"
      )
      return 1
    }
  }

  static let usage = """

        ┌──────────────────────────────────────────────────────────┐
        │ KUBEADM                                                  │
        │ Easily bootstrap a secure Kubernetes cluster             │
        └──────────────────────────────────────────────────────────┘

    Usage:
      kubeadm [command]

    Available Commands:
      certs       Commands related to handling kubernetes certificates
      token       Manage bootstrap tokens
      upgrade     Upgrade your cluster smoothly to a newer version with this command
      version     Print the version of kubeadm

    """
}

/// One kubeadm invocation and what every command reads: the node's role, the releases of the
/// cluster and of the kubeadm installed here.
struct KubeadmRun {
  let node: NodeContext
  let output: NodeToolOutput
  let invocation: NodeToolInvocation
  let arguments: ToolArguments

  var cluster: Cluster { node.cluster }

  /// The release of the kubeadm package installed on the node.
  var kubeadmRelease: Release {
    Release(cluster.packages(on: node.name).installed["kubeadm"] ?? "") ?? Release(cluster.serverVersion.gitVersion)
      ?? Release(minor: 33, patch: 1)
  }

  var clusterRelease: Release { Release(cluster.serverVersion.gitVersion) ?? Release(minor: 33, patch: 1) }

  /// A node whose kubelet runs the API server as a static pod.
  func isControlPlane(_ name: String) -> Bool {
    (try? cluster.get(resource("pods"), namespace: "kube-system", name: "kube-apiserver-\(name)")) != nil
  }

  func resource(_ plural: String, _ groupVersion: String = "v1") -> ServedResource {
    cluster.catalog.resource(groupVersion: groupVersion, plural: plural)!
  }

  /// kubeadm reads its ClusterConfiguration first and says where from.
  func preface(_ phase: String) -> String {
    "[\(phase)] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
      + "[\(phase)] Use 'kubeadm init phase upload-config --config your-config-file' to re-upload it.\n"
  }

  /// kubeadm needs the admin kubeconfig of a control-plane node; elsewhere it fails as it does.
  func requireAdminConfig() async -> Bool {
    guard !node.fileExists("/etc/kubernetes/admin.conf") else { return true }
    await output.err(
      "couldn't create a Kubernetes client from file \"/etc/kubernetes/admin.conf\": failed to load admin kubeconfig: "
        + "open /etc/kubernetes/admin.conf: no such file or directory\n"
        + "To see the stack trace of this error execute with --v=5 or higher\n")
    return false
  }

  func version() async -> Int32 {
    let release = kubeadmRelease
    let commit = SHA256.hash(data: Data("kubernetes \(release)".utf8)).prefix(20).map { String(format: "%02x", $0) }
      .joined()
    switch arguments.value("--output") {
    case "short":
      await output.out("\(release)\n")
    case "json":
      let info: JSON = [
        "clientVersion": [
          "major": .string(String(release.major)), "minor": .string(String(release.minor)),
          "gitVersion": .string(release.description), "gitCommit": .string(commit), "gitTreeState": "clean",
          "buildDate": "2025-05-15T08:19:08Z", "goVersion": "go1.24.2", "compiler": "gc", "platform": "linux/amd64",
        ]
      ]
      await output.out(info.prettyPrinted(indent: 2) + "\n")
    default:
      await output.out(
        "kubeadm version: &version.Info{Major:\"\(release.major)\", Minor:\"\(release.minor)\", EmulationMajor:\"\", "
          + "EmulationMinor:\"\", MinCompatibilityMajor:\"\", MinCompatibilityMinor:\"\", GitVersion:\"\(release)\", "
          + "GitCommit:\"\(commit)\", GitTreeState:\"clean\", BuildDate:\"2025-05-15T08:19:08Z\", "
          + "GoVersion:\"go1.24.2\", Compiler:\"gc\", Platform:\"linux/amd64\"}\n")
    }
    return 0
  }
}
