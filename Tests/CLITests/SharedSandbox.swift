import Foundation
import TestSupport

/// One `kubelab sandbox` process (TLS, topology kubeadm) for the whole CLI test run; the kubectl
/// tests work in namespaces of their own so they can run in parallel.
let sharedSandbox: Result<SandboxProcess, Error> = {
  let result = Result { try SandboxProcess() }
  atexit {
    if case .success(let sandbox) = sharedSandbox { _ = sandbox.stop() }
  }
  return result
}()

/// The kubectl versions the acceptance tests drive: the oldest and the newest the image ships.
let testedKubectlVersions = ["1.27", "1.33"]

/// kubectl `version` against the shared sandbox, in a fresh namespace named after the version.
func kubectl(_ version: String, namespace: String? = nil) async throws -> (Kubectl, String) {
  let sandbox = try sharedSandbox.get()
  guard let kubectl = Kubectl(version: version, kubeconfig: sandbox.kubeconfig) else {
    throw SandboxStartError(message: "kubectl \(version) is not installed on this machine")
  }
  let name = namespace ?? "t" + UUID().uuidString.prefix(8).lowercased()
  // `apply` sends JSON on every version (1.32+ `create namespace` sends protobuf).
  let created = try await kubectl.run(
    ["apply", "-f", "-"], input: "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"\(name)\"}}")
  guard created.status == 0 else {
    throw SandboxStartError(message: "cannot create namespace \(name): \(created.stderr)")
  }
  return (kubectl, name)
}
