import Foundation
import KubeModel

/// Finds the lab and grader files named by lint's paths: a `lab.yaml` is a lab, any other `.yaml`
/// or `.yml` file given directly or found in a folder named `Graders` is a grader.
struct LintFiles {
  var labs: [String] = []
  var graders: [String] = []
  var problems: [LabProblem] = []

  init(paths: [String]) {
    for path in paths { add(path) }
  }

  private mutating func add(_ path: String) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      problems.append(LabProblem("no such file or directory", at: Self.start(of: path)))
      return
    }
    guard isDirectory.boolValue else {
      addFile(path, givenDirectly: true)
      return
    }
    guard FileManager.default.isReadableFile(atPath: path), let walk = FileManager.default.enumerator(atPath: path)
    else {
      problems.append(LabProblem("cannot read the directory", at: Self.start(of: path)))
      return
    }
    let before = labs.count + graders.count
    var names: [String] = []
    while let name = walk.nextObject() as? String {
      // Hidden folders (.git, .build) hold no labs and can be huge.
      if (name as NSString).lastPathComponent.hasPrefix(".") {
        walk.skipDescendants()
        continue
      }
      names.append(name)
    }
    for name in names.sorted() { addFile((path as NSString).appendingPathComponent(name), givenDirectly: false) }
    if labs.count + graders.count == before {
      problems.append(LabProblem("no lab.yaml or Graders/*.yaml files in this directory", at: Self.start(of: path)))
    }
  }

  private mutating func addFile(_ path: String, givenDirectly: Bool) {
    let name = (path as NSString).lastPathComponent
    let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
    let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    if name == "lab.yaml" {
      labs.append(path)
    } else if isYAML && (givenDirectly || folder == "Graders") {
      graders.append(path)
    } else if givenDirectly {
      problems.append(LabProblem("not a lab.yaml or a grader .yaml file", at: Self.start(of: path)))
    }
  }

  static func start(of path: String) -> SourcePosition { SourcePosition(file: path, line: 1, column: 1) }
}
