import Foundation
import KubeSim
import X509

/// /etc/kubernetes/pki of a node as `kubeadm init` leaves it: the cluster CA (the sandbox's own,
/// so every certificate here verifies against what kubectl trusts), the etcd and front-proxy CAs,
/// and the leaf certificates of each component, with kubeadm's names and subject alternative names.
struct NodeCertificates {
  let authority: SandboxCertificateAuthority
  /// The API server's serving certificate the sandbox answers with.
  let apiServer: PEMCredential
  let admin: PEMCredential

  func files(for node: NodeFacts) throws -> [NodeFile] {
    let pki = "/etc/kubernetes/pki"
    var files: [NodeFile] = [.text("\(pki)/ca.crt", try authority.certificatePEM())]
    guard node.isControlPlane else { return files }
    files.append(.secret("\(pki)/ca.key", try authority.privateKeyPEM()))
    func pair(_ base: String, _ credential: PEMCredential) -> [NodeFile] {
      [.text("\(base).crt", credential.certificatePEM), .secret("\(base).key", credential.privateKeyPEM)]
    }
    files += pair("\(pki)/apiserver", apiServer)
    files += pair(
      "\(pki)/apiserver-kubelet-client",
      try authority.issue(
        commonName: "kube-apiserver-kubelet-client", organizations: [SandboxPKI.adminGroup], usage: .client))

    let etcd = try SandboxCertificateAuthority(commonName: "etcd-ca")
    let etcdHosts = [node.name, "localhost", node.internalIP, "127.0.0.1", "::1"]
    files += [
      .text("\(pki)/etcd/ca.crt", try etcd.certificatePEM()), .secret("\(pki)/etcd/ca.key", try etcd.privateKeyPEM()),
    ]
    files += pair("\(pki)/etcd/server", try etcd.issue(commonName: node.name, usage: .peer(hosts: etcdHosts)))
    files += pair("\(pki)/etcd/peer", try etcd.issue(commonName: node.name, usage: .peer(hosts: etcdHosts)))
    files += pair(
      "\(pki)/etcd/healthcheck-client", try etcd.issue(commonName: "kube-etcd-healthcheck-client", usage: .client))
    files += pair(
      "\(pki)/apiserver-etcd-client", try etcd.issue(commonName: "kube-apiserver-etcd-client", usage: .client))

    let frontProxy = try SandboxCertificateAuthority(commonName: "front-proxy-ca")
    files += [
      .text("\(pki)/front-proxy-ca.crt", try frontProxy.certificatePEM()),
      .secret("\(pki)/front-proxy-ca.key", try frontProxy.privateKeyPEM()),
    ]
    files += pair("\(pki)/front-proxy-client", try frontProxy.issue(commonName: "front-proxy-client", usage: .client))

    // The service-account signing key pair: kubeadm's is RSA, ours ECDSA like the rest.
    let serviceAccount = try authority.issue(commonName: "service-accounts", usage: .client)
    files.append(.secret("\(pki)/sa.key", serviceAccount.privateKeyPEM))
    files.append(.text("\(pki)/sa.pub", try Self.publicKeyPEM(ofCertificate: serviceAccount.certificatePEM)))
    return files
  }

  /// The kubelet's own client and serving certificates under /var/lib/kubelet/pki.
  func kubeletFiles(for node: NodeFacts, now: Date = Date()) throws -> [NodeFile] {
    let pki = "/var/lib/kubelet/pki"
    let client = try authority.issue(
      commonName: "system:node:\(node.name)", organizations: ["system:nodes"], usage: .client, now: now)
    let serving = try authority.issue(
      commonName: "\(node.name)@\(Int(now.timeIntervalSince1970))", usage: .server(hosts: [node.name]), now: now)
    let stamp = Self.kubeletClientStamp(now)
    return [
      .secret("\(pki)/kubelet-client-\(stamp).pem", client.certificatePEM + client.privateKeyPEM),
      .symlink("\(pki)/kubelet-client-current.pem", to: "\(pki)/kubelet-client-\(stamp).pem"),
      .text("\(pki)/kubelet.crt", serving.certificatePEM), .secret("\(pki)/kubelet.key", serving.privateKeyPEM),
    ]
  }

  /// A client credential for a kubeconfig kubeadm writes (controller-manager.conf, …).
  func client(_ commonName: String, organizations: [String] = []) throws -> PEMCredential {
    try authority.issue(commonName: commonName, organizations: organizations, usage: .client)
  }

  /// The rotation file name's date, as the kubelet stamps it: 2025-05-20-10-11-12.
  private static func kubeletClientStamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd-HH-mm-ss"
    return formatter.string(from: date)
  }

  private static func publicKeyPEM(ofCertificate pem: String) throws -> String {
    try Certificate(pemEncoded: pem).publicKey.serializeAsPEM().pemString
  }
}
