import KubeModel
import Testing

@testable import KubeSim

/// NetworkPolicy decisions as a CNI makes them: open until a policy selects a pod for a
/// direction, then only what a rule allows, by pod, namespace (and both), address block and port.
@Suite struct NetworkPolicyEvaluatorTests {
  typealias Peer = NetworkPolicyEvaluator.Peer

  static func pod(_ name: String, namespace: String = "default", labels: [String: String] = [:], ip: String) -> JSON {
    var labelObject: JSON = [:]
    for (key, value) in labels { labelObject[key] = .string(value) }
    return [
      "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labelObject],
      "spec": ["containers": [["name": "main", "ports": [["name": "http", "containerPort": 8080]]]]],
      "status": ["podIP": .string(ip)],
    ]
  }

  static func policies(_ yaml: String) throws -> [JSON] { try YAML.decodeJSON(yaml) }

  let api = Peer(pod: pod("api", labels: ["app": "api"], ip: "10.244.0.10"), namespaceLabels: [:], ip: "10.244.0.10")
  let frontend = Peer(
    pod: pod("frontend", labels: ["app": "frontend"], ip: "10.244.0.11"), namespaceLabels: [:], ip: "10.244.0.11")
  let monitor = Peer(
    pod: pod("monitor", namespace: "ops", labels: ["app": "monitor"], ip: "10.244.1.12"),
    namespaceLabels: ["team": "ops", "kubernetes.io/metadata.name": "ops"], ip: "10.244.1.12")

  func allows(_ from: Peer, _ to: Peer, _ port: Int, _ policies: [JSON], proto: String = "TCP") -> Bool {
    NetworkPolicyEvaluator.allows(from: from, to: to, port: port, proto: proto, policies: policies)
  }

  @Test func withoutPoliciesEverythingIsOpen() {
    #expect(allows(frontend, api, 8080, []))
  }

  @Test func aDefaultDenyClosesIngressOnlyForTheSelectedPods() throws {
    let deny = try Self.policies("metadata: {name: deny, namespace: default}\nspec: {podSelector: {}}")
    #expect(NetworkPolicyEvaluator.policyTypes(deny[0]) == [.ingress])
    #expect(!allows(frontend, api, 8080, deny))
    // Egress stays open: the policy has no egress rules, so its types default to Ingress only.
    #expect(allows(api, monitor, 8080, deny))
  }

  @Test func podAndNamespaceSelectorsAndBothCombined() throws {
    let policies = try Self.policies(
      """
      metadata: {name: api, namespace: default}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
        - from:
          - podSelector: {matchLabels: {app: frontend}}
          - namespaceSelector: {matchLabels: {team: ops}}
            podSelector: {matchExpressions: [{key: app, operator: In, values: [monitor]}]}
      """)
    #expect(allows(frontend, api, 8080, policies))
    #expect(allows(monitor, api, 8080, policies))
    let stranger = Peer(
      pod: Self.pod("x", namespace: "ops", labels: ["app": "x"], ip: "10.244.1.13"),
      namespaceLabels: ["team": "ops"], ip: "10.244.1.13")
    #expect(!allows(stranger, api, 8080, policies))
    // A pod selector alone means pods of the policy's own namespace.
    let frontendElsewhere = Peer(
      pod: Self.pod("f", namespace: "ops", labels: ["app": "frontend"], ip: "10.244.1.14"),
      namespaceLabels: ["team": "dev"], ip: "10.244.1.14")
    #expect(!allows(frontendElsewhere, api, 8080, policies))
  }

  @Test func portsByNumberNameRangeAndProtocol() throws {
    let policies = try Self.policies(
      """
      metadata: {name: api, namespace: default}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
        - ports: [{port: http}, {port: 9000, endPort: 9010}, {port: 53, protocol: UDP}]
      """)
    #expect(allows(frontend, api, 8080, policies))
    #expect(allows(frontend, api, 9005, policies))
    #expect(!allows(frontend, api, 9011, policies))
    #expect(allows(frontend, api, 53, policies, proto: "UDP"))
    #expect(!allows(frontend, api, 53, policies, proto: "TCP"))
  }

  @Test func egressRulesWithIPBlocksAndExceptions() throws {
    let policies = try Self.policies(
      """
      metadata: {name: frontend, namespace: default}
      spec:
        podSelector: {matchLabels: {app: frontend}}
        policyTypes: [Egress]
        egress:
        - to: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}]
      """)
    #expect(NetworkPolicyEvaluator.policyTypes(policies[0]) == [.egress])
    #expect(allows(frontend, api, 8080, policies))
    #expect(!allows(frontend, monitor, 8080, policies))
    // Ingress of the frontend is untouched by an Egress-only policy.
    #expect(allows(api, frontend, 8080, policies))
  }

  @Test func aPolicyWithEgressRulesDefaultsToBothTypes() throws {
    let policies = try Self.policies(
      """
      metadata: {name: frontend, namespace: default}
      spec:
        podSelector: {matchLabels: {app: frontend}}
        egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]
      """)
    #expect(NetworkPolicyEvaluator.policyTypes(policies[0]) == [.ingress, .egress])
    #expect(allows(frontend, api, 8080, policies))
    #expect(!allows(frontend, monitor, 8080, policies))
    #expect(!allows(api, frontend, 8080, policies))
  }

  @Test func policiesOfAnotherNamespaceDoNotSelect() throws {
    let deny = try Self.policies("metadata: {name: deny, namespace: ops}\nspec: {podSelector: {}}")
    #expect(allows(frontend, api, 8080, deny))
    #expect(!allows(frontend, monitor, 8080, deny))
  }
}
