import Foundation
import KubeModel
import KubeSim

/// Writes a node's tree as `kubeadm init` (control plane) or `kubeadm join` (worker) leaves the
/// machine: certificates, kubeconfigs, static pod manifests, the kubelet's and containerd's
/// configuration, CNI, and the bits of /etc a shell needs.
struct NodeTreeWriter {
  let certificates: NodeCertificates

  func write(_ node: NodeFacts, to tree: URL) throws {
    var files =
      SystemFiles.files(for: node) + KubeletFiles.files(for: node) + RuntimeFiles.files(for: node)
      + PackageFiles.files(for: node)
    files += try certificates.files(for: node)
    files += try certificates.kubeletFiles(for: node)
    files += try Kubeconfigs.files(for: node, certificates: certificates)
    for pod in node.staticPods {
      files.append(
        .secret(
          "/etc/kubernetes/manifests/" + StaticPodManifest.fileName(pod, node: node.name),
          YAML.emit(StaticPodManifest.manifest(pod, node: node.name))))
    }
    if node.isControlPlane { files.append(.directory("/var/lib/etcd/member", mode: 0o700)) }
    for file in files { try file.write(under: tree) }
  }
}
