import Foundation
import KubeClient
import KubeModel
import TestSupport
import Testing

@testable import LabKit

/// A lab and grader written in YAML, graded on a test sandbox: what each grading test starts from.
struct GradingFixture {
  let test: LabTestCluster
  let lab: Lab
  let grader: Grader

  /// `tasks` is the lab's task list; `grader` the grader's `tasks:` mapping, both as YAML text
  /// indented by two spaces.
  init(tasks: String, grader: String, namespace: String = "default", test: LabTestCluster? = nil) throws {
    self.test = try test ?? LabTestCluster()
    let labText = "id: demo\ntitle: Demo\nnamespace: \(namespace)\ntasks:\n\(tasks)\n"
    let decodedLab = LabFormat.decodeLab(Array(labText.utf8), file: "lab.yaml")
    #expect(decodedLab.problems.map(\.description) == [])
    lab = try #require(decodedLab.value)
    let graderText = "lab: demo\ntasks:\n\(grader)\n"
    let decodedGrader = LabFormat.decodeGrader(Array(graderText.utf8), file: "demo.yaml")
    #expect(decodedGrader.problems.map(\.description) == [])
    self.grader = try #require(decodedGrader.value)
  }

  func grade(
    tasks: [String]? = nil, answers: [String: String] = [:], cluster: LabCluster? = nil, workdir: String? = nil
  ) async -> GradeReport {
    await LabGrading(lab: lab, grader: grader, cluster: cluster ?? test.cluster, workdir: workdir)
      .grade(tasks: tasks, answers: answers)
  }

  /// Creates an object of `resource` (a name as lab files write it) on the sandbox.
  @discardableResult
  func create(_ resource: String, _ object: JSON, namespace: String? = nil) async throws -> JSON {
    try await test.cluster.client.create(ref(resource), object, namespace: namespace)
  }

  func delete(_ resource: String, name: String, namespace: String? = nil) async throws {
    try await test.cluster.client.delete(
      ref(resource), name: name, namespace: namespace, options: DeleteOptions(gracePeriodSeconds: 0))
  }

  func ref(_ resource: String) throws -> ResourceRef {
    test.cluster.ref(try #require(ResourceCatalog.resolve(resource)))
  }

  func namespace(_ name: String) async throws {
    try await create("namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
  }

  static func pod(_ name: String, image: String = "nginx", labels: [String: String] = [:]) -> JSON {
    var metadata: JSON = ["name": .string(name)]
    if !labels.isEmpty {
      metadata["labels"] = .object(JSONObject(uniqueKeysWithValues: labels.map { ($0, .string($1)) }))
    }
    return [
      "apiVersion": "v1", "kind": "Pod", "metadata": metadata,
      "spec": ["containers": [["name": "main", "image": .string(image)]]],
    ]
  }
}

extension GradeReport {
  /// The result of one task; fails the test when it is not there.
  func task(_ id: String) throws -> TaskResult {
    try #require(tasks.first { $0.id == id })
  }
}

extension TaskResult {
  var verdicts: [Verdict] { checks.map(\.verdict) }
  var messages: [String] { checks.map(\.message) }
}
