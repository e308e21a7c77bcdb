import Foundation
import TestSupport
import Testing

/// Namespaces behave as on a real cluster: a new one gets its default ServiceAccount and CA
/// ConfigMap, and deleting one removes its pods before the namespace itself goes.
@Suite struct KubectlNamespaceTests {
  @Test(arguments: testedKubectlVersions)
  func newNamespaceGetsDefaultServiceAccountAndRootCA(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let accounts = try await kubectl.poll(["get", "serviceaccounts", "-n", namespace, "--no-headers"]) {
      $0.hasPrefix("default ")
    }
    #expect(accounts.hasPrefix("default "), "\(accounts)")
    let ca = try await kubectl.poll(
      ["get", "configmap", "kube-root-ca.crt", "-n", namespace, "-o", "jsonpath={.data.ca\\.crt}"]
    ) { $0.hasPrefix("-----BEGIN CERTIFICATE-----") }
    #expect(ca.hasPrefix("-----BEGIN CERTIFICATE-----"), "\(ca)")
    let description = try await kubectl.run(
      [
        "get", "configmap", "kube-root-ca.crt", "-n", namespace, "-o",
        "jsonpath={.metadata.annotations.kubernetes\\.io/description}",
      ]
    ).stdout
    #expect(description.hasPrefix("Contains a CA bundle that can be used to verify the kube-apiserver"))
  }

  @Test(arguments: testedKubectlVersions)
  func deletingANamespaceRemovesItsPodsThenItself(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("run web --image=nginx -n \(namespace)")
    let running = try await kubectl.poll(["get", "pod", "web", "-n", namespace, "--no-headers"]) {
      $0.contains("Running")
    }
    #expect(running.contains("Running"), "\(running)")
    let deleted = try await kubectl.run(["delete", "namespace", namespace], timeout: 60)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(deleted.stdout == "namespace \"\(namespace)\" deleted\n")
    let namespaces = try await kubectl.run(["get", "namespaces", "--no-headers"]).stdout
    #expect(!namespaces.contains(namespace), "\(namespaces)")
    let pods = try await kubectl.run(["get", "pods", "-n", namespace, "--no-headers"])
    #expect(pods.stdout.isEmpty, "\(pods.stdout)")
  }

  @Test(arguments: testedKubectlVersions)
  func terminatingNamespaceRefusesNewContentUntilEmpty(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    // A finalizer holds the ConfigMap, and so the namespace, until the test releases it.
    let held = try await kubectl.run(
      ["apply", "-n", namespace, "-f", "-"],
      input: "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"held\","
        + "\"finalizers\":[\"example.com/hold\"]}}")
    #expect(held.status == 0, "\(held.stderr)")
    let started = try await kubectl.run(["delete", "namespace", namespace, "--wait=false"])
    #expect(started.status == 0, "\(started.stderr)")
    let phase = try await kubectl.run([
      "get", "namespace", namespace, "-o", "jsonpath={.status.phase} {.spec.finalizers}",
    ])
    #expect(phase.stdout == "Terminating [\"kubernetes\"]", "\(phase.stdout)")
    let refused = try await kubectl.run(["create", "configmap", "late", "-n", namespace])
    #expect(
      refused.stderr.contains(
        "error: failed to create configmap: configmaps \"late\" is forbidden: unable to create new content in "
          + "namespace \(namespace) because it is being terminated"), "\(refused.stderr)")
    let released = try await kubectl.run(
      ["patch", "configmap", "held", "-n", namespace, "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}"])
    #expect(released.status == 0, "\(released.stderr)")
    let gone = try await kubectl.poll(["get", "namespaces", "--no-headers"]) { !$0.contains(namespace) }
    #expect(!gone.contains(namespace), "\(gone)")
  }
}
