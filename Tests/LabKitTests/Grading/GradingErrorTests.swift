import KubeClient
import KubeModel
import Testing

@testable import LabKit

@Suite("Grading errors: a grader that cannot look says so and never marks the learner wrong")
struct GradingErrorTests {
  @Test("a 5xx or 403 on a read makes the checks that need it errors, not fails; other reads still grade")
  func serverErrors() async throws {
    let fixture = try GradingFixture(
      tasks: """
          - { id: pods, ask: a, action: true }
          - { id: services, ask: b, action: true }
          - { id: namespaces, ask: c, action: true }
          - { id: combined, ask: d, action: true }
          - { id: computed, ask: How many pods? }
          - { id: twice, ask: e, action: true }
        """,
      grader: """
          pods:
            checks: [{ resource: pods, name: web }, { resource: pods, name: web, absent: true }]
          services:
            checks: [{ resource: svc, name: web }]
          namespaces:
            checks: [{ resource: ns, name: default }]
          combined:
            checks:
              - any: [{ resource: pods, name: web }, { resource: ns, name: nowhere }]
              - not: { resource: pods, name: web }
              - all: [{ resource: ns, name: nowhere }, { resource: pods, name: web }]
          computed:
            answer: { count: { resource: pods } }
          twice:
            checks: [{ all: [{ resource: pods, name: web }, { resource: pods, name: db }] }]
        """)
    // Without retries, each injected fault is one failed read: pods first (500), then services (403).
    let cluster = try LabCluster(
      kubeconfig: fixture.test.kubeconfigPath, context: nil, options: ClientOptions(retry: .none))
    fixture.test.sandbox.server.faults.inject(.status(500))
    fixture.test.sandbox.server.faults.inject(.status(403))
    let report = await fixture.grade(answers: ["computed": "0"], cluster: cluster)

    let pods = try report.task("pods")
    #expect(pods.status == .error)
    #expect(pods.verdicts == [.error, .error])
    #expect(pods.earned == 0)
    #expect(pods.messages[0].hasPrefix("cannot list pods in namespace default: "))
    #expect(pods.messages[0].contains("(500)"))
    let services = try report.task("services")
    #expect(services.status == .error)
    #expect(services.messages[0].hasPrefix("cannot list services in namespace default: "))
    #expect(services.messages[0].contains("403"))
    #expect(try report.task("namespaces").status == .passed)
    // any: an error and a fail is an error; not keeps an error; all: a fail outweighs an error.
    let combined = try report.task("combined")
    #expect(combined.verdicts == [.error, .error, .fail])
    #expect(combined.status == .error)
    #expect(combined.messages[2] == "namespace nowhere not found")
    let computed = try report.task("computed")
    #expect(computed.status == .error)
    #expect(computed.messages[0].hasPrefix("cannot work out the answer: cannot list pods in namespace default: "))
    // Two checks of one failed read: its message once.
    let twice = try report.task("twice")
    #expect(twice.status == .error)
    #expect(twice.messages == [pods.messages[0]], "\(twice.messages)")
    #expect(report.hasErrors)
    // pods, services, namespaces: one request each although the checks ask eleven times.
    #expect(report.reads == 3)
  }

  @Test("an unreachable cluster is an error with the reason")
  func unreachable() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }", grader: "  t: { checks: [{ resource: pods, absent: true }] }")
    let port = fixture.test.sandbox.server.port
    // Down as a crashed kube-apiserver, holding its port: after a shutdown, a sandbox of another
    // test could take the port and answer.
    fixture.test.sandbox.server.suspend()
    let task = try await fixture.grade().task("t")
    #expect(task.status == .error)
    #expect(task.messages[0].hasPrefix("cannot list pods in namespace default: cannot reach the server"))
    #expect(task.messages[0].contains("\(port)"))
  }

  @Test(
    "an exec or a script whose kubectl could not use the server is an error; Forbidden and NotFound stay fails",
    arguments: [
      ("{ exec: { pod: web, command: [\"true\"] } }", "`true` could not be run in pod web"),
      (
        "{ script: \"kubectl get pod web -o name\" }",
        "the script `kubectl get pod web -o name` could not use the cluster"
      ),
    ])
  func checksWhoseKubectlCouldNotUseTheServer(check: String, message: String) async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }", grader: "  t: { checks: [\(check)] }")
    let faults = fixture.test.sandbox.server.faults
    // Enough faults for every request of kubectl's, discovery included.
    for (code, verdict) in [(500, Verdict.error), (401, .error), (403, .fail)] {
      faults.inject(.status(code), count: 20)
      let task = try await fixture.grade().task("t")
      faults.clear()
      #expect(task.verdicts == [verdict], "\(code): \(task.messages)")
      if code == 500 {
        #expect(
          task.messages.first?.hasPrefix(message + ": Error from server (InternalError): ") == true, "\(task.messages)")
      }
    }
    // No pod web: the learner's miss.
    let notFound = try await fixture.grade().task("t")
    #expect(notFound.verdicts == [.fail], "\(notFound.messages)")
  }
}
