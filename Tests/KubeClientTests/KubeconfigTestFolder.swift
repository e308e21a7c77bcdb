import Foundation
import KubeClient

/// A fresh temporary folder for one test's kubeconfigs, certificates, tokens and plugin scripts,
/// removed when the test lets go of it.
final class KubeconfigTestFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "kubelab-kubeconfig-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `contents` to `name` (which may contain subfolders) and returns the absolute path.
  @discardableResult
  func write(_ name: String, _ contents: String, executable: Bool = false) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
    if executable {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
    }
    return file
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: path + "/" + name, encoding: .utf8)
  }

  /// A loader that reads only `KUBECONFIG` (or `explicitPath`), with a plain PATH for plugins.
  func loader(kubeconfig: String? = nil, explicitPath: String? = nil, extraEnvironment: [String: String] = [:])
    -> KubeconfigLoader
  {
    var environment = ["PATH": "/usr/bin:/bin", "HOME": path].merging(extraEnvironment) { _, new in new }
    if let kubeconfig { environment["KUBECONFIG"] = kubeconfig }
    var loader = KubeconfigLoader(explicitPath: explicitPath, environment: environment, homeDirectory: path)
    loader.serviceAccountFolder = path + "/no-service-account"
    return loader
  }
}

/// PEM-shaped test material: the loader checks the PEM armour, the transport parses the rest.
enum TestPEM {
  static let certificate = "-----BEGIN CERTIFICATE-----\nTUlJQ2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"
  static let key = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n"
  static let authority = "-----BEGIN CERTIFICATE-----\nQ0FDZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n"

  static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
