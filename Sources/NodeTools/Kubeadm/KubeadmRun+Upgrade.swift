import Crypto
import Foundation
import KubeModel
import KubeSim

/// `kubeadm upgrade plan`, `apply` and `node`, following Kubernetes' rules: one minor at a time,
/// never past the kubeadm installed, control plane before kubelets.
extension KubeadmRun {
  static let components = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]

  /// The image tag a node's control-plane component runs, from its mirror pod.
  func runningTag(_ component: String, on name: String) -> String? {
    let pod = try? cluster.get(resource("pods"), namespace: "kube-system", name: "\(component)-\(name)")
    return pod?[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue?.split(separator: ":").last
      .map(String.init)
  }

  func addonTag(_ resource: ServedResource, _ name: String) -> String? {
    let object = try? cluster.get(resource, namespace: "kube-system", name: name)
    return object?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue?
      .split(separator: ":").last.map(String.init)
  }

  var nodeNames: [String] {
    cluster.list(resource("nodes"), namespace: nil).items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
  }

  var controlPlanes: [String] { nodeNames.filter(isControlPlane) }

  func plan() async -> Int32 {
    guard await requireAdminConfig() else { return 1 }
    let current = clusterRelease
    let kubeadm = kubeadmRelease
    var targets: [(title: String, release: Release)] = []
    if let patch = Release.latest(minor: current.minor), patch > current {
      targets.append(("Upgrade to the latest version in the v1.\(current.minor) series:", patch))
    }
    if let next = Release.latest(minor: current.minor + 1) {
      targets.append(("Upgrade to the latest stable version:", next))
    }
    var text =
      "[preflight] Running pre-flight checks.\n" + preface("upgrade/config")
      + "[upgrade] Running cluster health checks\n[upgrade] Fetching available versions to upgrade to\n"
      + "[upgrade/versions] Cluster version: \(current.bare)\n[upgrade/versions] kubeadm version: \(kubeadm)\n"
      + "[upgrade/versions] Target version: \(targets.last?.release ?? current)\n"
      + "[upgrade/versions] Latest version in the v1.\(current.minor) series: \(Release.latest(minor: current.minor) ?? current)\n\n"
    guard !targets.isEmpty else {
      await output.out(text + "Awesome, you're up-to-date! Enjoy!\n")
      return 0
    }
    for (title, target) in targets {
      text +=
        "Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n"
      var kubelets = TabTable(minWidth: 10, padding: 3)
      kubelets.add(["COMPONENT", "NODE", "CURRENT", "TARGET"])
      for name in nodeNames {
        kubelets.add(["kubelet", name, cluster.kubeletVersion(of: name) ?? "", target.description])
      }
      text += kubelets.text + "\n\(title)\n\n"
      var table = TabTable(minWidth: 10, padding: 3)
      table.add(["COMPONENT", "NODE", "CURRENT", "TARGET"])
      for component in Self.components.dropFirst() {
        for name in controlPlanes {
          table.add([component, name, runningTag(component, on: name) ?? "", target.description])
        }
      }
      let minor = KubernetesReleases.minors[target.minor]
      table.add([
        "kube-proxy", "",
        addonTag(resource("daemonsets", "apps/v1"), "kube-proxy").map { String($0.dropFirst()) } ?? "",
        target.description,
      ])
      table.add(["CoreDNS", "", addonTag(resource("deployments", "apps/v1"), "coredns") ?? "", minor?.coreDNS ?? ""])
      for name in controlPlanes {
        table.add(["etcd", name, runningTag("etcd", on: name) ?? "", minor?.etcd ?? ""])
      }
      text +=
        table.text + "\nYou can now apply the upgrade by executing the following command:\n\n"
        + "\tkubeadm upgrade apply \(target)\n\n"
      if kubeadm < target {
        text += "Note: Before you can perform this upgrade, you have to update kubeadm to \(target).\n\n"
      }
      text += "_____________________________________________________________________\n\n"
    }
    text += """
      The table below shows the current state of component configs as understood by this version of kubeadm.
      Configs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or
      resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually
      upgrade to is denoted in the "PREFERRED VERSION" column.

      API GROUP                 CURRENT VERSION   PREFERRED VERSION   MANUAL UPGRADE REQUIRED
      kubeproxy.config.k8s.io   v1alpha1          v1alpha1            no
      kubelet.config.k8s.io     v1beta1           v1beta1             no
      _____________________________________________________________________


      """
    await output.out(text)
    return 0
  }

  /// The version policy kubeadm enforces before an upgrade: fatal errors, then those --force skips.
  func versionErrors(_ target: Release) -> (fatal: [String], skippable: [String]) {
    let current = clusterRelease
    let kubeadm = kubeadmRelease
    var fatal: [String] = []
    var skippable: [String] = []
    if target.minor > current.minor + 1 {
      fatal.append(
        "Specified version to upgrade to \"\(target)\" is too high; kubeadm can upgrade only 1 minor version at a time")
    }
    if target.minor < current.minor - 1 {
      fatal.append(
        "Specified version to downgrade to \"\(target)\" is too low; kubeadm can downgrade only 1 minor version at a time"
      )
    }
    if kubeadm < target {
      if target.minor > kubeadm.minor {
        fatal.append(
          "Specified version to upgrade to \"\(target)\" is at least one minor release higher than the kubeadm minor "
            + "release (\(target.minor) > \(kubeadm.minor)). Such an upgrade is not supported")
      } else {
        skippable.append(
          "Specified version to upgrade to \"\(target)\" is higher than the kubeadm version \"\(kubeadm)\". "
            + "Upgrade kubeadm first using the tool you used to install kubeadm")
      }
    }
    if kubeadm.minor > target.minor {
      skippable.append(
        "Kubeadm version \(kubeadm) can only be used to upgrade to Kubernetes version \(kubeadm.major).\(kubeadm.minor)"
      )
    }
    return (fatal, skippable)
  }

  func apply(_ version: String?) async -> Int32 {
    guard await requireAdminConfig() else { return 1 }
    let trace = "To see the stack trace of this error execute with --v=5 or higher\n"
    guard let version else {
      await output.err("missing one or more required arguments: [version]\n" + trace)
      return 1
    }
    guard let target = Release(version.hasPrefix("v") ? version : "v" + version) else {
      await output.err("the version argument is invalid: couldn't parse version \"\(version)\"\n" + trace)
      return 1
    }
    await output.out(
      preface("upgrade") + "[upgrade/preflight] Running preflight checks\n[upgrade] Running cluster health checks\n"
        + "[upgrade/preflight] You have chosen to upgrade the cluster version to \"\(target)\"\n"
        + "[upgrade/versions] Cluster version: \(clusterRelease)\n[upgrade/versions] kubeadm version: \(kubeadmRelease)\n"
    )
    let errors = versionErrors(target)
    func list(_ items: [String]) -> String { items.map { "\t- \($0)\n" }.joined() }
    if !errors.fatal.isEmpty {
      await output.err(
        "[upgrade/version] FATAL: the --version argument is invalid due to these fatal errors:\n\n\(list(errors.fatal))\n"
          + "Please fix the misalignments highlighted above and try upgrading again\n" + trace)
      return 1
    }
    if !errors.skippable.isEmpty && !arguments.has("--force") {
      await output.err(
        "[upgrade/version] FATAL: the --version argument is invalid due to these errors:\n\n\(list(errors.skippable))\n"
          + "Can be bypassed if you pass the --force flag\n" + trace)
      return 1
    }
    // Without -y kubeadm asks; an answer piped in is read, a terminal's is taken as yes.
    if !arguments.has("--yes"), let input = invocation.input {
      await output.out("[upgrade] Are you sure you want to proceed? [y/N]: ")
      let answer = String(decoding: input, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
      guard ["y", "yes"].contains(answer.lowercased()) else {
        await output.err("won't proceed; the user didn't answer (Y|y) in order to continue\n" + trace)
        return 1
      }
    }
    if arguments.has("--dry-run") {
      await output.out("[dryrun] Finished dryrunning successfully!\n")
      return 0
    }
    await output.out(
      "[upgrade/prepull] Pulling images required for setting up a Kubernetes cluster\n"
        + "[upgrade/prepull] This might take a minute or two, depending on the speed of your internet connection\n"
        + "[upgrade/prepull] You can also perform this action beforehand using 'kubeadm config images pull'\n")
    await upgradeControlPlane(to: target)
    cluster.serverVersion = ServerVersion(gitVersion: target.description) ?? cluster.serverVersion
    updateClusterConfiguration(target)
    updateAddons(target)
    await output.out(
      "[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!\n"
        + kubeletConfigLines()
        + "[upgrade/bootstrap-token] Configuring bootstrap token and cluster-info RBAC rules\n"
        + "[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n\n"
        + "[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"\(target)\".\n\n"
        + "[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n")
    return 0
  }

  func kubeletConfigLines() -> String {
    "[upgrade] Backing up kubelet config file to /etc/kubernetes/tmp/kubeadm-kubelet-config\(ProcessIDs.pid(for: node.name))/config.yaml\n"
      + "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/config.yaml\"\n"
      + "[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n"
  }

  func upgradeNode() async -> Int32 {
    let trace = "To see the stack trace of this error execute with --v=5 or higher\n"
    guard isControlPlane(node.name) else {
      await output.out(
        preface("upgrade") + "[upgrade/preflight] Running pre-flight checks\n"
          + "[upgrade/preflight] Skipping prepull. Not a control plane node.\n"
          + "[upgrade/control-plane] Skipping phase. Not a control plane node.\n"
          + "[upgrade/kubeconfig] Skipping phase. Not a control plane node.\n" + kubeletConfigLines()
          + "[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n"
          + "[upgrade/addon] Skipping the addon/kube-proxy phase. Not a control plane node.\n")
      return 0
    }
    // A further control-plane node follows the cluster's version, which kubeadm must reach.
    let target = clusterRelease
    guard kubeadmRelease >= target else {
      await output.err(
        "the kubeadm version \"\(kubeadmRelease)\" is lower than the version of the cluster \"\(target)\"; "
          + "upgrade kubeadm first\n" + trace)
      return 1
    }
    await output.out(
      preface("upgrade") + "[upgrade/preflight] Running pre-flight checks\n"
        + "[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n")
    await upgradeControlPlane(to: target)
    await output.out(
      "[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!\n" + kubeletConfigLines()
        + "[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n"
        + "[upgrade/addon] Skipping the addon/kube-proxy phase. Not a control plane node.\n")
    return 0
  }

  /// Rewrites this node's control-plane manifests to the target's images (keeping a backup, and
  /// renewing each component's certificates as kubeadm does) and moves the mirror pods with them.
  func upgradeControlPlane(to target: Release) async {
    let stamp = Self.backupStamp(cluster.now())
    let backup = "/etc/kubernetes/tmp/kubeadm-backup-manifests-\(stamp)"
    let etcdUpgrade = arguments.value("--etcd-upgrade") != "false"
    let renewals: [String: [String]] = [
      "etcd": ["etcd-server", "etcd-peer", "etcd-healthcheck-client"],
      "kube-apiserver": ["apiserver", "apiserver-kubelet-client", "front-proxy-client", "apiserver-etcd-client"],
      "kube-controller-manager": ["controller-manager.conf"], "kube-scheduler": ["scheduler.conf"],
    ]
    var text =
      "[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version \"\(target)\" (timeout: 5m0s)...\n"
      + "[upgrade/staticpods] Writing new Static Pod manifests to \"/etc/kubernetes/tmp/kubeadm-upgraded-manifests\(ProcessIDs.pid(for: stamp))\"\n"
    for component in Self.components {
      let tag = component == "etcd" ? KubernetesReleases.minors[target.minor]?.etcd : target.description
      guard let tag, component != "etcd" || etcdUpgrade else { continue }
      if component == "etcd", let running = runningTag("etcd", on: node.name), running >= tag {
        text +=
          "[upgrade/etcd] Upgrading to TLS for etcd\n[upgrade/staticpods] Current and new manifests of etcd are equal, skipping upgrade\n"
        continue
      }
      let manifest = "/etc/kubernetes/manifests/\(component).yaml"
      text += "[upgrade/staticpods] Preparing for \"\(component)\" upgrade\n"
      if arguments.value("--certificate-renewal") != "false" {
        for name in renewals[component] ?? [] {
          guard let entry = KubeadmCertificate.all.first(where: { $0.name == name }),
            (try? entry.renew(on: node, now: cluster.now())) != nil
          else { continue }
          text += "[upgrade/staticpods] Renewing \(name) certificate\n"
        }
      }
      if let contents = node.readText(manifest) {
        let backupFile = node.resolvedPath("\(backup)/\(component).yaml")
        try? FileManager.default.createDirectory(
          at: backupFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? contents.write(to: backupFile, atomically: true, encoding: .utf8)
        let upgraded = contents.replacingOccurrences(
          of: "(image: [^\\s]*/\(component)):[^\\s]+", with: "$1:\(tag)", options: .regularExpression)
        try? upgraded.write(to: node.resolvedPath(manifest), atomically: true, encoding: .utf8)
      }
      upgradeMirrorPod(component, tag: tag)
      text +=
        "[upgrade/staticpods] Moving new manifest to \"\(manifest)\" and backing up old manifest to \"\(backup)/\(component).yaml\"\n"
        + "[upgrade/staticpods] Waiting for the kubelet to restart the component\n"
        + "[upgrade/staticpods] This can take up to 5m0s\n"
        + "[apiclient] Found \(controlPlanes.count) Pods for label selector component=\(component)\n"
        + "[upgrade/staticpods] Component \"\(component)\" upgraded successfully!\n"
    }
    text += "[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n"
    await output.out(text)
  }

  static func backupStamp(_ date: Date) -> String { utc(date, "yyyy-MM-dd-HH-mm-ss") }

  /// The kubelet restarts a static pod whose manifest changed: its mirror runs the new image in a
  /// new container.
  func upgradeMirrorPod(_ component: String, tag: String) {
    let key = ObjectKey(resource: "pods", namespace: "kube-system", name: "\(component)-\(node.name)")
    let now = APITimestamp.string(cluster.now())
    _ = cluster.store.update(key) { current in
      var next = current
      guard var container = current[path: ["spec", "containers"]]?.arrayValue?.first,
        let image = container["image"]?.stringValue, let colon = image.lastIndex(of: ":")
      else { return nil }
      let upgraded = image[..<colon] + ":" + tag
      container["image"] = .string(upgraded)
      next[path: ["spec", "containers"]] = .array(
        [container] + (current[path: ["spec", "containers"]]?.arrayValue ?? []).dropFirst())
      if var status = current[path: ["status", "containerStatuses"]]?.arrayValue?.first {
        status["image"] = .string(upgraded)
        status["imageID"] = .string(String(image[..<colon]) + "@" + NodeImage.id(forRepoDigest: upgraded))
        status["containerID"] = .string(
          "containerd://" + RuntimePod.hex(SHA256.hash(data: Data("\(upgraded)/\(now)".utf8))))
        status["state"] = ["running": ["startedAt": .string(now)]]
        next[path: ["status", "containerStatuses"]] = [status]
      }
      return next
    }
  }

  /// The ClusterConfiguration in kubeadm-config records the version the cluster was upgraded to.
  func updateClusterConfiguration(_ target: Release) {
    let key = ObjectKey(resource: "configmaps", namespace: "kube-system", name: "kubeadm-config")
    _ = cluster.store.update(key) { current in
      guard let text = current[path: ["data", "ClusterConfiguration"]]?.stringValue else { return nil }
      var next = current
      next[path: ["data", "ClusterConfiguration"]] = .string(
        text.replacingOccurrences(
          of: "kubernetesVersion: v[0-9.]+", with: "kubernetesVersion: \(target)", options: .regularExpression))
      return next
    }
  }

  /// kube-proxy and CoreDNS move to the target's images, and roll out as their controllers do.
  func updateAddons(_ target: Release) {
    let addons: [(ServedResource, String, String?)] = [
      (resource("daemonsets", "apps/v1"), "kube-proxy", target.description),
      (resource("deployments", "apps/v1"), "coredns", KubernetesReleases.minors[target.minor]?.coreDNS),
    ]
    for (type, name, tag) in addons {
      guard let tag, var object = try? cluster.get(type, namespace: "kube-system", name: name),
        var containers = object[path: ["spec", "template", "spec", "containers"]]?.arrayValue, !containers.isEmpty,
        let image = containers[0]["image"]?.stringValue, let colon = image.lastIndex(of: ":")
      else { continue }
      containers[0]["image"] = .string(image[..<colon] + ":" + tag)
      object[path: ["spec", "template", "spec", "containers"]] = .array(containers)
      _ = try? cluster.update(type, namespace: "kube-system", name: name, object: object)
    }
  }
}
