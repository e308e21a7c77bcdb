import KubeSim

/// containerd's namespaces as the node has them: the kubelet's containers and images live in
/// `k8s.io`; `default`, where ctr and nerdctl look unless told, holds nothing on a kubeadm node.
struct ContainerdNamespace {
  static let kubernetes = "k8s.io"
  /// The image containerd starts pod sandboxes from (its own sandbox_image setting).
  static let sandboxImage = "registry.k8s.io/pause:3.8"

  let name: String
  let runtime: NodeRuntime?
  let images: [NodeImage]

  /// The namespace `-n`/`--namespace` or CONTAINERD_NAMESPACE names, `default` otherwise.
  init(_ arguments: ToolArguments, _ invocation: NodeToolInvocation, node: NodeContext) {
    name = arguments.value("--namespace") ?? invocation.environment["CONTAINERD_NAMESPACE"] ?? "default"
    let isKubernetes = name == Self.kubernetes
    runtime = isKubernetes ? NodeRuntime(node: node.name, cluster: node.cluster) : nil
    images = isKubernetes ? node.cluster.images(on: node.name) : []
  }
}
