import Foundation
import KubeModel

/// Checks lab and grader files on their own and against each other: every task graded, every graded
/// task asked, files referenced by a lab present, choice answers among the choices.
public struct LabLinter {
  public init() {}

  /// `Labs/` and `Graders/` under `root`, what `kubelab lint` reads when given no path.
  public static func defaultPaths(root: String) -> [String] {
    [(root as NSString).appendingPathComponent("Labs"), (root as NSString).appendingPathComponent("Graders")]
  }

  public func lint(paths: [String]) -> LintReport {
    let files = LintFiles(paths: paths)
    var problems = files.problems
    var labs = load(files.labs, LabFormat.loadLab, into: &problems)
    var graders = load(files.graders, LabFormat.loadGrader, into: &problems)
    // A lab's grader (or a grader's lab) outside the given paths is read from where it belongs, so
    // that linting one file still checks it against its counterpart.
    let missingGraders = labs.compactMap { lab in
      graders.contains { $0.lab.value == lab.id.value } ? nil : Self.graderPath(of: lab)
    }
    let extraGraders = existing(missingGraders, excluding: files.graders)
    graders += load(extraGraders, LabFormat.loadGrader, into: &problems)
    let missingLabs = graders.compactMap { grader in
      labs.contains { $0.id.value == grader.lab.value } ? nil : Self.labPath(of: grader)
    }
    let extraLabs = existing(missingLabs, excluding: files.labs)
    labs += load(extraLabs, LabFormat.loadLab, into: &problems)
    for lab in labs { problems += LabFileChecks.problems(in: lab, among: labs) }
    problems += PairingChecks.problems(labs: labs, graders: graders)
    return LintReport(
      labCount: files.labs.count + extraLabs.count, graderCount: files.graders.count + extraGraders.count,
      problems: LabProblem.sortedByPosition(problems),
      warnings: LabProblem.sortedByPosition(labs.flatMap(ChoiceWarnings.warnings)))
  }

  private func load<Value>(_ paths: [String], _ decode: (String) -> Decoded<Value>, into problems: inout [LabProblem])
    -> [Value]
  {
    paths.compactMap { path in
      let decoded = decode(path)
      problems += decoded.problems
      return decoded.value
    }
  }

  private func existing(_ paths: [String], excluding read: [String]) -> [String] {
    var seen = Set(read.map { ($0 as NSString).standardizingPath })
    return paths.filter {
      FileManager.default.fileExists(atPath: $0) && seen.insert(($0 as NSString).standardizingPath).inserted
    }
  }

  /// `<root>/Graders/<id>.yaml` for `<root>/Labs/<folder>/lab.yaml`.
  static func graderPath(of lab: Lab) -> String {
    let labsFolder = ((lab.file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    let base = ((labsFolder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Graders")
    return (base as NSString).appendingPathComponent(lab.id.value + ".yaml")
  }

  /// `<root>/Labs/<id>/lab.yaml` for `<root>/Graders/<file>.yaml`.
  static func labPath(of grader: Grader) -> String {
    let root = ((grader.file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    return (root as NSString).appendingPathComponent("Labs/\(grader.lab.value)/lab.yaml")
  }
}
