/// The shape of the sandbox cluster a lab needs when the learner brings none.
public enum LabTopology: String, CaseIterable, Sendable {
  case kubeadm
  case kubeadmTwoNode = "kubeadm-2node"
  case kubeadmHA = "kubeadm-ha"
}
