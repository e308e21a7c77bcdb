import Foundation
import TestSupport
import Testing

/// The volumes a container mounts beyond configMap, secret and emptyDir: downward API files,
/// projected sources together, hostPath on the node's own tree, and a claim's volume that
/// outlives the pods using it.
@Suite struct ContainerVolumeTests {
  static let podInfo = """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {mode: fast}
    ---
    apiVersion: v1
    kind: Secret
    metadata: {name: creds}
    stringData: {password: s3cret}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: info, labels: {tier: web, app: shop}, annotations: {owner: team-a}}
    spec:
      containers:
      - name: main
        image: busybox
        command: [sleep, "3600"]
        resources: {limits: {cpu: 500m, memory: 64Mi}}
        volumeMounts:
        - {name: podinfo, mountPath: /etc/podinfo}
        - {name: all, mountPath: /etc/all}
      volumes:
      - name: podinfo
        downwardAPI:
          items:
          - {path: name, fieldRef: {fieldPath: metadata.name}}
          - {path: namespace, fieldRef: {fieldPath: metadata.namespace}}
          - {path: labels, fieldRef: {fieldPath: metadata.labels}}
          - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}
          - {path: cpu_limit, resourceFieldRef: {containerName: main, resource: limits.cpu, divisor: 1m}}
          - {path: mem_limit, resourceFieldRef: {containerName: main, resource: limits.memory, divisor: 1Mi}}
      - name: all
        projected:
          sources:
          - configMap: {name: settings}
          - secret: {name: creds, items: [{key: password, path: secret/password}]}
          - downwardAPI: {items: [{path: podname, fieldRef: {fieldPath: metadata.name}}]}
    """

  @Test(arguments: streamingKubectlVersions)
  func downwardAPIAndProjectedVolumesAreFiles(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let applied = try await kubectl.run(["apply", "-f", "-"], input: Self.podInfo)
      #expect(applied.status == 0, "\(applied.stderr)")
      _ = try await kubectl.poll(["get", "pod", "info", "--no-headers"]) { $0.contains("Running") }
      // The API server keeps stringData as base64 data, as a real one does.
      let secret = try await kubectl.run(["get", "secret", "creds", "-o", "jsonpath={.data.password} {.stringData}"])
      #expect(secret.stdout == "czNjcmV0 ")
      func read(_ script: String) async throws -> String {
        try await kubectl.run(["exec", "info", "--", "sh", "-c", script]).stdout
      }
      #expect(try await read("cat /etc/podinfo/name; echo; cat /etc/podinfo/namespace") == "info\ndefault")
      #expect(try await read("cat /etc/podinfo/labels") == "app=\"shop\"\ntier=\"web\"")
      #expect(try await read("cat /etc/podinfo/annotations").contains("owner=\"team-a\""))
      #expect(try await read("cat /etc/podinfo/cpu_limit; echo; cat /etc/podinfo/mem_limit") == "500\n64")
      #expect(
        try await read("cat /etc/all/mode; echo; cat /etc/all/secret/password; echo; cat /etc/all/podname")
          == "fast\ns3cret\ninfo")
      // As the kubelet mounts them, these volumes are read-only.
      let write = try await kubectl.run(["exec", "info", "--", "sh", "-c", "echo x > /etc/all/mode"])
      #expect(write.status != 0)
    }
  }

  static let onTheNode = """
    apiVersion: v1
    kind: Pod
    metadata: {name: logger}
    spec:
      containers:
      - name: main
        image: busybox
        command: [sh, -c, "ls /host/kubernetes/manifests > /var/log/app/manifests.txt; sleep 3600"]
        volumeMounts:
        - {name: config, mountPath: /host/kubernetes, readOnly: true}
        - {name: logs, mountPath: /var/log/app}
      volumes:
      - {name: config, hostPath: {path: /etc/kubernetes}}
      - {name: logs, hostPath: {path: /var/log/app, type: DirectoryOrCreate}}
    """

  @Test func hostPathIsTheNodesOwnTree() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: sandbox.kubeconfig))
      let tree = sandbox.stateFolder + "/kubelab/sandbox/nodes/controlplane"
      // The container reads the node's manifests, so it waits for the node's files.
      _ = try await kubectl.poll(["-n", "kube-system", "exec", "etcd-controlplane", "--", "etcdctl", "version"]) {
        $0.contains("etcdctl version")
      }
      try await kubectl.run(["apply", "-f", "-"], input: Self.onTheNode)
      _ = try await kubectl.poll(["get", "pod", "logger", "--no-headers"]) { $0.contains("Running") }
      // What the container wrote is a file of the node, where `kubelab ssh controlplane` sees it.
      let written = tree + "/var/log/app/manifests.txt"
      let manifests = try await kubectl.poll(["exec", "logger", "--", "cat", "/var/log/app/manifests.txt"]) {
        $0.contains("etcd.yaml")
      }
      #expect(
        manifests == "etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n")
      #expect(try String(contentsOfFile: written, encoding: .utf8) == manifests)
      let readOnly = try await kubectl.run(["exec", "logger", "--", "touch", "/host/kubernetes/x"])
      #expect(readOnly.status != 0)
      #expect(!FileManager.default.fileExists(atPath: tree + "/etc/kubernetes/x"))
    }
  }

  static let claim = """
    apiVersion: v1
    kind: PersistentVolume
    metadata: {name: data}
    spec:
      capacity: {storage: 1Gi}
      accessModes: [ReadWriteOnce]
      storageClassName: manual
      nfs: {server: nfs.example.com, path: /exports/data}
    ---
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: manual
      resources: {requests: {storage: 500Mi}}
    """

  static func pod(_ name: String, _ script: String) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata: {name: \(name)}
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: busybox, command: [sh, -c, "\(script)"], volumeMounts: [{name: data, mountPath: /data}]}
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
    """
  }

  @Test func aClaimsVolumeOutlivesItsPods() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: sandbox.kubeconfig))
      try await kubectl.run(["apply", "-f", "-"], input: Self.claim)
      let bound = try await kubectl.poll(["get", "pvc", "data", "--no-headers"]) { $0.contains("Bound") }
      #expect(bound.contains("data") && bound.contains("1Gi") && bound.contains("RWO"), "\(bound)")
      let volume = try await kubectl.run(["get", "pv", "data", "-o", "jsonpath={.status.phase} {.spec.claimRef.name}"])
      #expect(volume.stdout == "Bound data")

      try await kubectl.run(["apply", "-f", "-"], input: Self.pod("writer", "echo kept > /data/note"))
      _ = try await kubectl.poll(["get", "pod", "writer", "--no-headers"]) { $0.contains("Completed") }
      try await kubectl.run(["delete", "pod", "writer", "--wait=false"])
      try await kubectl.run(["apply", "-f", "-"], input: Self.pod("reader", "cat /data/note"))
      _ = try await kubectl.poll(["get", "pod", "reader", "--no-headers"]) { $0.contains("Completed") }
      #expect(try await kubectl.run(["logs", "reader"]).stdout == "kept\n")
    }
  }
}
