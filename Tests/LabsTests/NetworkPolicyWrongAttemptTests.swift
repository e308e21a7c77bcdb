import Foundation
import LabKit
import TestSupport
import Testing

/// Wrong attempts at network-policies, graded as the lab grades them: on the traffic that the
/// sandbox lets through between the lab's busybox pods, probed from inside them.
extension WrongAttemptTests {
  @Test func networkPolicies() async throws {
    try await TestGate.heavyTests.run(long: true) {
      // The allow rule put on the wrong pods (the frontend instead of the api): the api is not
      // isolated, so every pod of shop still reaches it. Then the AND/OR trap: the namespace and
      // the pod selector as two items of the from list let every pod of monitoring in.
      let wrongPods = try await LabAttempt("network-policies", containers: true)
      try await wrongPods.run(
        Self.applyPolicy(
          "api-allow-frontend", selecting: "app: frontend",
          "ingress: [{ from: [{ podSelector: { matchLabels: { app: frontend } } }], ports: [{ port: 8080 }] }]"))
      expect(
        await wrongPods.grade("allow-frontend"), .failed, earned: 0,
        hint: "Other pods than frontend, such as cache, still reach api on port 8080")
      try await wrongPods.run(
        "kubectl label namespace monitoring team=monitoring",
        Self.applyPolicy(
          "db-allow-monitoring", selecting: "app: db",
          """
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: monitoring } } }, \
          { podSelector: { matchLabels: { app: prometheus } } }], ports: [{ port: 9187 }] }]
          """))
      expect(
        await wrongPods.grade("namespace-selector"), .partial, earned: 3,
        hint: "The pod grafana of monitoring also reaches db on port 9187")

      // The allow rule without ports opens the api's admin port too. Then an egress policy that
      // allows only the api: frontend can no longer look its name up (the exam's DNS trap).
      let noPorts = try await LabAttempt("network-policies", containers: true)
      try await noPorts.run(
        Self.applyPolicy("default-deny", selecting: nil, "policyTypes: [Ingress]"),
        Self.applyPolicy(
          "api-allow-frontend", selecting: "app: api",
          "ingress: [{ from: [{ podSelector: { matchLabels: { app: frontend } } }] }]"))
      expect(await noPorts.grade("default-deny"), .passed, earned: 4)
      expect(
        await noPorts.grade("allow-frontend"), .partial, earned: 2,
        hint: "The pod frontend also reaches api's admin port 9090")
      try await noPorts.run(
        Self.applyPolicy(
          "frontend-egress", selecting: "app: frontend",
          "policyTypes: [Egress]\n  egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }], ports: [{ port: 8080 }] }]"
        ))
      expect(
        await noPorts.grade("dns-egress"), .partial, earned: 1,
        hint: "The pod frontend can no longer look up names")
    }
  }

  /// Applies a NetworkPolicy in shop whose podSelector matches the labels `selecting` (nil: every
  /// pod), with `rules` as the rest of its spec.
  private static func applyPolicy(_ name: String, selecting labels: String?, _ rules: String) -> String {
    let selector = labels.map { "{ matchLabels: { \($0) } }" } ?? "{}"
    return """
      kubectl apply -f - <<'EOF'
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: { name: \(name), namespace: shop }
      spec:
        podSelector: \(selector)
        \(rules)
      EOF
      """
  }
}
