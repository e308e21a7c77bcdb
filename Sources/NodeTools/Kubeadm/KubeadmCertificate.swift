import Crypto
import Foundation
import KubeModel
import X509

/// A certificate kubeadm manages on a control-plane node: a PEM file under /etc/kubernetes/pki, or
/// the client certificate embedded in a kubeconfig under /etc/kubernetes.
struct KubeadmCertificate {
  var name: String
  /// The .crt file, or the kubeconfig holding it.
  var path: String
  var authority: String
  /// What `certs renew` says it renewed.
  var purpose: String

  var isKubeconfig: Bool { path.hasSuffix(".conf") }
  var keyPath: String { String(path.dropLast(4)) + ".key" }

  static let pki = "/etc/kubernetes/pki"

  static let all: [KubeadmCertificate] = [
    .init(
      name: "admin.conf", path: "/etc/kubernetes/admin.conf", authority: "ca",
      purpose: "certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself"),
    .init(
      name: "apiserver", path: "\(pki)/apiserver.crt", authority: "ca",
      purpose: "certificate for serving the Kubernetes API"),
    .init(
      name: "apiserver-etcd-client", path: "\(pki)/apiserver-etcd-client.crt", authority: "etcd-ca",
      purpose: "certificate the apiserver uses to access etcd"),
    .init(
      name: "apiserver-kubelet-client", path: "\(pki)/apiserver-kubelet-client.crt", authority: "ca",
      purpose: "certificate for the API server to connect to kubelet"),
    .init(
      name: "controller-manager.conf", path: "/etc/kubernetes/controller-manager.conf", authority: "ca",
      purpose: "certificate embedded in the kubeconfig file for the controller manager to use"),
    .init(
      name: "etcd-healthcheck-client", path: "\(pki)/etcd/healthcheck-client.crt", authority: "etcd-ca",
      purpose: "certificate for liveness probes to healthcheck etcd"),
    .init(
      name: "etcd-peer", path: "\(pki)/etcd/peer.crt", authority: "etcd-ca",
      purpose: "certificate for etcd nodes to communicate with each other"),
    .init(
      name: "etcd-server", path: "\(pki)/etcd/server.crt", authority: "etcd-ca", purpose: "certificate for serving etcd"
    ),
    .init(
      name: "front-proxy-client", path: "\(pki)/front-proxy-client.crt", authority: "front-proxy-ca",
      purpose: "certificate for the front proxy client"),
    .init(
      name: "scheduler.conf", path: "/etc/kubernetes/scheduler.conf", authority: "ca",
      purpose: "certificate embedded in the kubeconfig file for the scheduler manager to use"),
    .init(
      name: "super-admin.conf", path: "/etc/kubernetes/super-admin.conf", authority: "ca",
      purpose: "certificate embedded in the kubeconfig file for the super-admin"),
  ]

  /// The authorities, by the name the tables give them, and their certificate file.
  static let authorities: [(name: String, path: String)] = [
    ("ca", "\(pki)/ca.crt"), ("etcd-ca", "\(pki)/etcd/ca.crt"), ("front-proxy-ca", "\(pki)/front-proxy-ca.crt"),
  ]

  /// The certificate as the node's files hold it now; nil when absent or unreadable.
  func certificate(on node: NodeContext) -> Certificate? {
    guard let text = node.readText(path) else { return nil }
    guard isKubeconfig else { return PEMCertificates.certificates(text).first }
    return Self.embedded("client-certificate-data", in: text).flatMap { PEMCertificates.certificates($0).first }
  }

  /// The PEM a kubeconfig's first user embeds under `field`.
  static func embedded(_ field: String, in kubeconfig: String) -> String? {
    guard let document = try? YAML.decodeJSON(kubeconfig, file: "kubeconfig").first,
      let encoded = document["users"]?.arrayValue?.first?[path: ["user", field]]?.stringValue,
      let data = Data(base64Encoded: encoded)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// Issues the certificate again from its authority for a year from `now`, with a new key and the
  /// same subject and extensions, and writes it where it was (kubeadm's `certs renew`).
  func renew(on node: NodeContext, now: Date) throws {
    guard let old = certificate(on: node) else { throw RenewalError(message: "\(name) certificate not found") }
    let authorityPath = Self.authorities.first { $0.name == authority }?.path ?? "\(Self.pki)/ca.crt"
    guard let caText = node.readText(authorityPath), let ca = PEMCertificates.certificates(caText).first,
      let caKeyText = node.readText(String(authorityPath.dropLast(4)) + ".key"),
      let caKey = PEMCertificates.privateKey(caKeyText)
    else {
      throw RenewalError(message: "failed to renew certificate \(name): certificate authority \(authority) not found")
    }
    let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
    let renewed = try Certificate(
      version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
      notValidBefore: now - 5 * 60, notValidAfter: min(now + 365 * 24 * 3600, ca.notValidAfter), issuer: ca.subject,
      subject: old.subject, signatureAlgorithm: .ecdsaWithSHA256, extensions: old.extensions, issuerPrivateKey: caKey)
    let certificatePEM = try renewed.serializeAsPEM().pemString + "\n"
    let keyPEM = try key.serializeAsPEM().pemString + "\n"
    if isKubeconfig {
      guard var text = node.readText(path), let oldCertificate = Self.encodedField("client-certificate-data", in: text),
        let oldKey = Self.encodedField("client-key-data", in: text)
      else { throw RenewalError(message: "\(name): no embedded client certificate") }
      text = text.replacingOccurrences(of: oldCertificate, with: Data(certificatePEM.utf8).base64EncodedString())
      text = text.replacingOccurrences(of: oldKey, with: Data(keyPEM.utf8).base64EncodedString())
      try text.write(to: node.resolvedPath(path), atomically: true, encoding: .utf8)
    } else {
      try certificatePEM.write(to: node.resolvedPath(path), atomically: true, encoding: .utf8)
      try keyPEM.write(to: node.resolvedPath(keyPath), atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: node.resolvedPath(keyPath).path)
    }
  }

  static func encodedField(_ field: String, in kubeconfig: String) -> String? {
    guard let document = try? YAML.decodeJSON(kubeconfig, file: "kubeconfig").first else { return nil }
    return document["users"]?.arrayValue?.first?[path: ["user", field]]?.stringValue
  }

  struct RenewalError: Error {
    var message: String
  }
}
