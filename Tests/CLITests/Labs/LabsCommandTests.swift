import Foundation
import KubeModel
import TestSupport
import Testing

/// `kubelab labs` lists the library that ships with kubelab: titles, durations and task counts.
@Suite struct LabsCommandTests {
  static let library = [
    "container-runtimes", "control-plane", "deployments", "etcd-basics", "etcd-in-kubernetes",
    "imperative-commands", "namespaces", "pods", "pods-yaml", "replicasets", "services",
  ]

  @Test func listsTheCoreConceptsLibrary() async throws {
    let run = try KubelabRun()
    let text = try await run(["labs"])
    #expect(text.status == 0, "\(text.stderr)")
    let rows = text.stdout.split(separator: "\n").map(String.init)
    #expect(rows.first?.hasPrefix("ID ") == true)
    #expect(rows.contains { $0.hasPrefix("pods ") && $0.contains("Pods") && $0.contains("20m") && $0.contains(" 12 ") })
    let (_, json) = try await run.json(["labs"])
    let entries = json?.arrayValue ?? []
    for id in Self.library {
      let entry = try #require(entries.first { $0["id"]?.stringValue == id }, "\(id) is not listed")
      #expect(entry["problem"] == nil, "\(id): \(entry["problem"]?.stringValue ?? "")")
      #expect((entry["tasks"]?.intValue ?? 0) >= 7, "\(id)")
      let minutes = Int(entry["duration"]?.stringValue?.dropLast() ?? "") ?? 0
      #expect((10...25).contains(minutes), "\(id) takes \(minutes) minutes")
      #expect(entry["tags"]?.arrayValue?.contains("core-concepts") == true, "\(id)")
    }
  }
}
