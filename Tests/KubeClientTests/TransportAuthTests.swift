import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Transport: bearer tokens, 401 refresh, 403, and no secrets in errors")
struct TransportAuthTests {
  @Test func bearerTokenAuthenticates() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client([sandbox.adminToken])
    let review = try await client.create(
      .testSelfSubjectReviews, ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
    #expect(review[path: ["status", "userInfo", "username"]] == .string(SandboxCredentials.tokenUserName))
  }

  @Test func aRejectedTokenIsRefreshedOnceAndTheRequestRetried() async throws {
    let sandbox = try ClientTestSandbox()
    let source = FixedCredentials([.bearerToken("expired-token-1234")], afterInvalidate: [sandbox.adminToken])
    var endpoint = sandbox.endpoint()
    endpoint.credentials = source
    let client = try KubeClient(endpoint: endpoint)
    let created = try await client.create(.testConfigMaps, configMap("after-refresh", data: ["a": "1"]))
    #expect(created[path: ["metadata", "name"]] == "after-refresh")
    #expect(source.invalidations == 1)
  }

  @Test func aBadTokenIsAnAuthenticationErrorWithoutTheToken() async throws {
    let sandbox = try ClientTestSandbox()
    let token = "kubelab-secret-token-never-printed"
    let source = FixedCredentials([.bearerToken(token)])
    var endpoint = sandbox.endpoint()
    endpoint.credentials = source
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api/v1/pods") }
    guard case .unauthorized(let server, let status) = error else {
      Issue.record("expected unauthorized, got \(String(describing: error))")
      return
    }
    #expect(server == sandbox.sandbox.url)
    #expect(status.code == 401)
    #expect(source.invalidations == 1)
    let texts = [String(describing: error), String(reflecting: error), "\(status)"]
    #expect(texts.allSatisfy { !$0.contains(token) })
    #expect(String(describing: error).contains("rejected the credentials"))
  }

  @Test func noCredentialsIsAnAuthenticationError() async throws {
    let sandbox = try ClientTestSandbox()
    var endpoint = sandbox.endpoint()
    endpoint.credentials = nil
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api/v1/pods") }
    guard case .unauthorized = error else {
      Issue.record("expected unauthorized, got \(String(describing: error))")
      return
    }
  }

  @Test func forbiddenIsItsOwnError() async throws {
    let sandbox = try ClientTestSandbox()
    sandbox.faults.inject(.status(403))
    let error = await clientError { _ = try await sandbox.client().getJSON(path: "/api/v1/secrets") }
    guard case .forbidden(_, let status) = error else {
      Issue.record("expected forbidden, got \(String(describing: error))")
      return
    }
    #expect(status.reason == "Forbidden")
    #expect(String(describing: error).contains("not allowed"))
  }

  @Test func keysAndTokensStayOutOfTransportErrors() async throws {
    let sandbox = try ClientTestSandbox()
    let stranger = try SandboxPKI()
    var endpoint = sandbox.endpoint([sandbox.adminCertificate, sandbox.adminToken])
    endpoint.certificateAuthorityPEM = Data(stranger.caCertificatePEM.utf8)
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api") }
    let text = String(reflecting: try #require(error))
    #expect(!text.contains(sandbox.credentials.adminToken.secret))
    #expect(!text.contains("PRIVATE KEY"))
  }
}
