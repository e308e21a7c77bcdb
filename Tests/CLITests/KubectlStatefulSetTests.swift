import Foundation
import TestSupport
import Testing

/// StatefulSets in the sandbox: pods `<name>-0…` come up in order, each only once the one before
/// is Ready, each with its own claim, and a scale down removes the highest ordinals.
@Suite struct KubectlStatefulSetTests {
  let manifest = """
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      clusterIP: None
      selector: {app: db}
      ports: [{port: 80}]
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      replicas: 3
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: nginx, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}]
      volumeClaimTemplates:
      - metadata: {name: data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
    """

  /// `name phase ready-since created pod-name-label revision` per pod of the set.
  let podLines = [
    "-o",
    "jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.status.conditions[?(@.type==\"Ready\")].lastTransitionTime} {.metadata.creationTimestamp} {.metadata.labels.statefulset\\.kubernetes\\.io/pod-name} {.metadata.labels.controller-revision-hash}{\"\\n\"}{end}",
  ]

  @Test(arguments: testedKubectlVersions)
  func podsComeUpInOrderAndScaleDownFromTheTop(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let applied = try await kubectl.run(["apply", "-n", namespace, "-f", "-"], input: manifest)
    #expect(applied.status == 0, "\(applied.stderr)")
    let query = ["get", "pods", "-l", "app=db", "-n", namespace] + podLines
    let output = try await kubectl.poll(query, seconds: 60) { output in
      let lines = output.split(separator: "\n")
      return lines.count == 3 && lines.allSatisfy { $0.split(separator: " ")[1] == "Running" }
    }
    let pods = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(pods.map { $0.first ?? "" } == ["db-0", "db-1", "db-2"], "\(output)")
    for (index, pod) in pods.enumerated() where pod.count == 6 {
      #expect(pod[4] == "db-\(index)", "pod-name label: \(output)")
      #expect(pod[5].hasPrefix("db-"), "controller-revision-hash: \(output)")
      // OrderedReady: each pod was created no earlier than its predecessor became Ready.
      if index > 0 { #expect(pod[3] >= pods[index - 1][2], "\(output)") }
    }
    let ready = try await kubectl.poll(["get", "statefulset", "db", "-n", namespace, "--no-headers"]) {
      $0.contains("3/3")
    }
    #expect(ready.contains("3/3"), "\(ready)")
    let hostnames = try await kubectl.poll([
      "get", "endpoints", "db", "-n", namespace, "-o", "jsonpath={.subsets[*].addresses[*].hostname}",
    ]) { $0.split(separator: " ").count == 3 }
    #expect(Set(hostnames.split(separator: " ")) == ["db-0", "db-1", "db-2"], "the headless service names its pods")
    let rolled = try await kubectl.run(
      ["rollout", "status", "statefulset/db", "-n", namespace, "--timeout=10s"], timeout: 30)
    #expect(rolled.status == 0, "\(rolled.stdout)\(rolled.stderr)")

    try await kubectl("scale statefulset db --replicas=1 -n \(namespace)")
    let one = try await kubectl.poll(["get", "pods", "-l", "app=db", "-n", namespace, "-o", "name"], seconds: 60) {
      $0 == "pod/db-0\n"
    }
    #expect(one == "pod/db-0\n", "\(one)")
    let claims = try await kubectl("get pvc -n \(namespace) -o name").stdout
    #expect(
      claims == "persistentvolumeclaim/data-db-0\npersistentvolumeclaim/data-db-1\npersistentvolumeclaim/data-db-2\n",
      "each ordinal got its claim, and a scale down keeps them: \(claims)")
    let mounted = try await kubectl.run([
      "get", "pod", "db-0", "-n", namespace, "-o",
      "jsonpath={.spec.volumes[?(@.name==\"data\")].persistentVolumeClaim.claimName}",
    ]).stdout
    #expect(mounted == "data-db-0")
    let status = try await kubectl.poll(
      ["get", "statefulset", "db", "-n", namespace, "-o", "jsonpath={.status.replicas}/{.status.readyReplicas}"]
    ) { $0 == "1/1" }
    #expect(status == "1/1")
  }
}
