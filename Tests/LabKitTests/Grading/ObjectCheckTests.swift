import KubeModel
import Testing

@testable import LabKit

@Suite("Grading object checks: exists, absent, count, match and jsonpath against the sandbox")
struct ObjectCheckTests {
  /// web-1 and web-2 (app=web), stray, and duo (two containers) in namespace web.
  static func populated(tasks: String, grader: String) async throws -> GradingFixture {
    let fixture = try GradingFixture(tasks: tasks, grader: grader, namespace: "web")
    try await fixture.namespace("web")
    var first = GradingFixture.pod("web-1", image: "nginx:1.25", labels: ["app": "web", "tier": "front"])
    first[path: ["spec", "containers"]] = [["name": "main", "image": "nginx:1.25", "ports": [["containerPort": 80]]]]
    try await fixture.create("pods", first, namespace: "web")
    try await fixture.create(
      "pods", GradingFixture.pod("web-2", image: "nginx:1.99", labels: ["app": "web"]), namespace: "web")
    try await fixture.create("pods", GradingFixture.pod("stray"), namespace: "web")
    var duo = GradingFixture.pod("duo")
    duo[path: ["spec", "containers"]] = [["name": "agentx", "image": "busybox"], ["name": "nginx", "image": "nginx"]]
    try await fixture.create("pods", duo, namespace: "web")
    return fixture
  }

  @Test("image fields compare as images in match, equals and in; the tag counts")
  func images() async throws {
    let fixture = try await Self.populated(
      tasks: "  - { id: t, ask: Do it., action: true }",
      grader: """
          t:
            checks:
              - { resource: pods, name: duo, match: { spec: { containers: [{ image: "docker.io/library/busybox:latest" }] } } }
              - { resource: pods, name: duo, jsonpath: "{.spec.containers[1].image}", equals: "docker.io/library/nginx:latest" }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].image}", in: [redis, "docker.io/nginx:1.25"] }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].image}", equals: nginx }
              - { resource: pods, name: web-1, match: { spec: { containers: [{ image: nginx }] } } }
              - { resource: pods, name: duo, jsonpath: "{.spec.containers[0].name}", equals: "docker.io/library/agentx" }
        """)
    let task = try await fixture.grade().task("t")
    #expect(task.verdicts == [.pass, .pass, .pass, .fail, .fail, .fail], "\(task.messages)")
  }

