import Foundation
import KubeModel

/// Checks of one lab against the file system: its folder name, the files its setup applies and its
/// workdir copies, and that no other lab has its id.
enum LabFileChecks {
  static func problems(in lab: Lab, among labs: [Lab]) -> [LabProblem] {
    var problems: [LabProblem] = []
    let folder = (lab.file as NSString).deletingLastPathComponent
    let folderName = (folder as NSString).lastPathComponent
    if !lab.id.value.isEmpty && !folderName.isEmpty && folderName != "." && folderName != lab.id.value {
      problems.append(
        LabProblem("lab id `\(lab.id.value)` does not match its folder `\(folderName)`", at: lab.id.position))
    }
    if let other = labs.first(where: { $0.id.value == lab.id.value && $0.file != lab.file }), other.file < lab.file {
      problems.append(LabProblem("lab id `\(lab.id.value)` is already used by \(other.file)", at: lab.id.position))
    }
    for step in lab.setup {
      guard case .apply(let manifest) = step else { continue }
      problems += fileProblems(manifest, in: folder, what: "setup manifest", parse: true)
    }
    for file in lab.workdir { problems += fileProblems(file, in: folder, what: "workdir file", parse: false) }
    return problems
  }

  /// A missing file, or for manifests one that is not valid YAML (located in the manifest itself).
  private static func fileProblems(_ file: Located<String>, in folder: String, what: String, parse: Bool)
    -> [LabProblem]
  {
    let path = (folder as NSString).appendingPathComponent(file.value)
    guard let data = FileManager.default.contents(atPath: path) else {
      return [LabProblem("\(what) `\(file.value)` not found in \(folder)", at: file.position)]
    }
    guard parse else { return [] }
    do {
      _ = try YAML.parseStream(bytes: [UInt8](data), file: path).map { try $0.json }
      return []
    } catch let error as YAMLError {
      return [LabProblem(error.message, at: error.position)]
    } catch {
      return [LabProblem("\(error)", at: SourcePosition(file: path, line: 1, column: 1))]
    }
  }
}
