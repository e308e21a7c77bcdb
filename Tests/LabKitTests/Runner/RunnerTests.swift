import Foundation
import KubeClient
import KubeModel
import LabKit
import TestSupport
import Testing

@Suite("LabRunner: start provisions a lab, stop removes what it made and nothing else")
struct RunnerTests {
  static let app = """
    apiVersion: v1
    kind: ConfigMap
    metadata: { name: settings }
    data: { mode: dev }
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web }
    spec:
      replicas: 2
      selector: { matchLabels: { app: web } }
      template:
        metadata: { labels: { app: web } }
        spec: { containers: [{ name: nginx, image: nginx }] }
    """

  static let shopLab = """
    id: shop
    title: Shop
    namespace: shop
    setup:
      - namespace: shop-db
      - apply: setup/app.yaml
      - wait: { resource: pods, selector: app=web, count: 2, condition: Ready, within: 30s }
      - run: test -f setup/app.yaml && kubectl -n shop label configmap settings stage=ready
    workdir: [files/notes.yaml]
    tasks: [{ id: q, ask: Why? }]
    """

  @Test("start creates labelled namespaces and objects, waits with progress, runs commands, copies files")
  func start() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "shop", lab: Self.shopLab, files: ["setup/app.yaml": Self.app, "files/notes.yaml": "note: 1\n"])
    let progress = RunnerLab.Progress()
    let made = try await LabRunner(lab: lab.lab, cluster: test.cluster).start(
      workdir: lab.workdir, progress: progress.report)

    #expect(made.namespaces == ["shop", "shop-db"])
    #expect(
      made.objects.map(\.description) == ["ConfigMap settings in namespace shop", "Deployment web in namespace shop"])
    let client = test.cluster.client
    for name in ["shop", "shop-db"] {
      let namespace = try await client.get(try ref(test, "namespaces"), name: name)
      #expect(namespace[path: ["metadata", "labels", "kubelab.io/lab"]] == "shop")
    }
    let settings = try await client.get(try ref(test, "configmaps"), name: "settings", namespace: "shop")
    #expect(settings[path: ["metadata", "labels", "kubelab.io/lab"]] == "shop")
    #expect(settings[path: ["metadata", "labels", "stage"]] == "ready", "the run step ran in the lab folder")
    let web = try await client.get(try ref(test, "deployments"), name: "web", namespace: "shop")
    #expect(web[path: ["metadata", "labels", "kubelab.io/lab"]] == "shop")
    #expect(progress.all.contains(.waiting("waiting for 2 pods (app=web) in namespace shop to be Ready: 2/2")))
    #expect(progress.all.contains(.step(3, of: 4, "wait for 2 pods (app=web) in namespace shop")))
    let copy = lab.workdir + "/files/notes.yaml"
    #expect(FileManager.default.contents(atPath: copy) == Data("note: 1\n".utf8))
    #expect(made.files.map(\.path) == [copy])
  }

  @Test("a manifest with an unknown kind fails its step with file and line before anything is made")
  func unknownKind() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "bad",
      lab: "id: bad\ntitle: Bad\nnamespace: bad\nsetup:\n  - apply: setup/app.yaml\ntasks: [{ id: q, ask: Why? }]\n",
      files: [
        "setup/app.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Widget\nmetadata: { name: w }\n"
      ])
    let error = try await #require(throws: RunnerError.self) {
      try await LabRunner(lab: lab.lab, cluster: test.cluster).start(workdir: lab.workdir) { _ in }
    }
    #expect(error.step == 1)
    #expect(error.description.contains("setup step 1 (apply setup/app.yaml, \(lab.lab.file):5:12) failed"))
    #expect(error.description.contains("app.yaml:5:1: unknown kind `Widget` in `v1`"), "\(error)")
    await #expect(throws: KubeClientError.self) {
      try await test.cluster.client.get(try ref(test, "namespaces"), name: "bad")
    }
  }

  @Test("a wait that times out names its step and what it found, and the start is undone")
  func waitTimeout() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "slow",
      lab: """
        id: slow
        title: Slow
        namespace: slow
        setup:
          - apply: setup/app.yaml
          - wait: { resource: pods, selector: app=none, count: 2, within: 1s }
        workdir: [files/notes.yaml]
        tasks: [{ id: q, ask: Why? }]
        """,
      files: ["setup/app.yaml": Self.app, "files/notes.yaml": "x"])
    let error = try await #require(throws: RunnerError.self) {
      try await LabRunner(lab: lab.lab, cluster: test.cluster).start(workdir: lab.workdir) { _ in }
    }
    #expect(error.step == 2)
    #expect(error.what == "wait for 2 pods (app=none) in namespace slow")
    #expect(error.reason == "timed out after 1s: found no pods (app=none) in namespace slow")
    #expect(error.leftBehind.isEmpty)
    try await expectGoneOrTerminating(test, namespace: "slow")
    #expect(!FileManager.default.fileExists(atPath: lab.workdir + "/files/notes.yaml"))
  }

  @Test("a wait for a condition that never comes says which objects lack it")
  func conditionTimeout() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "cond",
      lab: """
        id: cond
        title: Cond
        namespace: cond
        setup:
          - apply: setup/pod.yaml
          - wait: { resource: pods, name: bad, condition: Ready, within: 1s }
        tasks: [{ id: q, ask: Why? }]
        """,
      files: [
        "setup/pod.yaml":
          "apiVersion: v1\nkind: Pod\nmetadata: { name: bad }\nspec: { containers: [{ name: c, image: redis123 }] }\n"
      ])
    let error = try await #require(throws: RunnerError.self) {
      try await LabRunner(lab: lab.lab, cluster: test.cluster).start(workdir: lab.workdir) { _ in }
    }
    #expect(error.reason == "timed out after 1s: found 1 of 1 pods bad in namespace cond (bad); not Ready: bad")
    try await expectGoneOrTerminating(test, namespace: "cond")
  }

  @Test("a failing run step names its step with the output tail, and objects in an existing namespace are undone")
  func failingRun() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "broken",
      lab: """
        id: broken
        title: Broken
        setup:
          - apply: setup/cm.yaml
          - run: echo boom; exit 3
        tasks: [{ id: q, ask: Why? }]
        """,
      files: ["setup/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: broken-settings }\n"])
    let error = try await #require(throws: RunnerError.self) {
      try await LabRunner(lab: lab.lab, cluster: test.cluster).start(workdir: lab.workdir) { _ in }
    }
    #expect(error.step == 2)
    #expect(error.what == "run `echo boom; exit 3`")
    #expect(error.reason == "it exited with status 3:\nboom")
    await #expect(throws: KubeClientError.self) {
      try await test.cluster.client.get(try ref(test, "configmaps"), name: "broken-settings", namespace: "default")
    }
    let namespace = try await test.cluster.client.get(try ref(test, "namespaces"), name: "default")
    #expect(namespace[path: ["metadata", "deletionTimestamp"]] == nil, "an existing namespace is never deleted")
  }

  @Test(
    "stop deletes labelled objects and lab namespaces, keeps unlabelled objects and changed files, and can run twice")
  func stop() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "mixed",
      lab: """
        id: mixed
        title: Mixed
        setup:
          - namespace: mixed
          - apply: setup/objects.yaml
        workdir: [files/a.yaml, files/b.yaml]
        tasks: [{ id: q, ask: Why? }]
        """,
      files: [
        "setup/objects.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: lab-settings }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: inner, namespace: mixed }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: { name: mixed-reader }
        rules: [{ apiGroups: [""], resources: [pods], verbs: [get] }]
        """,
        "files/a.yaml": "a", "files/b.yaml": "b",
      ])
    let runner = LabRunner(lab: lab.lab, cluster: test.cluster)
    let made = try await runner.start(workdir: lab.workdir) { _ in }
    let client = test.cluster.client
    let configMaps = try ref(test, "configmaps")
    _ = try await client.create(configMaps, ["metadata": ["name": "learners"]], namespace: "default")
    try Data("changed".utf8).write(to: URL(fileURLWithPath: lab.workdir + "/files/b.yaml"))

    let teardown = try await runner.stop(provisioning: made) { _ in }
    #expect(
      Set(teardown.deletedObjects.map(\.description)) == [
        "ConfigMap lab-settings in namespace default", "ConfigMap inner in namespace mixed", "ClusterRole mixed-reader",
      ])
    #expect(teardown.deletedNamespaces == ["mixed"])
    #expect(teardown.removedFiles == [lab.workdir + "/files/a.yaml"])
    #expect(teardown.keptFiles == [lab.workdir + "/files/b.yaml"])
    _ = try await client.get(configMaps, name: "learners", namespace: "default")
    await #expect(throws: KubeClientError.self) {
      try await client.get(configMaps, name: "lab-settings", namespace: "default")
    }
    await #expect(throws: KubeClientError.self) {
      try await client.get(try ref(test, "clusterroles"), name: "mixed-reader")
    }
    try await expectGoneOrTerminating(test, namespace: "mixed")
    #expect(FileManager.default.fileExists(atPath: lab.workdir + "/files/b.yaml"))

    let again = try await runner.stop(provisioning: made) { _ in }
    #expect(again.deletedObjects.isEmpty && again.deletedNamespaces.isEmpty && again.removedFiles.isEmpty)
    _ = try await client.get(configMaps, name: "learners", namespace: "default")
  }

  @Test("reset: a start right after a stop waits for the lab's namespace to finish terminating")
  func reset() async throws {
    let test = try LabTestCluster()
    let lab = try RunnerLab(
      id: "shop", lab: Self.shopLab, files: ["setup/app.yaml": Self.app, "files/notes.yaml": "note: 1\n"])
    let runner = LabRunner(lab: lab.lab, cluster: test.cluster)
    let first = try await runner.start(workdir: lab.workdir) { _ in }
    // A finalizer on one of its objects keeps the namespace terminating until the test lifts it,
    // so the second start finds it terminating however fast or slow the cluster is.
    let configMaps = try ref(test, "configmaps")
    let hold: JSON = ["metadata": ["finalizers": ["kubelab.io/test-hold"]]]
    _ = try await test.cluster.client.patch(configMaps, name: "settings", namespace: "shop", .merge(hold))
    _ = try await runner.stop(provisioning: first) { _ in }

    let progress = RunnerLab.Progress()
    let second = Task { try await runner.start(workdir: lab.workdir, progress: progress.report) }
    let waiting = RunnerProgress.waiting("waiting for namespace shop to finish terminating")
    let deadline = Date().addingTimeInterval(60)
    // Polls the runner's reports: it says it waits once it has found the namespace terminating.
    while !progress.all.contains(waiting), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    #expect(progress.all.contains(waiting))
    let release: JSON = ["metadata": ["finalizers": nil]]
    _ = try await test.cluster.client.patch(configMaps, name: "settings", namespace: "shop", .merge(release))

    #expect(try await second.value.namespaces == ["shop", "shop-db"])
    let fresh = try await test.cluster.client.get(try ref(test, "namespaces"), name: "shop")
    #expect(fresh[path: ["metadata", "deletionTimestamp"]] == nil)
    #expect(fresh[path: ["metadata", "labels", "kubelab.io/lab"]] == "shop")
  }

  private func ref(_ test: LabTestCluster, _ resource: String) throws -> ResourceRef {
    test.cluster.ref(try #require(ResourceCatalog.resolve(resource)))
  }

  private func expectGoneOrTerminating(_ test: LabTestCluster, namespace name: String) async throws {
    do {
      let namespace = try await test.cluster.client.get(try ref(test, "namespaces"), name: name)
      #expect(namespace[path: ["metadata", "deletionTimestamp"]] != nil)
    } catch let error as KubeClientError {
      #expect(error.status?.code == 404)
    }
  }
}
