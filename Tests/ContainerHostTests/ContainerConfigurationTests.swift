import Foundation
import TestSupport
import Testing

/// What a container sees, materialised for real: variables from the API, configMap and secret
/// files, an emptyDir its sidecar shares, downward API files; a missing key stops it with the
/// kubelet's CreateContainerConfigError.
@Suite struct ContainerConfigurationTests {
  static let objects = """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {mode: fast, app.conf: "level=3\\n"}
    ---
    apiVersion: v1
    kind: Secret
    metadata: {name: creds}
    data: {password: czNjcmV0}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: app, labels: {tier: web}}
    spec:
      containers:
      - name: writer
        image: busybox
        command: [sh, -c, "echo written by writer > /shared/out; sleep 3600"]
        env:
        - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
        - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
        - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: GREETING, value: "mode is $(MODE)"}
        envFrom: [{configMapRef: {name: settings}, prefix: CFG_}]
        volumeMounts:
        - {name: shared, mountPath: /shared}
        - {name: config, mountPath: /etc/app}
        - {name: secret, mountPath: /etc/creds}
        - {name: info, mountPath: /etc/info}
      - name: reader
        image: busybox
        command: [sh, -c, "sleep 3600"]
        volumeMounts: [{name: shared, mountPath: /data}]
      volumes:
      - {name: shared, emptyDir: {}}
      - {name: config, configMap: {name: settings, items: [{key: app.conf, path: app.conf}]}}
      - {name: secret, secret: {secretName: creds, defaultMode: 0400}}
      - name: info
        downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: broken}
    spec:
      containers:
      - name: main
        image: busybox
        command: [sleep, "3600"]
        env: [{name: X, valueFrom: {configMapKeyRef: {name: settings, key: nosuch}}}]
    """

  @Test(arguments: streamingKubectlVersions)
  func aContainerSeesItsVariablesAndVolumes(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let applied = try await kubectl.run(["apply", "-f", "-"], input: Self.objects)
      #expect(applied.status == 0, "\(applied.stderr)")
      let running = try await kubectl.poll(["get", "pod", "app", "--no-headers"]) { $0.contains("2/2") }
      #expect(running.contains("Running"), "\(running)")
      func exec(_ container: String, _ script: String) async throws -> String {
        try await kubectl.run(["exec", "app", "-c", container, "--", "sh", "-c", script]).stdout
      }
      #expect(
        try await exec("writer", "echo $MODE $PASSWORD $POD_NAME; echo $GREETING; echo $CFG_mode")
          == "fast s3cret app\nmode is fast\nfast\n")
      #expect(try await exec("writer", "cat /etc/app/app.conf; ls /etc/app") == "level=3\napp.conf\n")
      let secret = try await exec("writer", "cat /etc/creds/password; stat -c %a /etc/creds/password")
      // A secret value has no newline of its own.
      #expect(secret == "s3cret400\n")
      #expect(try await exec("writer", "cat /etc/info/labels") == "tier=\"web\"")
      let shared = try await kubectl.poll(["exec", "app", "-c", "reader", "--", "cat", "/data/out"]) {
        $0 == "written by writer\n"
      }
      #expect(shared == "written by writer\n")

      // An update of the ConfigMap reaches the mounted file, but not the variables the running
      // container started with.
      try await kubectl.run([
        "patch", "configmap", "settings", "-p", #"{"data":{"app.conf":"level=4\n","mode":"slow"}}"#,
      ])
      let updated = try await kubectl.poll(["exec", "app", "-c", "writer", "--", "cat", "/etc/app/app.conf"]) {
        $0 == "level=4\n"
      }
      #expect(updated == "level=4\n")
      #expect(try await exec("writer", "echo $MODE $CFG_mode") == "fast fast\n")

      let broken = try await kubectl.poll(["get", "pod", "broken", "--no-headers"]) {
        $0.contains("CreateContainerConfigError")
      }
      #expect(broken.contains("CreateContainerConfigError"), "\(broken)")
      let described = try await kubectl.run(["describe", "pod", "broken"]).stdout
      #expect(described.contains("Error: couldn't find key nosuch in ConfigMap default/settings"), "\(described)")
    }
  }
}
