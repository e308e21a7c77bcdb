import Foundation
import KubeClient
import KubeModel

/// Checks, in order, that the kubeconfig loads, the server answers and is trusted, the
/// credentials are accepted, and they may do what labs need: list pods and create namespaces.
struct ClusterDoctor {
  let loader: KubeconfigLoader
  let context: String?
  let namespace: String?

  func examine() async -> DoctorReport {
    var report = DoctorReport()
    let endpoint: ClusterEndpoint
    do {
      endpoint = try loader.load(context: context, namespace: namespace)
    } catch {
      report.problem = "\(error) — fix the kubeconfig, or pass --kubeconfig / --context"
      return report
    }
    let origin = endpoint.origin
    report.add(origin.kubeconfigFiles.count > 1 ? "kubeconfig files" : "kubeconfig", kubeconfigNames(origin))
    report.add("context", origin.context ?? "<none>")
    report.add("server", endpoint.server)
    report.add("authentication", origin.authentication)
    report.add("namespace", endpoint.namespace)
    do {
      let client = try KubeClient(endpoint: endpoint, options: ClientOptions(requestTimeout: 10))
      let start = Date()
      let version = try await client.getJSON(path: "/version")
      let roundTrip = Date().timeIntervalSince(start)
      report.add("server version", version["gitVersion"]?.stringValue ?? "unknown")
      report.add("round trip", String(format: "%.1f ms", roundTrip * 1000))
      // /version is public on real clusters: an authenticated call proves the credentials.
      _ = try await client.getJSON(path: "/api")
      let listPods = try await allowed(client, verb: "list", resource: "pods", namespace: endpoint.namespace)
      let createNamespaces = try await allowed(client, verb: "create", resource: "namespaces", namespace: nil)
      report.add("may list pods", listPods.text)
      report.add("may create namespaces", createNamespaces.text)
      if listPods == .denied {
        report.problem =
          "the credentials of this context may not list pods in \(endpoint.namespace) — use a context with more rights (labs need to read the cluster)"
      }
    } catch let error as KubeClientError {
      report.problem = Self.diagnosis(error, endpoint)
    } catch {
      report.problem = "\(error)"
    }
    return report
  }

  enum Permission: Equatable {
    case allowed, denied, unknown

    var text: String {
      switch self {
      case .allowed: return "yes"
      case .denied: return "no"
      case .unknown: return "unknown (the server does not answer SelfSubjectAccessReviews)"
      }
    }
  }

  /// Asks the server with a SelfSubjectAccessReview, where it serves them.
  private func allowed(_ client: KubeClient, verb: String, resource: String, namespace: String?) async throws
    -> Permission
  {
    var attributes: JSON = ["verb": .string(verb), "resource": .string(resource)]
    if let namespace { attributes["namespace"] = .string(namespace) }
    let review: JSON = [
      "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
      "spec": ["resourceAttributes": attributes],
    ]
    let reviews = ResourceRef(
      group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews",
      kind: "SelfSubjectAccessReview", namespaced: false)
    do {
      let answer = try await client.create(reviews, review)
      return answer[path: ["status", "allowed"]]?.boolValue == true ? .allowed : .denied
    } catch KubeClientError.api(let status) where status.code == 404 {
      return .unknown
    }
  }

  private func kubeconfigNames(_ origin: EndpointOrigin) -> String {
    origin.kubeconfigFiles.isEmpty
      ? "<none: in-cluster service account>" : origin.kubeconfigFiles.joined(separator: ", ")
  }

  /// One line: what is wrong, and what to do about it.
  static func diagnosis(_ error: KubeClientError, _ endpoint: ClusterEndpoint) -> String {
    let cluster = endpoint.origin.cluster.map { "cluster \"\($0)\"" } ?? "the cluster"
    switch error {
    case .tlsVerificationFailed(_, .untrustedAuthority):
      return
        "\(error) — the server's certificate is not trusted: set certificate-authority or certificate-authority-data of \(cluster) to the CA that signed it"
    case .tlsVerificationFailed(_, .nameMismatch):
      return
        "\(error) — the certificate does not name this host: use the name it was issued for, or set tls-server-name"
    case .connectionRefused, .hostNotFound:
      return "\(error) — is the cluster running? For a local practice cluster run `kubelab sandbox`"
    case .timedOut:
      return "\(error) — the server did not answer in time: check the address, a VPN or a proxy"
    case .unauthorized:
      let user = endpoint.origin.user.map { "user \"\($0)\"" } ?? "the user"
      return "\(error) — renew the credentials of \(user) in the kubeconfig"
    case .forbidden:
      return "\(error) — use a context whose user may read the cluster"
    default:
      return "\(error)"
    }
  }
}
