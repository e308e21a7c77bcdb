import Foundation
import TestSupport
import Testing

/// Debian's python3-kubernetes against the sandbox: list, create, delete and watch.
@Suite struct PythonClientTests {
  static let script = #"""
    import json, sys
    from kubernetes import client, config, watch

    config.load_kube_config(config_file=sys.argv[1])
    namespace = sys.argv[2]
    v1 = client.CoreV1Api()
    result = {}
    pods = v1.list_pod_for_all_namespaces()
    result["all_pods"] = sorted(p.metadata.namespace + "/" + p.metadata.name for p in pods.items)
    v1.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=namespace)))
    pod = client.V1Pod(
        metadata=client.V1ObjectMeta(name="py", labels={"made-by": "python"}),
        spec=client.V1PodSpec(containers=[client.V1Container(name="app", image="nginx")]))
    created = v1.create_namespaced_pod(namespace, pod)
    result["created_uid"] = bool(created.metadata.uid)
    events = []
    stream = watch.Watch()
    for event in stream.stream(v1.list_namespaced_pod, namespace=namespace, timeout_seconds=5):
        events.append([event["type"], event["object"].metadata.name])
        stream.stop()
    result["watch"] = events
    # Gone at once, as a grace period of 0 asks, though the pod may already run on a node.
    v1.delete_namespaced_pod("py", namespace, grace_period_seconds=0)
    result["after_delete"] = [p.metadata.name for p in v1.list_namespaced_pod(namespace).items]
    v1.delete_namespace(namespace)
    print(json.dumps(result))
    """#

  @Test func listCreateWatchDelete() async throws {
    let sandbox = try sharedSandbox.get()
    let file = try temporaryFile(named: "client.py", contents: Self.script)
    let namespace = "py-" + UUID().uuidString.prefix(6).lowercased()
    let output = try await ProcessRunner.run("/usr/bin/python3", [file, sandbox.kubeconfig, namespace], timeout: 60)
    #expect(output.status == 0, "\(output.stderr)")
    let lastLine = try #require(output.stdout.split(separator: "\n").last)
    let result = try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any]
    let pods = try #require(result?["all_pods"] as? [String])
    #expect(pods.contains("kube-system/etcd-controlplane"))
    #expect(result?["created_uid"] as? Bool == true)
    #expect((result?["watch"] as? [[String]]) == [["ADDED", "py"]])
    #expect((result?["after_delete"] as? [String]) == [])
  }
}
