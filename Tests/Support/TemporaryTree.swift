import Foundation

/// Writes files (relative path → contents) under a fresh temporary folder and returns the folder.
public func temporaryTree(_ files: [String: String]) throws -> String {
  let root = TestScratch.path("tree-")
  for (path, contents) in files {
    let url = URL(fileURLWithPath: root + "/" + path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url)
  }
  return root
}