  @Test("exists, absent and count pass and fail with what was found, and share the task's points")
  func existence() async throws {
    let fixture = try await Self.populated(
      tasks: "  - { id: t, ask: Do it., action: true }",
      grader: """
          t:
            points: 2
            checks:
              - { resource: pods, name: web-1 }
              - { resource: pods, name: nope, hint: Create the pod nope. }
              - { resource: pods, name: nope, absent: true }
              - { resource: pods, name: stray, absent: true }
              - { resource: pods, selector: app=web, count: 3 }
              - { resource: pods, selector: app=web, count: { min: 2, max: 4 } }
              - { resource: pods, selector: app=db, exists: true }
              - { resource: pods, namespace: nowhere, absent: true }
        """)
    let report = await fixture.grade()
    let task = try report.task("t")
    #expect(task.verdicts == [.pass, .fail, .pass, .fail, .fail, .pass, .fail, .pass])
    #expect(
      task.messages == [
        "pod web-1 exists in namespace web",
        "pod nope not found in namespace web",
        "pod nope does not exist in namespace web",
        "pod stray still exists in namespace web",
        "found 2 pods with app=web in namespace web, expected 3",
        "found 2 pods with app=web in namespace web, expected between 2 and 4",
        "found no pods with app=db in namespace web",
        "found no pods in namespace nowhere",
      ])
    #expect(task.status == .partial)
    #expect(task.earned == 1)
    #expect(task.checks.map(\.earned) == [0.25, 0, 0.25, 0, 0, 0.25, 0, 0.25])
    #expect(task.hint == "Create the pod nope.")
    // Four distinct reads: pods in web, with app=web, with app=db, and in nowhere (a 404 or an empty list).
    #expect(report.reads == 4)
  }

  @Test("match compares a partial object and names the closest object's first difference")
  func match() async throws {
    let fixture = try await Self.populated(
      tasks: "  - { id: t, ask: Do it., action: true }",
      grader: """
          t:
            checks:
              - resource: pods
                match: { metadata: { labels: { app: web } }, spec: { containers: [{ image: "nginx:1.25" }] } }
              - { resource: pods, name: web-2, match: { spec: { containers: [{ image: nginx }] } } }
              - { resource: pods, selector: app=web, match: { spec: { containers: [{ image: redis }] } } }
              - { resource: pods, name: duo, match: { spec: { containers: [{ name: nginx }, { name: agentx }] } } }
              - { resource: pods, name: duo, match: { spec: { containers: [{ name: nginx }, { name: agentx }] } }, ordered: true }
              - { resource: pods, name: duo, match: { spec: { containers: [{ name: nginx }, { name: nginx }] } } }
              - { resource: pods, name: web-1, match: { spec: { containers: [{ ports: [{ containerPort: "80" }] }] } } }
              - { resource: pods, name: web-1, match: { metadata: { labels: { missing: null } } } }
              - { resource: pods, name: web-1, match: { metadata: { labels: { tier: back } } } }
        """)
    let task = try await fixture.grade().task("t")
    #expect(task.verdicts == [.pass, .fail, .fail, .pass, .fail, .fail, .pass, .pass, .fail])
    #expect(task.messages[0] == "pod web-1 in namespace web matches")
    #expect(
      task.messages[1] == #"pod web-2 in namespace web: .spec.containers[0].image is "nginx:1.99", expected "nginx""#)
    #expect(
      task.messages[2]
        == #"no pods with app=web in namespace web match; the closest, pod web-1: .spec.containers[0].image is "nginx:1.25", expected "redis""#
    )
    #expect(task.messages[4] == "pod duo in namespace web: .spec.containers is not in the written order")
    #expect(
      task.messages[5]
        == "pod duo in namespace web: .spec.containers has no distinct element for each of the 2 written ones")
    #expect(task.messages[8] == #"pod web-1 in namespace web: .metadata.labels.tier is "front", expected "back""#)
  }

  @Test("jsonpath compares what kubectl prints: text, words of a list, regex, numbers")
  func jsonpath() async throws {
    let fixture = try await Self.populated(
      tasks: "  - { id: t, ask: Do it., action: true }",
      grader: """
          t:
            checks:
              - { resource: pods, name: web-1, jsonpath: .metadata.labels.app, equals: web }
              - { resource: pods, name: web-1, jsonpath: .metadata.labels.app, equals: api }
              - { resource: pods, name: web-1, jsonpath: .metadata.labels.app, in: [api, web] }
              - { resource: pods, name: duo, jsonpath: "{.spec.containers[*].name}", contains: agentx }
              - { resource: pods, name: duo, jsonpath: "{.spec.containers[*].name}", contains: agent }
              - { resource: pods, name: web-1, jsonpath: .metadata.name, contains: eb- }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].image}", matches: "^nginx:" }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].image}", matches: "^redis" }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].ports[0].containerPort}", gte: 80 }
              - { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].ports[0].containerPort}", lt: 80 }
              - { resource: pods, name: web-1, jsonpath: .metadata.name, gt: 1 }
              - { resource: pods, selector: app=web, jsonpath: "{.spec.containers[0].image}", equals: "nginx:1.99" }
              - { resource: pods, selector: app=web, jsonpath: "{.spec.containers[0].image}", equals: "nginx:2" }
        """)
    let task = try await fixture.grade().task("t")
    #expect(
      task.verdicts == [.pass, .fail, .pass, .pass, .fail, .pass, .pass, .fail, .pass, .fail, .fail, .pass, .fail])
    #expect(task.messages[0] == #"pod web-1 in namespace web: {.metadata.labels.app} is "web""#)
    #expect(task.messages[1] == #"pod web-1 in namespace web: {.metadata.labels.app} is "web", expected "api""#)
    #expect(
      task.messages[4]
        == #"pod duo in namespace web: {.spec.containers[*].name} is "agentx nginx", expected it to contain "agent""#)
    #expect(
      task.messages[7]
        == #"pod web-1 in namespace web: {.spec.containers[0].image} is "nginx:1.25", expected it to match /^redis/"#)
    #expect(
      task.messages[9]
        == "pod web-1 in namespace web: {.spec.containers[0].ports[0].containerPort} is 80, expected less than 80")
    #expect(
      task.messages[10]
        == #"pod web-1 in namespace web: {.metadata.name} is "web-1" (not a number), expected more than 1"#)
    #expect(task.messages[11] == #"pod web-2 in namespace web: {.spec.containers[0].image} is "nginx:1.99""#)
    #expect(
      task.messages[12]
        == #"none of the 2 pods with app=web in namespace web passes; pod web-1 in namespace web: {.spec.containers[0].image} is "nginx:1.25", expected "nginx:2""#
    )
  }
}
