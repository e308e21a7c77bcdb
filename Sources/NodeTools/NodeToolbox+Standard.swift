extension NodeToolbox {
  /// Every node command the sandbox answers.
  public static let standard = NodeToolbox([
    Systemctl(), Journalctl(), Crictl(), Ctr(), Nerdctl(), Etcdctl(), Etcdutl(), Kubeadm(), Apt(),
  ])
}
