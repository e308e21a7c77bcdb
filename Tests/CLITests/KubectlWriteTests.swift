import Foundation
import TestSupport
import Testing

/// kubectl commands that change the sandbox: what they print, and what the server then holds.
@Suite struct KubectlWriteTests {
  static func podManifest(namespace: String, image: String, extra: String = "") -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      namespace: \(namespace)
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: \(image)
        ports:
        - containerPort: 80
          name: http
    \(extra)
    """
  }

  @Test(arguments: testedKubectlVersions)
  func runCreatesAPod(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let run = try await kubectl("run nginx --image=nginx -n \(namespace)")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "pod/nginx created\n")
    let image = try await kubectl.run([
      "get", "pod", "nginx", "-n", namespace, "-o", "jsonpath={.spec.containers[0].image}",
    ])
    #expect(image.stdout == "nginx")
    let label = try await kubectl.run(["get", "pod", "nginx", "-n", namespace, "-o", "jsonpath={.metadata.labels.run}"])
    #expect(label.stdout == "nginx")
  }

  @Test(arguments: testedKubectlVersions)
  func applyCreatesThenLeavesUnchangedThenConfigures(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let file = try temporaryFile(
      named: "pod.yaml", contents: Self.podManifest(namespace: namespace, image: "nginx:1.26"))
    #expect(try await kubectl("apply -f \(file)").stdout == "pod/web created\n")
    #expect(try await kubectl("apply -f \(file)").stdout == "pod/web unchanged\n")
    let edited = try temporaryFile(
      named: "pod.yaml", contents: Self.podManifest(namespace: namespace, image: "nginx:1.27"))
    let configured = try await kubectl("apply -f \(edited)")
    #expect(configured.stdout == "pod/web configured\n", "\(configured.stderr)")
    let fields = try await kubectl.run([
      "get", "pod", "web", "-n", namespace, "-o",
      "jsonpath={.spec.containers[0].image} {.spec.containers[0].ports[0].containerPort} {.spec.containers[0].ports[0].name}",
    ])
    #expect(fields.stdout == "nginx:1.27 80 http")
    #expect(try await kubectl("apply -f \(edited)").stdout == "pod/web unchanged\n")
  }

  @Test(arguments: testedKubectlVersions)
  func serverSideApply(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let file = try temporaryFile(named: "pod.yaml", contents: Self.podManifest(namespace: namespace, image: "nginx"))
    let created = try await kubectl("apply --server-side -f \(file)")
    #expect(created.stdout == "pod/web serverside-applied\n", "\(created.stderr)")
    let edited = try temporaryFile(
      named: "pod.yaml", contents: Self.podManifest(namespace: namespace, image: "nginx:1.27"))
    #expect(try await kubectl("apply --server-side -f \(edited)").stdout == "pod/web serverside-applied\n")
    let image = try await kubectl.run([
      "get", "pod", "web", "-n", namespace, "-o", "jsonpath={.spec.containers[0].image}",
    ])
    #expect(image.stdout == "nginx:1.27")
  }

  @Test(arguments: testedKubectlVersions)
  func misspeltMetadataFieldIsAStrictDecodingError(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = Self.podManifest(namespace: namespace, image: "nginx").replacingOccurrences(
      of: "  labels:", with: "  lables:")
    let file = try temporaryFile(named: "pod.yaml", contents: manifest)
    let output = try await kubectl("apply -f \(file)")
    #expect(output.status == 1)
    #expect(
      output.stderr
        == "Error from server (BadRequest): error when creating \"\(file)\": Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"metadata.lables\"\n"
    )
    #expect(try await kubectl("get pod web -n \(namespace)").status == 1)
  }

  @Test(arguments: testedKubectlVersions)
  func creatingTwiceIsAlreadyExists(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let file = try temporaryFile(named: "pod.yaml", contents: Self.podManifest(namespace: namespace, image: "nginx"))
    #expect(try await kubectl("create -f \(file)").stdout == "pod/web created\n")
    let again = try await kubectl("create -f \(file)")
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "Error from server (AlreadyExists): error when creating \"\(file)\": pods \"web\" already exists\n")
  }

  @Test(arguments: testedKubectlVersions)
  func podWithoutImageIsInvalid(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: \(namespace)
      spec:
        containers:
        - name: web
      """
    let file = try temporaryFile(named: "pod.yaml", contents: manifest)
    let output = try await kubectl("create -f \(file)")
    #expect(output.status == 1)
    #expect(output.stderr == "The Pod \"web\" is invalid: spec.containers[0].image: Required value\n")
  }
}
