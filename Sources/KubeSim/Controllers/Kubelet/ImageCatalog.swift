import Crypto
import Foundation
import KubeModel

/// The images the simulated registry holds (Data/images.json): which tags exist, whether the
/// image's default process keeps running, what it logs when it starts, and whether it is a shell
/// image whose containers run their command for real where a container engine is present.
struct ImageCatalog {
  struct Image {
    var repository: String
    var tags: [String]
    var runsForever: Bool
    var logs: [String]
    /// A shell image (busybox, alpine, …): its command runs for real, with busybox as userland.
    var shell = false
    /// Files learners look for in the image (nginx's html and conf.d …), by path.
    var files: [String: String] = [:]
    /// Node tools the image carries (etcd's etcdctl and etcdutl), which an exec runs against the
    /// sandbox as the node's commands do.
    var commands: [String] = []
    /// What the image's server answers over HTTP without running (nginx's and httpd's default pages).
    var web: ImageWebServer.Site?
  }

  /// An image reference split as a container runtime resolves it.
  struct Reference {
    /// The short repository name the catalogue uses ("nginx", "kodekloud/webapp-color").
    var repository: String
    var tag: String
    var digest: String?

    init(_ image: String) {
      var name = image
      if let at = name.firstIndex(of: "@") {
        digest = String(name[name.index(after: at)...])
        name = String(name[..<at])
      }
      tag = "latest"
      if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") {
        tag = String(name[name.index(after: colon)...])
        name = String(name[..<colon])
      }
      for prefix in ["docker.io/library/", "docker.io/", "library/"] where name.hasPrefix(prefix) {
        name = String(name.dropFirst(prefix.count))
        break
      }
      repository = name
    }

    /// The fully qualified name containerd reports ("docker.io/library/nginx:latest").
    var qualified: String {
      let first = repository.split(separator: "/").first.map(String.init) ?? ""
      let isRegistry = repository.contains("/") && (first.contains(".") || first.contains(":"))
      let path =
        isRegistry
        ? repository : repository.contains("/") ? "docker.io/\(repository)" : "docker.io/library/\(repository)"
      return digest.map { "\(path)@\($0)" } ?? "\(path):\(tag)"
    }

    /// A stable digest, so the same image always reports the same imageID.
    var imageID: String {
      let hash = SHA256.hash(data: Data("\(repository):\(tag)".utf8)).map { String(format: "%02x", $0) }.joined()
      let path = qualified.split(separator: "@").first.map(String.init) ?? qualified
      let name = path.lastIndex(of: ":").map { String(path[..<$0]) } ?? path
      return "\(name)@" + (digest ?? "sha256:\(hash)")
    }
  }

  let images: [String: Image]

  static let builtIn: ImageCatalog = {
    guard let url = Bundle.module.url(forResource: "images", withExtension: "json", subdirectory: "Data"),
      let text = try? String(contentsOf: url, encoding: .utf8), let json = try? JSON(parsing: text)
    else { return ImageCatalog(images: [:]) }
    var images: [String: Image] = [:]
    for entry in json["images"]?.arrayValue ?? [] {
      guard let repository = entry["repository"]?.stringValue else { continue }
      let files: [String: String] = (entry["files"]?.objectValue ?? [:]).reduce(into: [:]) {
        $0[$1.key] = $1.value.stringValue
      }
      let serves = entry["serves"]
      images[repository] = Image(
        repository: repository, tags: (entry["tags"]?.arrayValue ?? []).compactMap(\.stringValue),
        runsForever: entry["runsForever"]?.boolValue ?? false,
        logs: (entry["logs"]?.arrayValue ?? []).compactMap(\.stringValue), shell: entry["shell"]?.boolValue ?? false,
        files: files, commands: (entry["commands"]?.arrayValue ?? []).compactMap(\.stringValue),
        web: serves.flatMap { serves in
          guard let port = serves["port"]?.intValue, let root = serves["root"]?.stringValue else { return nil }
          return ImageWebServer.Site(
            port: port, root: root, server: serves["server"]?.stringValue ?? repository, files: files)
        })
    }
    return ImageCatalog(images: images)
  }()

  /// The image a reference names, or why the pull fails as containerd words it.
  func resolve(_ reference: Reference) -> Result<Image, PullFailure> {
    guard let image = images[reference.repository] else {
      return .failure(
        PullFailure(
          message: "rpc error: code = Unknown desc = failed to pull and unpack image \"\(reference.qualified)\": "
            + "failed to resolve reference \"\(reference.qualified)\": pull access denied, repository does not exist "
            + "or may require authorization: server message: insufficient_scope: authorization failed"))
    }
    guard reference.digest != nil || image.tags.contains(reference.tag) else {
      return .failure(
        PullFailure(
          message: "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference.qualified)\": "
            + "failed to resolve reference \"\(reference.qualified)\": \(reference.qualified): not found"))
    }
    return .success(image)
  }

  struct PullFailure: Error {
    var message: String
  }
}
