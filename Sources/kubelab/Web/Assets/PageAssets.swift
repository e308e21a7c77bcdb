import Foundation

/// The page's own files (HTML, CSS, scripts: plain files shipped as resources, no build step) and
/// xterm.js from the machine's Debian packages. Nothing comes from the internet.
struct PageAssets: Sendable {
  /// The page's folder among the executable's resources.
  let folder: String
  let xterm: XtermBundle

  init(folder: String = Bundle.module.resourcePath.map { $0 + "/Page" } ?? "Page", xterm: XtermBundle = XtermBundle()) {
    self.folder = folder
    self.xterm = xterm
  }

  /// A file of the page, by its name in the folder.
  func page(_ name: String) throws -> WebResponse {
    try file(folder, name)
  }

  /// `xterm.js` (assembled from the package's modules) or `xterm.css`.
  func xterm(_ name: String) throws -> WebResponse {
    switch name {
    case "xterm.js": return WebResponse(contentType: Self.type(of: name), body: try xterm.script())
    case "xterm.css": return try file(xterm.folder, name)
    default: throw WebError.notFound("no \(name) in xterm")
    }
  }

  private func file(_ folder: String, _ name: String) throws -> WebResponse {
    // Only plain names below the folder: no `..`, no absolute paths.
    let parts = name.split(separator: "/")
    guard !parts.isEmpty, parts.allSatisfy({ !$0.hasPrefix(".") }),
      let data = FileManager.default.contents(atPath: folder + "/" + parts.joined(separator: "/"))
    else { throw WebError.notFound("no file \(name)") }
    return WebResponse(contentType: Self.type(of: name), body: data)
  }

  static func type(of name: String) -> String {
    switch (name as NSString).pathExtension {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "png": return "image/png"
    case "svg": return "image/svg+xml"
    default: return "application/octet-stream"
    }
  }
}
