import Foundation
import KubeSim
import Testing
import X509

@Suite("Sandbox PKI certificates")
struct TLSCertificateTests {
  let pki: SandboxPKI
  let ca: Certificate
  let server: Certificate
  let admin: Certificate

  init() throws {
    pki = try SandboxPKI(extraServerHosts: ["192.168.49.2", "lab.example", "localhost"])
    ca = try Certificate(pemEncoded: pki.caCertificatePEM)
    server = try Certificate(pemEncoded: pki.server.certificatePEM)
    admin = try Certificate(pemEncoded: pki.admin.certificatePEM)
  }

  @Test func caIsASelfSignedTenYearAuthorityNamedKubernetes() throws {
    #expect(ClientCertificateSubject(certificate: ca).commonName == "kubernetes")
    #expect(ca.issuer == ca.subject)
    #expect(ca.publicKey.isValidSignature(ca.signature, for: ca))
    #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
    let usage = try #require(try ca.extensions.keyUsage)
    #expect(usage.keyCertSign && usage.cRLSign && usage.digitalSignature)
    let years = ca.notValidAfter.timeIntervalSince(Date()) / (365 * 24 * 3600)
    #expect(years > 9.99 && years < 10.01)
  }

  @Test func serverCertificateNamesEveryWayTheAPIServerIsReached() throws {
    #expect(ClientCertificateSubject(certificate: server).commonName == "kube-apiserver")
    #expect(server.issuer == ca.subject)
    #expect(ca.publicKey.isValidSignature(server.signature, for: server))
    #expect(try server.extensions.basicConstraints == .notCertificateAuthority)
    #expect(try server.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
    let names = try #require(try server.extensions.subjectAlternativeNames)
    let dnsNames = names.compactMap { name -> String? in
      if case .dnsName(let host) = name { return host }
      return nil
    }
    #expect(
      dnsNames == [
        "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local", "controlplane", "lab.example",
      ])
    let ipAddresses = names.compactMap { name -> [UInt8]? in
      if case .ipAddress(let octets) = name { return Array(octets.bytes) }
      return nil
    }
    #expect(ipAddresses.contains([127, 0, 0, 1]))
    #expect(ipAddresses.contains([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))
    #expect(ipAddresses.contains([10, 96, 0, 1]))
    #expect(ipAddresses.contains([192, 168, 49, 2]))
    let days = server.notValidAfter.timeIntervalSince(Date()) / (24 * 3600)
    #expect(days > 364 && days < 366)
  }

  @Test func adminCertificateIsTheKubeadmClusterAdmin() throws {
    #expect(
      ClientCertificateSubject(certificate: admin)
        == ClientCertificateSubject(commonName: "kubernetes-admin", organizations: ["kubeadm:cluster-admins"]))
    #expect(ca.publicKey.isValidSignature(admin.signature, for: admin))
    let usages = try #require(try admin.extensions.extendedKeyUsage)
    #expect(usages.contains(.clientAuth) && !usages.contains(.serverAuth))
  }

  @Test func privateKeysMatchTheirCertificates() throws {
    #expect(try Certificate.PrivateKey(pemEncoded: pki.server.privateKeyPEM).publicKey == server.publicKey)
    #expect(try Certificate.PrivateKey(pemEncoded: pki.admin.privateKeyPEM).publicKey == admin.publicKey)
  }

  @Test func printingCredentialsNeverShowsAPrivateKey() {
    for text in ["\(pki.admin)", String(reflecting: pki.server), "\(pki.certificateAuthority)"] {
      #expect(!text.contains("PRIVATE KEY"))
    }
    #expect(pki.admin.privateKeyPEM.contains("PRIVATE KEY"))
  }

  @Test(.enabled(if: CommandLineTool.openssl.isInstalled))
  func opensslVerifiesEachCertificateForItsPurposeOnly() async throws {
    let files = try TemporaryDirectory()
    defer { files.remove() }
    let caPath = try files.write(pki.caCertificatePEM, to: "ca.pem")
    let serverPath = try files.write(pki.server.certificatePEM, to: "server.pem")
    let clientPath = try files.write(pki.admin.certificatePEM, to: "client.pem")
    let otherCAPath = try files.write(try SandboxPKI().caCertificatePEM, to: "other-ca.pem")
    func verify(_ purpose: String, _ certificate: String, ca: String = caPath) async throws -> Int32 {
      try await CommandLineTool.openssl.run(["verify", "-purpose", purpose, "-CAfile", ca, certificate]).status
    }
    #expect(try await verify("sslserver", serverPath) == 0)
    #expect(try await verify("sslclient", clientPath) == 0)
    #expect(try await verify("sslserver", clientPath) != 0)
    #expect(try await verify("sslclient", serverPath) != 0)
    #expect(try await verify("sslserver", serverPath, ca: otherCAPath) != 0)
  }
}
