import ArgumentParser
import Foundation
import LabKit

/// What a command after `start` works on: the lab, the cluster it runs on, and its session.
struct LabSessionContext {
  let loaded: LoadedLab
  let connection: ClusterConnection
  let store: SessionStore

  var lab: Lab { loaded.lab }
  var cluster: LabCluster { connection.cluster }

  static var store: SessionStore { SessionStore(directory: StateDirectory.path + "/sessions") }

  /// The lab named by `--lab`, else by `$KUBELAB_LAB` (the web page's terminals set it: several
  /// labs may run there at once, each on a sandbox of its own), else the one last started on the
  /// chosen cluster.
  static func open(_ options: LabOptions, lab: String?) throws -> LabSessionContext {
    let connection = try ClusterConnection.existing(options)
    let store = Self.store
    let named = lab ?? ProcessInfo.processInfo.environment["KUBELAB_LAB"].flatMap { $0.isEmpty ? nil : $0 }
    guard let id = named ?? store.currentLab(cluster: connection.cluster.name) else {
      throw ValidationError(
        "no lab is started on the cluster \(connection.cluster.name): start one with `kubelab start <lab>`"
          + (options.sandbox ? " --sandbox" : "") + ", or name it with --lab")
    }
    // The session's file is read again (and any damage reported) by `session()`; here it only
    // says where the lab was started from.
    let started = (try? store.load(cluster: connection.cluster.name, lab: id)) ?? nil
    return LabSessionContext(
      loaded: try loadLab(options, id: id, startedFrom: started?.labFolder), connection: connection, store: store)
  }

  /// The lab from `--labs`, else from the folder it was started from (when it is still there),
  /// else from the library `LabLibrary.locate` finds.
  static func loadLab(_ options: LabOptions, id: String, startedFrom folder: String? = nil) throws -> LoadedLab {
    var library = options.library
    if options.labs == nil, let folder, FileManager.default.fileExists(atPath: folder + "/lab.yaml") {
      let labs = (folder as NSString).deletingLastPathComponent
      library = LabLibrary(root: (labs as NSString).deletingLastPathComponent)
    }
    do {
      return try library.load(id)
    } catch let error as LabLibraryError {
      if case .unknownLab = error { throw CommandFailure(.usage, "\(error)") }
      throw CommandFailure(.invalidLab, "\(error)")
    }
  }

  /// The session of this lab on this cluster, or an error saying how to start one.
  func session() throws -> Session {
    guard let session = try store.load(cluster: cluster.name, lab: loaded.id) else {
      throw ValidationError("the lab \(loaded.id) is not started on \(cluster.name): run `kubelab start \(loaded.id)`")
    }
    return session
  }

  /// Changes the session under its lock.
  @discardableResult
  func updateSession<T>(_ body: (inout Session) throws -> T) throws -> T {
    try store.update(cluster: cluster.name, lab: loaded.id) { session in
      guard var current = session else {
        throw ValidationError(
          "the lab \(loaded.id) is not started on \(cluster.name): run `kubelab start \(loaded.id)`")
      }
      let result = try body(&current)
      session = current
      return result
    }
  }

  /// `Waiting up to 30s (Ctrl-C stops waiting):` and a line per check: its task and what it finds now.
  static func waitingText(_ waits: [PendingWait]) -> String {
    let longest = waits.map(\.within).max() ?? .zero
    let lines = waits.map { "  \($0.task): \($0.found)\n" }.joined()
    return "Waiting up to \(longest.compactText) for \(waits.count == 1 ? "this" : "these") to change "
      + "(Ctrl-C stops waiting and keeps the grades so far):\n" + lines
  }

  /// A task by id or by its number in the lab (1-based), as `kubelab tasks` lists them.
  func task(_ reference: String) throws -> LabTask {
    if let task = lab.tasks.first(where: { $0.id.value == reference }) { return task }
    if let number = Int(reference), lab.tasks.indices.contains(number - 1) { return lab.tasks[number - 1] }
    let ids = lab.tasks.map(\.id.value)
    throw ValidationError("the lab \(loaded.id) has no task `\(reference)` (its tasks: \(ids.joined(separator: ", ")))")
  }

  /// Grades tasks with the answers the session holds, records the results, and returns them.
  ///
  /// A question is graded when it is answered, against the cluster as it was then: a whole-lab
  /// pass (`ids` nil) grades every action again but a question only while it has no grade (or
  /// its grade was an error), and reports the recorded grade of the others. Named tasks are
  /// always graded again. `file` and `script` checks work in the session's working directory.
  /// `onWait` hears which `within` checks are polled (by default they are said on stderr, and
  /// Ctrl-C stops the wait). Unrecorded (`record` false), with `answers` given over the session's,
  /// a grading only tells: practice after the time is up.
  func grade(
    tasks ids: [String]?, answers given: [String: String] = [:], record: Bool = true,
    onWait: (@Sendable ([PendingWait]) -> Void)? = nil
  ) async throws -> GradeReport {
    let session = try session()
    let recorded = { (task: LabTask) -> TaskScore? in
      guard task.kind != .action, let score = session.scores[task.id.value] else { return nil }
      return score.status == .error || score.status == .unanswered ? nil : score
    }
    let graded = ids ?? lab.tasks.filter { recorded($0) == nil }.map(\.id.value)
    var grading = LabGrading(lab: lab, grader: loaded.grader, cluster: cluster, workdir: session.workdir)
    // A whole-lab pass waits only for work under way; a task the learner names is waited for.
    grading.waiting = ids == nil ? .startedWork : .always
    let answers = session.answers.mapValues(\.text).merging(given) { _, new in new }
    let report: GradeReport
    if let onWait {
      // A front end that shows the waits itself (the web page) serves many passes at once, and
      // Ctrl-C stops it: its passes are not Ctrl-C's to interrupt.
      grading.onWait = onWait
      report = await grading.grade(tasks: graded, answers: answers)
    } else {
      grading.onWait = { waits in FileHandle.standardError.write(Data(Self.waitingText(waits).utf8)) }
      report = await InterruptibleWait.run { interruption in
        grading.interruption = interruption
        return await grading.grade(tasks: graded, answers: answers)
      }
    }
    if record { try updateSession { session in session.record(report) } }
    guard ids == nil else { return report }
    let tasks = lab.tasks.compactMap { task -> TaskResult? in
      if let result = report.tasks.first(where: { $0.id == task.id.value }) { return result }
      guard let score = recorded(task) else { return nil }
      return TaskResult(
        id: task.id.value, kind: TaskResult.Kind(rawValue: TaskText.kind(task)) ?? .question, status: score.status,
        points: score.points, earned: score.earned, answer: session.answers[task.id.value]?.text, checks: [],
        hint: nil)
    }
    return GradeReport(
      lab: report.lab, tasks: tasks, passMark: report.passMark, reads: report.reads, gradedAt: report.gradedAt)
  }
}
