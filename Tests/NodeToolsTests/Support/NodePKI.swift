import Crypto
import Foundation
import X509

/// The certificates kubeadm writes on a control-plane node, made for a test tree: the Kubernetes,
/// etcd and front-proxy CAs with their keys, and the leaves signed by them, one year from `now`.
struct NodePKI {
  struct Authority {
    let certificate: Certificate
    let key: Certificate.PrivateKey

    init(_ name: String, now: Date) throws {
      key = Certificate.PrivateKey(P256.Signing.PrivateKey())
      let subject = try DistinguishedName { CommonName(name) }
      certificate = try Certificate(
        version: .v3, serialNumber: .init(), publicKey: key.publicKey, notValidBefore: now - 300,
        notValidAfter: now + 10 * 365 * 86400, issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
        extensions: try Certificate.Extensions {
          Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
          Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
        }, issuerPrivateKey: key)
    }

    func issue(_ name: String, hosts: [String] = [], now: Date) throws -> (certificate: String, key: String) {
      let leafKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
      let leaf = try Certificate(
        version: .v3, serialNumber: .init(), publicKey: leafKey.publicKey, notValidBefore: now - 300,
        notValidAfter: now + 365 * 86400, issuer: certificate.subject,
        subject: try DistinguishedName { CommonName(name) }, signatureAlgorithm: .ecdsaWithSHA256,
        extensions: try Certificate.Extensions {
          Critical(BasicConstraints.notCertificateAuthority)
          try ExtendedKeyUsage([.serverAuth, .clientAuth])
          if !hosts.isEmpty {
            // The tools do not read SANs; names keep the test free of address encoding.
            SubjectAlternativeNames(hosts.map { .dnsName($0) })
          }
        }, issuerPrivateKey: key)
      return (try leaf.serializeAsPEM().pemString + "\n", try leafKey.serializeAsPEM().pemString + "\n")
    }

    var pem: (certificate: String, key: String) {
      ((try? certificate.serializeAsPEM().pemString) ?? "", (try? key.serializeAsPEM().pemString) ?? "")
    }
  }

  /// The files of /etc/kubernetes on a control-plane node at `ip`, by path inside the node.
  static func controlPlaneFiles(ip: String, now: Date) throws -> [String: String] {
    let kubernetes = try Authority("kubernetes", now: now)
    let etcd = try Authority("etcd-ca", now: now)
    let frontProxy = try Authority("front-proxy-ca", now: now)
    let pki = "etc/kubernetes/pki"
    var files: [String: String] = [:]
    func write(_ path: String, _ pair: (certificate: String, key: String)) {
      files["\(pki)/\(path).crt"] = pair.certificate
      files["\(pki)/\(path).key"] = pair.key
    }
    write("ca", kubernetes.pem)
    write("etcd/ca", etcd.pem)
    write("front-proxy-ca", frontProxy.pem)
    write("apiserver", try kubernetes.issue("kube-apiserver", hosts: ["kubernetes", ip, "10.96.0.1"], now: now))
    write("apiserver-kubelet-client", try kubernetes.issue("kube-apiserver-kubelet-client", now: now))
    write("apiserver-etcd-client", try etcd.issue("kube-apiserver-etcd-client", now: now))
    write("front-proxy-client", try frontProxy.issue("front-proxy-client", now: now))
    write("etcd/server", try etcd.issue("controlplane", hosts: ["localhost", ip, "127.0.0.1"], now: now))
    write("etcd/peer", try etcd.issue("controlplane", hosts: ["localhost", ip, "127.0.0.1"], now: now))
    write("etcd/healthcheck-client", try etcd.issue("kube-etcd-healthcheck-client", now: now))
    for (file, user) in [
      ("admin.conf", "kubernetes-admin"), ("super-admin.conf", "kubernetes-super-admin"),
      ("controller-manager.conf", "system:kube-controller-manager"), ("scheduler.conf", "system:kube-scheduler"),
    ] {
      let pair = try kubernetes.issue(user, now: now)
      files["etc/kubernetes/\(file)"] = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: \(Data(kubernetes.pem.certificate.utf8).base64EncodedString())
            server: https://\(ip):6443
          name: kubernetes
        contexts:
        - context:
            cluster: kubernetes
            user: \(user)
          name: \(user)@kubernetes
        current-context: \(user)@kubernetes
        kind: Config
        users:
        - name: \(user)
          user:
            client-certificate-data: \(Data(pair.certificate.utf8).base64EncodedString())
            client-key-data: \(Data(pair.key.utf8).base64EncodedString())

        """
    }
    return files
  }
}
