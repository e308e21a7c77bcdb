import Foundation
import Synchronization

/// xterm.js for the page, from Debian's packages. Debian ships xterm.js 3 as CommonJS modules:
/// node-xterm's /usr/share/nodejs/xterm/lib holds the terminal (libjs-xterm's own xterm.js is only
/// a stub that `require`s them), libjs-xterm's /usr/share/javascript/xterm the fit addon and the
/// CSS. They are joined here into one script with a small `require`, made once: the browser gets
/// `window.Terminal` and the fit addon as `window.TerminalFit`, and nothing from anywhere else.
final class XtermBundle: Sendable {
  /// Where the terminal's compiled modules are (node-xterm).
  let modules: String
  /// Where the addons and the CSS are (libjs-xterm).
  let folder: String
  private let cached = Mutex<Data?>(nil)

  init(modules: String = "/usr/share/nodejs/xterm/lib", folder: String = "/usr/share/javascript/xterm") {
    self.modules = modules
    self.folder = folder
  }

  func script() throws -> Data {
    try cached.withLock { cached in
      if let cached { return cached }
      let script = try assemble()
      cached = script
      return script
    }
  }

  private func assemble() throws -> Data {
    let missing = WebError.notFound(
      "xterm.js is not installed (\(modules) or \(folder) is missing): install the Debian packages node-xterm and "
        + "libjs-xterm")
    guard let enumerator = FileManager.default.enumerator(atPath: modules) else { throw missing }
    // `addons` there is a link to libjs-xterm's folder, which is read below.
    var files = enumerator.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".js") && !$0.hasSuffix(".test.js") && !$0.hasPrefix("addons/") }
      .sorted()
      .map { (name: String($0.dropLast(3)), path: modules + "/" + $0) }
    files.append((name: "addons/fit/fit", path: folder + "/addons/fit/fit.js"))
    var script = "(function () {\n  var modules = {};\n"
    for file in files {
      guard let source = FileManager.default.contents(atPath: file.path) else { throw missing }
      script += "  modules[\"\(file.name)\"] = function (require, module, exports) {\n"
      script += String(decoding: source, as: UTF8.self).replacingOccurrences(of: "//# sourceMappingURL=", with: "// ")
      script += "\n  };\n"
    }
    script += Self.loader
    return Data(script.utf8)
  }

  /// CommonJS `require` over the modules above, relative paths resolved from the requiring module.
  private static let loader = """
      var cache = {};
      function resolve(from, path) {
        var parts = from.split("/").slice(0, -1);
        path.split("/").forEach(function (part) {
          if (part === "..") { parts.pop(); } else if (part !== ".") { parts.push(part); }
        });
        return parts.join("/");
      }
      function load(name) {
        if (cache[name]) { return cache[name].exports; }
        if (!modules[name]) { throw new Error("xterm: no module " + name); }
        var module = { exports: {} };
        cache[name] = module;
        modules[name](function (path) { return load(resolve(name, path)); }, module, module.exports);
        return module.exports;
      }
      window.Terminal = load("public/Terminal").Terminal;
      window.TerminalFit = load("addons/fit/fit");
    })();

    """
}
