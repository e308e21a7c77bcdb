import Foundation
import KubeSim

/// `apt-get install kubeadm=1.34.1-1.1 …`: apt's checks (versions the repository has, held
/// packages, downgrades), then dpkg's unpacking.
extension AptRun {
  func install(_ requests: [String]) async -> Int32 {
    let header = "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n"
    var changes: [(package: String, from: String, to: String)] = []
    var current: [String] = []
    for request in requests {
      let parts = request.split(separator: "=", maxSplits: 1).map(String.init)
      let package = parts[0]
      let versions = available(package)
      guard !versions.isEmpty else {
        await output.out(header)
        await output.err("E: Unable to locate package \(package)\n")
        return 100
      }
      // A version may end in `*`, as the install guide writes `kubeadm='1.34.1-*'`.
      let wanted = parts.count > 1 ? parts[1] : versions[0]
      guard
        let version = versions.first(where: {
          wanted.hasSuffix("*") ? $0.hasPrefix(String(wanted.dropLast())) : $0 == wanted
        })
      else {
        await output.out(header)
        await output.err("E: Version '\(wanted)' for '\(package)' was not found\n")
        return 100
      }
      let installed = state.installed[package] ?? ""
      if installed == version {
        current.append("\(package) is already the newest version (\(version)).")
      } else {
        changes.append((package, installed, version))
      }
    }
    let held = changes.filter { state.held.contains($0.package) }.map(\.package)
    let downgrades = changes.filter {
      (Release($0.to) ?? Release(minor: 0, patch: 0)) < (Release($0.from) ?? Release(minor: 0, patch: 0))
    }
    var text = header + current.map { $0 + "\n" }.joined()
    func list(_ title: String, _ names: [String]) -> String {
      names.isEmpty ? "" : "\(title)\n  \(names.joined(separator: " "))\n"
    }
    text += list("The following held packages will be changed:", held)
    text += list("The following packages will be DOWNGRADED:", downgrades.map(\.package))
    text += list(
      "The following packages will be upgraded:",
      changes.filter { c in !downgrades.contains { $0.package == c.package } }.map(\.package))
    let upgraded = changes.count - downgrades.count
    text += "\(upgraded) upgraded, 0 newly installed, \(downgrades.count) downgraded, 0 to remove and 0 not upgraded.\n"
    if !held.isEmpty && !arguments.has("--allow-change-held-packages") {
      await output.out(text)
      await output.err("E: Held packages were changed and -y was used without --allow-change-held-packages.\n")
      return 100
    }
    if !downgrades.isEmpty && !arguments.has("--allow-downgrades") {
      await output.out(text)
      await output.err("E: Packages were downgraded and -y was used without --allow-downgrades.\n")
      return 100
    }
    for (index, change) in changes.enumerated() {
      let series = "v1.\(Release(change.to)?.minor ?? 0)"
      text +=
        "Get:\(index + 1) https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/\(series)/deb  \(change.package) \(change.to) [12.2 MB]\n"
    }
    if !changes.isEmpty {
      text +=
        "Fetched \(12.2 * Double(changes.count)) MB in 1s (11.8 MB/s)\n(Reading database ... 74436 files and directories currently installed.)\n"
    }
    for change in changes {
      text +=
        "Preparing to unpack .../\(change.package)_\(change.to)_amd64.deb ...\n"
        + "Unpacking \(change.package) (\(change.to)) over (\(change.from)) ...\n"
    }
    for change in changes { text += "Setting up \(change.package) (\(change.to)) ...\n" }
    cluster.changePackages(on: node.name) { state in
      for change in changes { state.installed[change.package] = change.to }
    }
    await output.out(text)
    return 0
  }
}
