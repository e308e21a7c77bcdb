/// The commands every sandbox node answers.
extension NodeToolbox {
  public static let standard = NodeToolbox([
    Crictl(), Ctr(), Nerdctl(), Etcdctl(), Etcdutl(), Kubeadm(), Apt(),
  ])
}
