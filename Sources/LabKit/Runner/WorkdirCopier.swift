import Foundation

/// Copies a lab's workdir files into the learner's working directory, keeping their paths relative
/// to the lab folder (`files/redis.yaml` lands in `<workdir>/files/redis.yaml`), and removes them
/// again only when the learner left them unchanged.
struct WorkdirCopier: Sendable {
  let labFolder: String
  let workdir: String

  /// Copies each file, recording it in `made` as it goes (so that a failure part-way is undone). A
  /// file already there with the same contents is left and not recorded; with other contents it is
  /// kept (it may be the learner's work) and reported.
  func copy(
    _ files: [String], into made: inout Provisioning, progress: @Sendable (RunnerProgress) -> Void
  ) throws {
    let manager = FileManager.default
    for file in files {
      let source = (labFolder as NSString).appendingPathComponent(file)
      guard let data = manager.contents(atPath: source) else { throw RunnerFailure("cannot read \(source)") }
      let target = (workdir as NSString).appendingPathComponent(file)
      if let existing = manager.contents(atPath: target) {
        if existing != data { progress(.keptExistingFile(target)) }
        continue
      }
      try makeDirectories(for: target, into: &made)
      do {
        try data.write(to: URL(fileURLWithPath: target), options: .atomic)
      } catch {
        throw RunnerFailure("cannot write \(target): \(error.localizedDescription)")
      }
      made.files.append(Provisioning.CopiedFile(path: target, checksum: FileChecksum.of(data)))
      progress(.copied(target))
    }
  }

  /// Creates the missing folders above `file`, recording each (outermost first) once made.
  private func makeDirectories(for file: String, into made: inout Provisioning) throws {
    var missing: [String] = []
    var folder = (file as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      missing.insert(folder, at: 0)
      folder = (folder as NSString).deletingLastPathComponent
    }
    for folder in missing {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      } catch {
        throw RunnerFailure("cannot create \(folder): \(error.localizedDescription)")
      }
      made.directories.append(folder)
    }
  }

  /// Removes copied files that are unchanged and the folders made for them once empty.
  static func remove(_ made: Provisioning, into teardown: inout Teardown, progress: @Sendable (RunnerProgress) -> Void)
  {
    let manager = FileManager.default
    for file in made.files {
      guard let checksum = FileChecksum.of(file: file.path) else { continue }
      guard checksum == file.checksum else {
        teardown.keptFiles.append(file.path)
        progress(.keptChangedFile(file.path))
        continue
      }
      guard (try? manager.removeItem(atPath: file.path)) != nil else { continue }
      teardown.removedFiles.append(file.path)
      progress(.removedFile(file.path))
    }
    for folder in made.directories.reversed() where (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true
    {
      try? manager.removeItem(atPath: folder)
    }
  }
}
