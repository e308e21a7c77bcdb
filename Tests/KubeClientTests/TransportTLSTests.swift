import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Transport: TLS trust and client credentials against the TLS sandbox")
struct TransportTLSTests {
  @Test func clientCertificateFromPEMDataAuthenticatesAgainstTheClusterCA() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client([sandbox.adminCertificate])
    let namespace = try await client.getJSON(path: "/api/v1/namespaces/default")
    #expect(namespace[path: ["metadata", "name"]] == "default")
    let review = try await client.create(
      .testSelfSubjectReviews, ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
    #expect(review[path: ["status", "userInfo", "username"]] == "kubernetes-admin")
  }

  @Test func anotherClustersCAIsNotTrusted() async throws {
    let sandbox = try ClientTestSandbox()
    let stranger = try SandboxPKI()
    var endpoint = sandbox.endpoint([sandbox.adminCertificate])
    endpoint.certificateAuthorityPEM = Data(stranger.caCertificatePEM.utf8)
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api") }
    guard case .tlsVerificationFailed(let server, .untrustedAuthority) = error else {
      Issue.record("expected an untrusted-certificate error, got \(String(describing: error))")
      return
    }
    #expect(server == sandbox.sandbox.url)
    let description = try #require(error).description
    #expect(
      description.contains("the server \(sandbox.sandbox.url) presented a certificate not signed by a trusted CA"))
    #expect(!description.contains(sandbox.credentials.pki.admin.privateKeyPEM))
  }

  @Test func insecureSkipTLSVerifyAcceptsAnUntrustedServer() async throws {
    let sandbox = try ClientTestSandbox()
    var endpoint = sandbox.endpoint()
    endpoint.certificateAuthorityPEM = nil
    let strict = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api") }
    guard case .tlsVerificationFailed = strict else {
      Issue.record("expected the system trust store to reject the sandbox, got \(String(describing: strict))")
      return
    }
    endpoint.insecureSkipTLSVerify = true
    let versions = try await KubeClient(endpoint: endpoint).getJSON(path: "/api")
    #expect(versions["versions"] == ["v1"])
  }

  @Test func tlsServerNameIsWhatTheCertificateIsCheckedAgainst() async throws {
    let sandbox = try ClientTestSandbox()
    var endpoint = sandbox.endpoint()
    endpoint.tlsServerName = "kubernetes.default.svc"  // in the serving certificate, unresolvable here
    #expect(try await KubeClient(endpoint: endpoint).getJSON(path: "/api")["versions"] == ["v1"])

    endpoint.tlsServerName = "not-the-apiserver.example"
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api") }
    guard case .tlsVerificationFailed(_, .nameMismatch) = error else {
      Issue.record("expected a name mismatch, got \(String(describing: error))")
      return
    }
  }
}
