import Foundation

/// A private scratch folder for a test's PEM files and kubeconfigs, removed when the test ends.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-\(UUID().uuidString)")
    // Owner-only, since the folder holds private keys.
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  /// Writes `contents` to `name` in the folder and returns the file's path.
  @discardableResult
  func write(_ contents: String, to name: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try contents.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
