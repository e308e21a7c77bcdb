import Foundation
import LabKit
import Testing

/// The mock exam is weighted as the CKA's 2025 curriculum: each task says its weight and domain
/// as the exam shows them, its points are that weight, and the weights add up to 100.
@Suite("Mock exam 1 is weighted like the exam")
struct MockExamTests {
  static let domains = [
    "Troubleshooting": 30.0, "Cluster architecture": 25, "Services & networking": 20,
    "Workloads & scheduling": 15, "Storage": 10,
  ]

  @Test func weightsMatchTheCurriculumAndAddUpToAHundred() throws {
    let loaded = try LabAttempt.library.load("mock-exam-1")
    #expect(loaded.lab.tasks.count == 17)
    #expect(loaded.lab.duration == .seconds(2 * 60 * 60))
    #expect((loaded.grader.passMark ?? loaded.lab.passMark) == 66)
    var byDomain: [String: Double] = [:]
    for task in loaded.lab.tasks {
      let id = task.id.value
      // "(7%, Troubleshooting) The kubelet of node02 …"
      let heading = try #require(
        task.ask.firstMatch(of: #/^\((\d+)%, ([^)]+)\)[ ]/#), "\(id) does not start with its weight and domain")
      let points = try #require(loaded.graderTask(id)?.points)
      #expect(Double(heading.1) == points, "\(id) shows \(heading.1)% but is worth \(points) points")
      #expect(Self.domains[String(heading.2)] != nil, "\(id) names no exam domain: \(heading.2)")
      byDomain[String(heading.2), default: 0] += points
    }
    #expect(byDomain == Self.domains)
    #expect(byDomain.values.reduce(0, +) == 100)
  }
}
