import Foundation
import TestSupport
import Testing

/// The everyday verbs: label, scale, delete, selectors and `get all`.
@Suite struct KubectlWorkflowTests {
  static func deploymentManifest(namespace: String) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: \(namespace)
    spec:
      replicas: 1
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx
    """
  }

  @Test(arguments: testedKubectlVersions)
  func labelThenSelect(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("run one --image=nginx -n \(namespace)")
    try await kubectl("run two --image=redis -n \(namespace)")
    let label = try await kubectl("label pod one tier=frontend -n \(namespace)")
    #expect(label.stdout == "pod/one labeled\n", "\(label.stderr)")
    let selected = try await kubectl.run(["get", "pods", "-n", namespace, "-l", "tier=frontend", "-o", "name"])
    #expect(selected.stdout == "pod/one\n")
    let notFrontend = try await kubectl.run(["get", "pods", "-n", namespace, "-l", "tier!=frontend", "-o", "name"])
    #expect(notFrontend.stdout == "pod/two\n")
    let byName = try await kubectl.run([
      "get", "pods", "-n", namespace, "--field-selector", "metadata.name=two", "-o", "name",
    ])
    #expect(byName.stdout == "pod/two\n")
    let badField = try await kubectl.run(["get", "pods", "-n", namespace, "--field-selector", "spec.image=nginx"])
    #expect(badField.status == 1)
    #expect(badField.stderr.contains("field label not supported: spec.image"))
  }

  @Test(arguments: testedKubectlVersions)
  func scaleDeployment(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let file = try temporaryFile(named: "deploy.yaml", contents: Self.deploymentManifest(namespace: namespace))
    #expect(try await kubectl("apply -f \(file)").stdout == "deployment.apps/web created\n")
    let scaled = try await kubectl("scale deployment web --replicas=3 -n \(namespace)")
    #expect(scaled.stdout == "deployment.apps/web scaled\n", "\(scaled.stderr)")
    let replicas = try await kubectl.run(["get", "deploy", "web", "-n", namespace, "-o", "jsonpath={.spec.replicas}"])
    #expect(replicas.stdout == "3")
  }

  @Test(arguments: testedKubectlVersions)
  func deleteWaitsForAGracefulPodToGo(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: placed
        namespace: \(namespace)
      spec:
        nodeName: controlplane
        containers:
        - name: app
          image: nginx
      """
    let file = try temporaryFile(named: "pod.yaml", contents: manifest)
    try await kubectl("apply -f \(file)")
    let deleted = try await kubectl.run(["delete", "pod", "placed", "-n", namespace], timeout: 30)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(deleted.stdout == "pod \"placed\" deleted\n")
    #expect(try await kubectl("get pod placed -n \(namespace)").status == 1)
  }

  @Test(arguments: testedKubectlVersions)
  func getAllListsWorkloadsAndServices(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("get all -n kube-system")
    #expect(output.status == 0, "\(output.stderr)")
    for expected in [
      "pod/etcd-controlplane", "service/kube-dns", "daemonset.apps/kube-proxy", "deployment.apps/coredns",
      "replicaset.apps/coredns-",
    ] {
      #expect(output.stdout.contains(expected), "get all lacks \(expected)")
    }
  }
}
