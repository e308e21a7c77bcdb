import Foundation

/// Writes `contents` to a new file in a fresh temporary folder and returns its path.
public func temporaryFile(named name: String, contents: String) throws -> String {
  let folder = TestScratch.path("file-")
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let path = folder + "/" + name
  try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
  return path
}
