import Foundation
import KubeSim

/// `apt-get`, `apt-cache` and `apt-mark` for the Kubernetes packages (kubeadm, kubelet, kubectl)
/// from pkgs.k8s.io, whose repository file names one minor series. Installing changes what the
/// node has; a kubelet installed runs once the kubelet restarts.
public struct Apt: NodeTool {
  public let names = ["apt-get", "apt-cache", "apt-mark", "apt"]

  public init() {}

  static let options: [ToolArguments.Option] = [
    .flag("--yes", "-y", "--assume-yes"), .flag("--quiet", "-q", "-qq"), .flag("--allow-change-held-packages"),
    .flag("--allow-downgrades"), .flag("--no-install-recommends"),
  ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output,
        reject: { "E: Command line option '\($0)' is not understood\n" })
    else { return 100 }
    let run = AptRun(node: node, output: output, arguments: arguments)
    let words = arguments.operands
    let operands = Array(words.dropFirst())
    switch (invocation.name, words.first) {
    case ("apt-get", "update"), ("apt", "update"): return await run.update()
    case ("apt-get", "install"), ("apt", "install"): return await run.install(operands)
    case ("apt-cache", "madison"): return await run.madison(operands)
    case ("apt-cache", "policy"), ("apt", "policy"): return await run.policy(operands)
    case ("apt-mark", "hold"): return await run.hold(operands, held: true)
    case ("apt-mark", "unhold"): return await run.hold(operands, held: false)
    case ("apt-mark", "showhold"):
      await output.out(node.cluster.packages(on: node.name).held.sorted().map { $0 + "\n" }.joined())
      return 0
    case (_, nil):
      await output.out("\(invocation.name) 2.4.13 (amd64)\nUsage: \(invocation.name) [options] command\n")
      return 0
    case (_, let command?):
      await output.err("E: Invalid operation \(command)\n")
      return 100
    }
  }
}

/// One apt invocation on a node.
struct AptRun {
  let node: NodeContext
  let output: NodeToolOutput
  let arguments: ToolArguments

  var cluster: Cluster { node.cluster }
  var state: NodePackages.State { cluster.packages(on: node.name) }

  /// The pkgs.k8s.io series the node's repository file names (`v1.33`).
  var configuredSeries: String? {
    guard let text = node.readText("/etc/apt/sources.list.d/kubernetes.list"),
      let range = text.range(of: "core:/stable:/v[0-9]+\\.[0-9]+", options: .regularExpression)
    else { return nil }
    return String(text[range].dropFirst("core:/stable:/".count))
  }

  /// The series the package lists hold: the last `apt-get update`'s, or at first the installed
  /// kubeadm's.
  var listedSeries: String {
    state.updatedSeries ?? state.installed["kubeadm"].flatMap(Release.init).map { "v1.\($0.minor)" } ?? "v1.33"
  }

  func repository(_ series: String) -> String { "https://pkgs.k8s.io/core:/stable:/\(series)/deb" }

  /// The versions apt can install of a package now, newest first.
  func available(_ package: String) -> [String] {
    guard NodePackages.kubernetesPackages.contains(package), let minor = KubernetesReleases.minor(listedSeries) else {
      return []
    }
    return KubernetesReleases.packageVersions(minor: minor)
  }

  func update() async -> Int32 {
    var lines = [
      "Hit:1 http://archive.ubuntu.com/ubuntu jammy InRelease",
      "Hit:2 http://archive.ubuntu.com/ubuntu jammy-updates InRelease",
      "Hit:3 http://security.ubuntu.com/ubuntu jammy-security InRelease",
    ]
    let series = configuredSeries
    if let series {
      lines.append(
        "Get:4 https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/\(series)/deb  InRelease [1,186 B]"
      )
      lines.append(
        "Get:5 https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/\(series)/deb  Packages [4,865 B]"
      )
      lines.append("Fetched 6,051 B in 1s (8,120 B/s)")
    }
    lines += ["Reading package lists... Done"]
    if let series, KubernetesReleases.minor(series).flatMap({ KubernetesReleases.minors[$0] }) == nil {
      lines =
        Array(lines.prefix(3)) + [
          "Err:4 https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/\(series)/deb  InRelease",
          "  403  Forbidden [IP: 13.107.246.40 443]", "Reading package lists... Done",
        ]
      await output.out(lines.map { $0 + "\n" }.joined())
      await output.err(
        "E: Failed to fetch https://pkgs.k8s.io/core:/stable:/\(series)/deb/InRelease  403  Forbidden [IP: 13.107.246.40 443]\n"
          + "E: The repository 'https://pkgs.k8s.io/core:/stable:/\(series)/deb  InRelease' is not signed.\n")
      return 100
    }
    cluster.changePackages(on: node.name) { $0.updatedSeries = series ?? $0.updatedSeries }
    await output.out(lines.map { $0 + "\n" }.joined())
    return 0
  }

  func madison(_ packages: [String]) async -> Int32 {
    var text = ""
    for package in packages {
      let versions = available(package)
      guard !versions.isEmpty else {
        await output.err("N: Unable to locate package \(package)\n")
        continue
      }
      let padded = String(repeating: " ", count: max(0, 10 - package.count)) + package
      text += versions.map { "\(padded) | \($0) | \(repository(listedSeries))  Packages\n" }.joined()
    }
    await output.out(text)
    return 0
  }

  func policy(_ packages: [String]) async -> Int32 {
    var text = ""
    for package in packages {
      let versions = available(package)
      let installed = state.installed[package] ?? "(none)"
      text += "\(package):\n  Installed: \(installed)\n  Candidate: \(versions.first ?? "(none)")\n  Version table:\n"
      for version in versions {
        text +=
          (version == installed ? " *** " : "     ")
          + "\(version) 500\n        500 \(repository(listedSeries))  Packages\n"
        if version == installed { text += "        100 /var/lib/dpkg/status\n" }
      }
    }
    await output.out(text)
    return 0
  }

  func hold(_ packages: [String], held: Bool) async -> Int32 {
    var text = ""
    for package in packages {
      guard state.installed[package] != nil else {
        await output.err("E: Unable to locate package \(package)\n")
        return 100
      }
      let already = state.held.contains(package) == held
      cluster.changePackages(on: node.name) { state in
        if held { state.held.insert(package) } else { state.held.remove(package) }
      }
      text +=
        held
        ? (already ? "\(package) was already set on hold.\n" : "\(package) set on hold.\n")
        : (already ? "\(package) was already not on hold.\n" : "Canceled hold on \(package).\n")
    }
    await output.out(text)
    return 0
  }
}
