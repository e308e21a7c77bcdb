import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The simulated kubelet on a cluster without HTTP, its timers driven by a manual clock: init containers
/// run in order before the app containers, and probes decide readiness and restarts.
@Suite struct KubeletTests {
  let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
  let cluster: Cluster
  let kubelet: Kubelet

  init() throws {
    cluster = Cluster(clock: clock)
    kubelet = Kubelet(cluster: cluster, timing: ControllerTiming())
    let namespaces = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "namespaces"))
    _ = try cluster.create(namespaces, namespace: nil, object: ["metadata": ["name": "default"]])
    let nodes = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "nodes"))
    _ = try cluster.create(
      nodes, namespace: nil,
      object: [
        "metadata": ["name": "node01"], "spec": ["podCIDR": "10.244.1.0/24"],
        "status": ["addresses": [["type": "InternalIP", "address": "192.168.100.11"]]],
      ])
  }

  /// Creates the pod on node01 and lets the kubelet take it on.
  func run(_ spec: JSON, restartPolicy: String = "Always") throws -> ObjectKey {
    var full = spec
    full["nodeName"] = "node01"
    full["restartPolicy"] = .string(restartPolicy)
    let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
    _ = try cluster.create(pods, namespace: "default", object: ["metadata": ["name": "web"], "spec": full])
    let key = cluster.key(pods, namespace: "default", name: "web")
    cluster.queue.sync { kubelet.sync(key) }
    return key
  }

  /// Moves the clock `seconds` ahead; the kubelet takes each step on the timer it set for it.
  func pass(_ seconds: Double) { clock.advance(by: seconds) }

  func pod(_ key: ObjectKey) throws -> JSON { try #require(cluster.store.get(key)) }

  /// The STATUS column `kubectl get pods` prints.
  func printed(_ key: ObjectKey) throws -> String { PodStatusSummary(PrintedObject(try pod(key))).reason }

  func ready(_ key: ObjectKey) throws -> String {
    let summary = PodStatusSummary(PrintedObject(try pod(key)))
    return "\(summary.readyContainers)/\(summary.totalContainers)"
  }

  func condition(_ key: ObjectKey, _ type: String) throws -> JSON? {
    try pod(key)[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
  }

  /// The pod's events as "reason: message", with how often each happened.
  func events() -> [(reason: String, message: String, count: Int, fieldPath: String)] {
    cluster.store.list(resource: "events", namespace: "default").items.map {
      (
        $0["reason"]?.stringValue ?? "", $0["message"]?.stringValue ?? "", $0["count"]?.intValue ?? 0,
        $0[path: ["involvedObject", "fieldPath"]]?.stringValue ?? ""
      )
    }
  }

  static func container(_ name: String, _ image: String, _ command: [String] = [], extra: JSONObject = [:]) -> JSON {
    var container: JSONObject = ["name": .string(name), "image": .string(image)]
    if !command.isEmpty { container["command"] = .array(command.map(JSON.string)) }
    container.merge(extra) { _, new in new }
    return .object(container)
  }

  @Test func initContainersRunOneAfterAnotherBeforeTheAppContainers() throws {
    let key = try run([
      "initContainers": [
        Self.container("one", "busybox", ["echo", "one"]), Self.container("two", "busybox", ["sleep", "2"]),
      ],
      "containers": [Self.container("app", "nginx")],
    ])
    #expect(try printed(key) == "Init:0/2")
    #expect(try pod(key)[path: ["status", "phase"]] == "Pending")
    #expect(try condition(key, "Initialized")?["reason"] == "ContainersNotInitialized")
    #expect(try condition(key, "Initialized")?["message"] == "containers with incomplete status: [one two]")
    let app = try #require(try pod(key)[path: ["status", "containerStatuses"]]?.arrayValue?.first)
    #expect(app[path: ["state", "waiting", "reason"]] == "PodInitializing")

    pass(1.5)
    #expect(try printed(key) == "Init:1/2")
    let first = try #require(try pod(key)[path: ["status", "initContainerStatuses"]]?.arrayValue?.first)
    #expect(first[path: ["state", "terminated", "reason"]] == "Completed")
    #expect(first[path: ["state", "terminated", "exitCode"]] == 0)
    #expect(first["ready"] == true)

    pass(3)
    #expect(try printed(key) == "PodInitializing")
    #expect(try condition(key, "Initialized")?["status"] == "True")
    #expect(try pod(key)[path: ["status", "phase"]] == "Pending")

    pass(1.5)
    #expect(try printed(key) == "Running")
    #expect(try ready(key) == "1/1")
    let started = events().filter { $0.reason == "Started" }.map(\.fieldPath)
    #expect(started == ["spec.initContainers{one}", "spec.initContainers{two}", "spec.containers{app}"])
    #expect(events().contains { $0.reason == "Pulled" && $0.fieldPath == "spec.initContainers{one}" })
  }

  /// `kubectl replace --force -f` of `get -o yaml` output sends the old pod's status along; the new
  /// pod starts without it, and the kubelet runs its containers.
  @Test func aPodCreatedWithAnOldStatusStartsAfresh() throws {
    let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
    let old: JSON = [
      "phase": "Running",
      "containerStatuses": [
        ["name": "app", "restartCount": 4, "state": ["terminated": ["exitCode": 1, "reason": "Error"]]]
      ],
    ]
    _ = try cluster.create(
      pods, namespace: "default",
      object: [
        "metadata": ["name": "web"], "spec": ["nodeName": "node01", "containers": [Self.container("app", "nginx")]],
        "status": old,
      ])
    let key = cluster.key(pods, namespace: "default", name: "web")
    #expect(try pod(key)["status"] == ["phase": "Pending", "qosClass": "BestEffort"])
    cluster.queue.sync { kubelet.sync(key) }
    pass(3)
    #expect(try printed(key) == "Running")
    #expect(try pod(key)[path: ["status", "containerStatuses"]]?.arrayValue?.first?["restartCount"] == 0)
  }

  @Test func anInitContainerThatNeverEndsHoldsThePod() throws {
    let key = try run([
      "initContainers": [Self.container("wait", "busybox", ["sleep", "3600"])],
      "containers": [Self.container("app", "nginx")],
    ])
    pass(5)
    #expect(try printed(key) == "Init:0/1")
    #expect(try pod(key)[path: ["status", "initContainerStatuses"]]?.arrayValue?.first?["started"] == true)
    #expect(!events().contains { $0.fieldPath == "spec.containers{app}" })
  }

  @Test func aSidecarStartsBeforeTheNextInitContainerAndKeepsRunning() throws {
    let key = try run([
      "initContainers": [
        Self.container("proxy", "nginx", extra: ["restartPolicy": "Always"]),
        Self.container("setup", "busybox", ["echo", "ready"]),
      ],
      "containers": [Self.container("app", "nginx")],
    ])
    pass(1.5)
    #expect(try printed(key) == "Init:1/2")
    #expect(try ready(key) == "1/2", "the started sidecar counts as a ready container")
    pass(2)
    #expect(try printed(key) == "Running")
    #expect(try ready(key) == "2/2")
    #expect(try condition(key, "Ready")?["status"] == "True")
    let proxy = try #require(try pod(key)[path: ["status", "initContainerStatuses"]]?.arrayValue?.first)
    #expect(proxy["state"]?["running"] != nil, "\(proxy)")
  }

  @Test func anUnknownInitImageFailsToPull() throws {
    let key = try run([
      "initContainers": [Self.container("setup", "busybox123")], "containers": [Self.container("app", "nginx")],
    ])
    pass(1.05)
    #expect(try printed(key) == "Init:ErrImagePull")
    pass(1)
    #expect(try printed(key) == "Init:ImagePullBackOff")
  }

  @Test func aFailingInitContainerIsRestartedWithBackOffUnderAlways() throws {
    let key = try run([
      "initContainers": [Self.container("setup", "busybox", ["sh", "-c", "exit 1"])],
      "containers": [Self.container("app", "nginx")],
    ])
    pass(1.05)
    #expect(try printed(key) == "Init:Error")
    pass(1)
    #expect(try printed(key) == "Init:CrashLoopBackOff")
    pass(6)
    let restarts = try pod(key)[path: ["status", "initContainerStatuses"]]?.arrayValue?.first?["restartCount"]
    #expect((restarts?.intValue ?? 0) >= 1, "\(String(describing: restarts))")
    #expect(try pod(key)[path: ["status", "phase"]] == "Pending")
  }

  @Test func aFailingInitContainerFailsThePodUnderNever() throws {
    let key = try run(
      [
        "initContainers": [Self.container("setup", "busybox", ["false"])],
        "containers": [Self.container("app", "nginx")],
      ], restartPolicy: "Never")
    pass(3)
    #expect(try printed(key) == "Init:Error")
    #expect(try pod(key)[path: ["status", "phase"]] == "Failed")
  }

  @Test func aPassingReadinessProbeMakesTheContainerReadyAfterItsInitialDelay() throws {
    let probe: JSON = ["httpGet": ["port": "http", "path": "/healthz"], "initialDelaySeconds": 30]
    let key = try run([
      "containers": [
        Self.container(
          "web", "nginx",
          extra: ["ports": [["name": "http", "containerPort": 80]], "readinessProbe": probe])
      ]
    ])
    pass(1.5)
    #expect(try printed(key) == "Running")
    #expect(try ready(key) == "0/1")
    #expect(try condition(key, "Ready")?["status"] == "False")
    pass(3)
    #expect(try ready(key) == "1/1")
    #expect(try condition(key, "Ready")?["status"] == "True")
    #expect(!events().contains { $0.reason == "Unhealthy" })
  }

  /// CoreDNS's pods are made again after a drain, and on the release `kubeadm upgrade apply`
  /// moves them to: their images are pulled like any other.
  @Test func coreDNSPodsMadeAgainPullTheirImage() throws {
    for tag in ["v1.12.0", "v1.12.1"] {
      let key = try run(["containers": [Self.container("coredns", "registry.k8s.io/coredns/coredns:\(tag)")]])
      pass(1.5)
      #expect(try printed(key) == "Running", "\(tag)")
      let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
      _ = cluster.store.remove(cluster.key(pods, namespace: "default", name: "web"))
    }
  }

  /// kubeadm's control-plane manifests declare no ports: a component restarted from its manifest
  /// (a learner's fix) serves its health ports on the node, is ready and is never killed.
  @Test func aControlPlaneComponentPassesProbesOnItsUndeclaredHealthPort() throws {
    let health: JSON = [
      "httpGet": ["host": "127.0.0.1", "path": "/livez", "port": 10259, "scheme": "HTTPS"],
      "initialDelaySeconds": 10, "failureThreshold": 8,
    ]
    let pods = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "pods"))
    let container = Self.container(
      "kube-scheduler", "registry.k8s.io/kube-scheduler:v1.33.1", ["kube-scheduler", "--leader-elect=true"],
      extra: ["livenessProbe": health, "readinessProbe": ["httpGet": ["path": "/readyz", "port": 10259]]])
    _ = try cluster.create(
      pods, namespace: "default",
      object: [
        "metadata": ["name": "web", "labels": ["tier": "control-plane", "component": "kube-scheduler"]],
        "spec": ["nodeName": "node01", "hostNetwork": true, "containers": [container]],
      ])
    let key = cluster.key(pods, namespace: "default", name: "web")
    cluster.queue.sync { kubelet.sync(key) }
    // Past the compressed liveness window (10 s + 7 × 10 s, a tenth of it) and then some.
    pass(1.5)
    pass(10)
    #expect(try ready(key) == "1/1")
    #expect(try pod(key)[path: ["status", "containerStatuses"]]?.arrayValue?.first?["restartCount"] == 0)
    #expect(!events().contains { $0.reason == "Unhealthy" })
  }

  @Test func aReadinessProbeOnAnUndeclaredPortKeepsThePodUnready() throws {
    let key = try run([
      "containers": [
        Self.container(
          "web", "nginx",
          extra: ["ports": [["containerPort": 80]], "readinessProbe": ["tcpSocket": ["port": 8080]]])
      ]
    ])
    pass(5)
    #expect(try printed(key) == "Running")
    #expect(try ready(key) == "0/1")
    let ip = try #require(try pod(key)[path: ["status", "podIP"]]?.stringValue)
    let unhealthy = try #require(events().first { $0.reason == "Unhealthy" })
    #expect(unhealthy.message == "Readiness probe failed: dial tcp \(ip):8080: connect: connection refused")
    #expect(unhealthy.count >= 3, "one failure per compressed period")
  }

  @Test func execReadinessProbesPassUnlessTheCommandFails() throws {
    func readiness(_ command: [String]) -> JSON { ["exec": ["command": .array(command.map(JSON.string))]] }
    let key = try run([
      "containers": [
        Self.container("ok", "nginx", extra: ["readinessProbe": readiness(["cat", "/tmp/healthy"])]),
        Self.container("bad", "redis", extra: ["readinessProbe": readiness(["sh", "-c", "echo down; exit 1"])]),
      ]
    ])
    pass(2)
    #expect(try ready(key) == "1/2")
    let statuses = try pod(key)[path: ["status", "containerStatuses"]]?.arrayValue ?? []
    #expect(statuses.map { $0["ready"] } == [true, false])
    #expect(events().contains { $0.reason == "Unhealthy" && $0.message == "Readiness probe failed: down" })
  }

  @Test func aNamedPortTheContainerLacksErrors() throws {
    let key = try run([
      "containers": [Self.container("web", "nginx", extra: ["readinessProbe": ["httpGet": ["port": "http"]]])]
    ])
    pass(2)
    #expect(try ready(key) == "0/1")
    #expect(
      events().contains {
        $0.message == "Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing \"http\": "
          + "invalid syntax"
      })
  }

  @Test func aFailingLivenessProbeRestartsTheContainer() throws {
    let key = try run([
      "containers": [Self.container("web", "nginx", extra: ["livenessProbe": ["httpGet": ["port": 8080]]])]
    ])
    pass(1.5)
    #expect(try ready(key) == "1/1", "liveness does not gate readiness")
    pass(6)
    let status = try #require(try pod(key)[path: ["status", "containerStatuses"]]?.arrayValue?.first)
    #expect((status["restartCount"]?.intValue ?? 0) >= 1, "\(status)")
    #expect(status[path: ["lastState", "terminated", "exitCode"]] == 137)
    #expect(
      events().contains {
        $0.reason == "Killing" && $0.message == "Container web failed liveness probe, will be restarted"
      })
    #expect(
      events().contains { $0.reason == "Unhealthy" && $0.message.hasPrefix("Liveness probe failed: Get \"http://") })
  }
}
