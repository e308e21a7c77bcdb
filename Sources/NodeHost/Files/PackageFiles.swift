/// apt's source of the Kubernetes packages, as the kubeadm install guide leaves it: the
/// pkgs.k8s.io series of the node's release. `apt-get` reads it, and an upgrade starts by
/// moving it to the next minor.
enum PackageFiles {
  static func files(for node: NodeFacts) -> [NodeFile] {
    let series = node.kubeletVersion.split(separator: ".").prefix(2).joined(separator: ".")
    return [
      .text(
        "/etc/apt/sources.list.d/kubernetes.list",
        "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/\(series)/deb/ /\n"
      ),
      .directory("/etc/apt/keyrings"),
    ]
  }
}
