import Foundation
import KubeModel
import KubeSim

/// The kubeconfig files kubeadm writes to /etc/kubernetes, each reaching the sandbox's API server
/// as that component's user, with the cluster CA embedded.
enum Kubeconfigs {
  static func files(for node: NodeFacts, certificates: NodeCertificates) throws -> [NodeFile] {
    let ca = try certificates.authority.certificatePEM()
    func config(user: String, _ credential: PEMCredential) -> String {
      kubeconfig(server: node.serverURL, caPEM: ca, user: user, credential: credential)
    }
    var files = [
      NodeFile.secret(
        "/etc/kubernetes/kubelet.conf",
        kubeconfig(
          server: node.serverURL, caPEM: ca, user: "system:node:\(node.name)",
          clientFile:
            "/var/lib/kubelet/pki/kubelet-client-current.pem"))
    ]
    guard node.isControlPlane else { return files }
    let admin = config(user: "kubernetes-admin", certificates.admin)
    files += [
      .secret("/etc/kubernetes/admin.conf", admin),
      .secret("/root/.kube/config", admin),
      .secret(
        "/etc/kubernetes/super-admin.conf",
        config(
          user: "kubernetes-super-admin",
          try certificates.client("kubernetes-super-admin", organizations: ["system:masters"]))),
      .secret(
        "/etc/kubernetes/controller-manager.conf",
        config(user: "system:kube-controller-manager", try certificates.client("system:kube-controller-manager"))),
      .secret(
        "/etc/kubernetes/scheduler.conf",
        config(user: "system:kube-scheduler", try certificates.client("system:kube-scheduler"))),
    ]
    return files
  }

  /// A kubeconfig laid out as kubeadm's: cluster `kubernetes`, context `USER@kubernetes`.
  static func kubeconfig(
    server: String, caPEM: String, user: String, credential: PEMCredential? = nil, clientFile: String? = nil
  ) -> String {
    var userEntry: JSON = [:]
    if let credential {
      userEntry["client-certificate-data"] = .string(Data(credential.certificatePEM.utf8).base64EncodedString())
      userEntry["client-key-data"] = .string(Data(credential.privateKeyPEM.utf8).base64EncodedString())
    }
    if let clientFile {
      userEntry["client-certificate"] = .string(clientFile)
      userEntry["client-key"] = .string(clientFile)
    }
    let config: JSON = [
      "apiVersion": "v1",
      "clusters": [
        [
          "cluster": [
            "certificate-authority-data": .string(Data(caPEM.utf8).base64EncodedString()), "server": .string(server),
          ], "name": "kubernetes",
        ]
      ],
      "contexts": [
        ["context": ["cluster": "kubernetes", "user": .string(user)], "name": .string("\(user)@kubernetes")]
      ],
      "current-context": .string("\(user)@kubernetes"), "kind": "Config", "preferences": [:],
      "users": [["name": .string(user), "user": userEntry]],
    ]
    return YAML.emit(config)
  }
}
