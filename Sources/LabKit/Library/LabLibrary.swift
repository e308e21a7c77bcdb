import Foundation

/// The labs of one folder tree: `Labs/<id>/lab.yaml` with its answer key `Graders/<id>.yaml`.
public struct LabLibrary: Sendable {
  /// The folder holding `Labs/` and `Graders/`.
  public let root: String

  public init(root: String) {
    self.root = root
  }

  /// The library a command uses: `--labs`, else `$KUBELAB_LABS`, else the nearest folder at or
  /// above the current directory that has a `Labs/` folder (so commands work from any folder of a
  /// checkout), else the current directory.
  public static func locate(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> LabLibrary {
    if let explicit, !explicit.isEmpty { return LabLibrary(root: explicit) }
    if let root = environment["KUBELAB_LABS"], !root.isEmpty { return LabLibrary(root: root) }
    var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
    while true {
      var isDirectory: ObjCBool = false
      let labs = folder.appendingPathComponent("Labs").path
      if FileManager.default.fileExists(atPath: labs, isDirectory: &isDirectory), isDirectory.boolValue {
        return LabLibrary(root: folder.path)
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return LabLibrary(root: currentDirectory) }
      folder = parent
    }
  }

  public var labsFolder: String { (root as NSString).appendingPathComponent("Labs") }
  public var gradersFolder: String { (root as NSString).appendingPathComponent("Graders") }

  public func labFile(_ id: String) -> String { "\(labsFolder)/\(id)/lab.yaml" }
  public func graderFile(_ id: String) -> String { "\(gradersFolder)/\(id).yaml" }

  /// The ids of the labs, sorted: every folder of `Labs/` with a `lab.yaml`.
  public func ids() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: labsFolder)) ?? []
    return names.filter { FileManager.default.fileExists(atPath: labFile($0)) }.sorted()
  }

  /// A lab and its grader, read and linted together; any lint problem makes it unusable.
  public func load(_ id: String) throws -> LoadedLab {
    guard FileManager.default.fileExists(atPath: labFile(id)) else {
      throw LabLibraryError.unknownLab(id, library: labsFolder, known: ids())
    }
    let report = LabLinter().lint(paths: [(labFile(id) as NSString).deletingLastPathComponent, graderFile(id)])
    guard report.problems.isEmpty else { throw LabLibraryError.invalid(id, problems: report.problems) }
    guard let lab = LabFormat.loadLab(path: labFile(id)).value,
      let grader = LabFormat.loadGrader(path: graderFile(id)).value
    else {
      throw LabLibraryError.invalid(id, problems: [])
    }
    return LoadedLab(lab: lab, grader: grader)
  }
}

/// A lab ready to run: its learner-facing side and its answer key, consistent with each other.
public struct LoadedLab: Sendable {
  public var lab: Lab
  public var grader: Grader

  public var id: String { lab.id.value }
  /// The folder of lab.yaml, where setup manifests and workdir files are.
  public var folder: String { (lab.file as NSString).deletingLastPathComponent }

  public init(lab: Lab, grader: Grader) {
    self.lab = lab
    self.grader = grader
  }

  public func graderTask(_ id: String) -> GraderTask? { grader.tasks.first { $0.id.value == id } }
}

public enum LabLibraryError: Error, CustomStringConvertible {
  case unknownLab(String, library: String, known: [String])
  case invalid(String, problems: [LabProblem])

  public var description: String {
    switch self {
    case .unknownLab(let id, let library, let known):
      let suggestion = EditDistance.didYouMean(id, among: known)
      let list = known.isEmpty ? "it has no labs" : "its labs: \(known.joined(separator: ", "))"
      return "no lab `\(id)` in \(library)\(suggestion) (\(list))"
    case .invalid(let id, let problems):
      let lines = problems.map { "  \($0)" }.joined(separator: "\n")
      return "the lab `\(id)` has problems; fix them (kubelab lint lists them):\n\(lines)"
    }
  }
}
