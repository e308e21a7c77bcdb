import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// kubectl 1.32+ generator commands send protobuf bodies: each one succeeds against the sandbox,
/// prints what it prints against a real server, and stores the object kubectl 1.31 (JSON bodies)
/// stores for the same command.
@Suite struct KubectlProtobufCreateTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var printed: String
    /// The object to read back: resource and name.
    var object: [String]
    var jsonpath: String
    var fields: String

    var testDescription: String { arguments.prefix(3).joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(
      arguments: ["create", "namespace", "x"], printed: "namespace/x created", object: ["namespace", "x"],
      jsonpath: "{.metadata.name}", fields: "x"),
    Case(
      arguments: ["create", "deployment", "web", "--image=nginx", "--replicas=3"],
      printed: "deployment.apps/web created", object: ["deployment", "web"],
      jsonpath:
        "{.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.selector.matchLabels.app} {.metadata.labels.app}",
      fields: "3 nginx web web"),
    Case(
      arguments: ["create", "deployment", "idle", "--image=nginx", "--replicas=0"],
      printed: "deployment.apps/idle created", object: ["deployment", "idle"], jsonpath: "{.spec.replicas}",
      fields: "0"),
    Case(
      arguments: ["create", "configmap", "c", "--from-literal=a=b"], printed: "configmap/c created",
      object: ["configmap", "c"], jsonpath: "{.data.a}", fields: "b"),
    Case(
      arguments: ["create", "secret", "generic", "s", "--from-literal=p=q"], printed: "secret/s created",
      object: ["secret", "s"], jsonpath: "{.data.p}", fields: "cQ=="),
    Case(
      arguments: ["create", "service", "clusterip", "s", "--tcp=80:8080"], printed: "service/s created",
      object: ["service", "s"],
      jsonpath:
        "{.spec.type} {.spec.ports[0].name} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.ports[0].protocol} {.spec.selector.app}",
      fields: "ClusterIP 80-8080 80 8080 TCP s"),
    Case(
      arguments: ["create", "service", "nodeport", "np", "--tcp=80:8080"], printed: "service/np created",
      object: ["service", "np"], jsonpath: "{.spec.type} {.spec.ports[0].targetPort}", fields: "NodePort 8080"),
    Case(
      arguments: ["create", "job", "j", "--image=busybox"], printed: "job.batch/j created", object: ["job", "j"],
      jsonpath: "{.spec.template.spec.containers[0].image} {.spec.template.spec.restartPolicy}",
      fields: "busybox Never"),
    Case(
      arguments: ["create", "cronjob", "c", "--image=busybox", "--schedule=*/1 * * * *"],
      printed: "cronjob.batch/c created", object: ["cronjob", "c"],
      jsonpath: "{.spec.schedule}|{.spec.jobTemplate.spec.template.spec.containers[0].image}",
      fields: "*/1 * * * *|busybox"),
    Case(
      arguments: ["create", "serviceaccount", "sa"], printed: "serviceaccount/sa created",
      object: ["serviceaccount", "sa"], jsonpath: "{.metadata.name}", fields: "sa"),
    Case(
      arguments: ["create", "role", "r", "--verb=get", "--verb=list", "--resource=pods"],
      printed: "role.rbac.authorization.k8s.io/r created", object: ["role", "r"],
      jsonpath: "{.rules[0].verbs} {.rules[0].resources[0]} {.rules[0].apiGroups}", fields: #"["get","list"] pods [""]"#
    ),
    Case(
      arguments: ["create", "rolebinding", "rb", "--role=r", "--user=u"],
      printed: "rolebinding.rbac.authorization.k8s.io/rb created", object: ["rolebinding", "rb"],
      jsonpath: "{.roleRef.kind} {.roleRef.name} {.subjects[0].kind} {.subjects[0].name}", fields: "Role r User u"),
    Case(
      arguments: ["create", "clusterrole", "cr", "--verb=list", "--resource=nodes"],
      printed: "clusterrole.rbac.authorization.k8s.io/cr created", object: ["clusterrole", "cr"],
      jsonpath: "{.rules[0].verbs[0]} {.rules[0].resources[0]}", fields: "list nodes"),
    Case(
      arguments: ["create", "clusterrolebinding", "crb", "--clusterrole=cr", "--group=g"],
      printed: "clusterrolebinding.rbac.authorization.k8s.io/crb created", object: ["clusterrolebinding", "crb"],
      jsonpath: "{.roleRef.name} {.subjects[0].kind} {.subjects[0].name}", fields: "cr Group g"),
    Case(
      arguments: ["create", "quota", "q", "--hard=pods=2,requests.cpu=500m"], printed: "resourcequota/q created",
      object: ["resourcequota", "q"], jsonpath: "{.spec.hard.pods} {.spec.hard.requests\\.cpu}", fields: "2 500m"),
    Case(
      arguments: ["create", "priorityclass", "p", "--value=1000"],
      printed: "priorityclass.scheduling.k8s.io/p created", object: ["priorityclass", "p"],
      jsonpath: "{.value} {.preemptionPolicy}", fields: "1000 PreemptLowerPriority"),
    Case(
      arguments: ["create", "poddisruptionbudget", "pdb", "--selector=app=web", "--min-available=1"],
      printed: "poddisruptionbudget.policy/pdb created", object: ["poddisruptionbudget", "pdb"],
      jsonpath: "{.spec.minAvailable} {.spec.selector.matchLabels.app}", fields: "1 web"),
    Case(
      arguments: ["create", "ingress", "ing", "--rule=foo.com/bar=svc:80"],
      printed: "ingress.networking.k8s.io/ing created", object: ["ingress", "ing"],
      jsonpath:
        "{.spec.rules[0].host} {.spec.rules[0].http.paths[0].path} {.spec.rules[0].http.paths[0].backend.service.port.number}",
      fields: "foo.com /bar 80"),
  ]

  /// Runs `command` with kubectl `version` against a sandbox of its own; returns the printed line and
  /// the stored object as `get -o json` shows it.
  func create(_ command: Case, version: String) async throws -> (printed: ProcessOutput, fields: String, stored: JSON) {
    let sandbox = try Sandbox(options: .init(tls: true))
    try sandbox.start()
    defer { sandbox.shutdown() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let kubeconfigPath = folder.appendingPathComponent("kubeconfig").path
    try sandbox.writeKubeconfig(to: kubeconfigPath)
    let kubectl = try #require(Kubectl(version: version, kubeconfig: kubeconfigPath), "kubectl \(version) is missing")
    let printed = try await kubectl.run(command.arguments)
    let fields = try await kubectl.run(["get"] + command.object + ["-o", "jsonpath=" + command.jsonpath])
    let stored = try await kubectl.run(["get"] + command.object + ["-o", "json"])
    return (printed, fields.stdout, try JSON(parsing: stored.stdout))
  }

  @Test(arguments: cases)
  func generatorCommandSucceedsWithProtobuf(_ command: Case) async throws {
    let protobuf = try await create(command, version: "1.33")
    #expect(protobuf.printed.status == 0, "\(protobuf.printed.stderr)")
    #expect(protobuf.printed.stdout == command.printed + "\n")
    #expect(protobuf.fields == command.fields)

    let json = try await create(command, version: "1.31")
    #expect(json.printed.stdout == command.printed + "\n", "\(json.printed.stderr)")
    #expect(Self.comparable(protobuf.stored) == Self.comparable(json.stored))
  }

  @Test func accessReviewsSentAsProtobufAreAnswered() async throws {
    let sandbox = try Sandbox(options: .init(tls: true))
    try sandbox.start()
    defer { sandbox.shutdown() }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let kubeconfigPath = folder.appendingPathComponent("kubeconfig").path
    try sandbox.writeKubeconfig(to: kubeconfigPath)
    let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: kubeconfigPath), "kubectl 1.33 is missing")
    let canI = try await kubectl("auth can-i create pods")
    #expect(canI.stdout == "yes\n", "\(canI.stderr)")
    let whoami = try await kubectl("auth whoami")
    #expect(whoami.stdout.contains("Username    kubernetes-admin"), "\(whoami.stderr)")
  }

  /// The object without what differs between two sandboxes and two runs anyway: identifiers,
  /// times, allocated addresses and ports, status.
  static func comparable(_ object: JSON) -> JSON {
    let uid = object[path: ["metadata", "uid"]]
    var copy = replacing(uid, in: object)
    for volatile in ["creationTimestamp", "resourceVersion", "managedFields"] {
      copy[path: ["metadata", volatile]] = nil
    }
    for allocated in ["clusterIP", "clusterIPs"] {
      copy[path: ["spec", allocated]] = nil
    }
    if let ports = copy[path: ["spec", "ports"]]?.arrayValue {
      copy[path: ["spec", "ports"]] = .array(
        ports.map { port in
          var port = port
          port["nodePort"] = nil
          return port
        })
    }
    copy["status"] = nil
    return copy
  }

  /// `value` with every occurrence of `target` (a uid, also copied into a Job's selector) blanked.
  static func replacing(_ target: JSON?, in value: JSON) -> JSON {
    if value == target { return "<uid>" }
    switch value {
    case .array(let items): return .array(items.map { replacing(target, in: $0) })
    case .object(let members): return .object(members.mapValues { replacing(target, in: $0) })
    default: return value
    }
  }
}
