import Foundation
import KubeModel
import TestSupport
import Testing

/// `kubelab web`: the practice page in a real browser (headless Chromium driven by selenium, see
/// Tests/Browser/practice_page.py), and the same session seen from the CLI.
@Suite struct WebPageTests {
  static let page = KubelabRun.repository + "/Sources/kubelab/Web/Page"

  /// Every file `kubelab web` serves, fetched from it with the token as the browser gets it: the
  /// page (`/`), each file of the page's folder, and xterm.js and xterm.css as assembled from the
  /// Debian packages. None loads anything from elsewhere; the page's own files do not even name
  /// an address on the internet (the vendored ones may, in comments: see ExternalLoads).
  @Test func servedFilesLoadNothingFromTheInternet() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      let web = try WebProcess(run: run, arguments: ["--port", "0"])
      defer { _ = web.stop() }
      let address = try #require(URLComponents(string: web.url))
      let token = try #require(address.queryItems?.first { $0.name == "token" }?.value)
      let client = HTTPTestClient(baseURL: "http://\(address.host ?? ""):\(address.port ?? 0)")
      let names = try FileManager.default.contentsOfDirectory(atPath: Self.page)
      #expect(names.contains("index.html") && names.contains("app.js"))
      let own = ["/"] + names.map { "/page/" + $0 }
      let vendored = ["/xterm/xterm.js", "/xterm/xterm.css"]
      var served: [String: String] = [:]
      for path in own + vendored {
        let response = try await client.get(path + "?token=" + token)
        #expect(response.status == 200, "\(path) is served")
        served[path] = response.text
      }
      #expect(served["/xterm/xterm.js"]?.contains("window.Terminal") == true, "xterm.js is the bundle")
      // What the page names is among the files scanned here.
      let named = try NSRegularExpression(pattern: ##"(?:src|href)="(/[^"#?]+)""##)
      let index = served["/"] ?? ""
      for match in named.matches(in: index, range: NSRange(index.startIndex..., in: index)) {
        let path = Range(match.range(at: 1), in: index).map { String(index[$0]) } ?? ""
        #expect(served[path] != nil, "the page loads \(path), which is not scanned")
      }
      for (path, text) in served {
        let loads = try ExternalLoads.find(in: text)
        #expect(loads.isEmpty, "\(path) loads from elsewhere: \(loads)")
        if own.contains(path) {
          #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names an address on the internet")
        }
      }
    }
  }

  /// The scan above finds each kind of load, and lets comments and the page's own socket be.
  @Test func externalLoadsAreTold() throws {
    let loads = [
      #"<script src="https://cdn.example/x.js">"#, #"<link href='//cdn.example/x.css'>"#,
      "body { background: url( \"https://cdn.example/a.png\") }", #"@import "//cdn.example/b.css";"#,
      #"import { x } from "https://cdn.example/m.js";"#, #"import("//cdn.example/m.js")"#,
      #"importScripts('https://cdn.example/w.js')"#, "fetch(`https://cdn.example/data`)",
      #"new Worker("https://cdn.example/w.js")"#, #"new WebSocket("wss://cdn.example/s")"#,
      "//# sourceMappingURL=https://cdn.example/x.js.map", #"img.src = "http://cdn.example/i.png""#,
    ]
    for text in loads { #expect(try ExternalLoads.find(in: text).count == 1, "\(text)") }
    let harmless = [
      " * https://github.com/chjj/term.js (MIT)", "// see http://bellard.org/jslinux/",
      "new WebSocket(`ws://${location.host}/terminal/${id}`)", #"fetch("/api/labs")"#, ##"<a href="#">"##,
    ]
    for text in harmless { #expect(try ExternalLoads.find(in: text).isEmpty, "\(text)") }
  }

  @Test func practiceTestInABrowser() async throws {
    try await TestGate.heavyTests.run(long: true) {
      let run = try KubelabRun()
      let web = try WebProcess(run: run, arguments: ["pods", "--sandbox", "--port", "0"])
      #expect(web.url.hasPrefix("http://127.0.0.1:") && web.url.contains("?token=") && web.url.hasSuffix("#lab/pods"))
      // The README's screenshot is made here: with KUBELAB_UPDATE_SCREENSHOTS=1 it is written to
      // docs/images, otherwise beside the run, so that a test run leaves the checkout as it was.
      let screenshot =
        ProcessInfo.processInfo.environment["KUBELAB_UPDATE_SCREENSHOTS"] == "1"
        ? KubelabRun.repository + "/docs/images/kubelab-web.png" : run.workdir + "/../kubelab-web.png"
      let session = run.state + "/kubelab/sessions/kubelab-sandbox@pods.json"
      let browser = try await ProcessRunner.run(
        "/usr/bin/python3",
        [KubelabRun.repository + "/Tests/Browser/practice_page.py", web.url, screenshot, session], timeout: 900)
      #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr)\n\(web.stderr)")
      #expect(browser.stdout.contains("browser test passed"))
      #expect(!web.stderr.contains(String(web.url.split(separator: "=").last ?? "")), "the token is never logged")

      // The CLI reads the session the page wrote.
      var shell = run
      shell.extraEnvironment["KUBECONFIG"] = try #require(web.kubeconfig)
      let (_, status) = try await shell.json(["status"])
      let rows = status?["rows"]?.arrayValue ?? []
      let statusOf = { (id: String) in rows.first { $0["id"]?.stringValue == id }?["status"]?.stringValue }
      #expect(statusOf("webapp-container-count") == "passed")
      #expect(statusOf("newpods-node") == "failed")
      #expect(statusOf("create-nginx") == "passed")
      #expect(statusOf("webapp-images") == "passed")
      #expect(statusOf("pod-count") != "failed", "an answer given after the time was recorded")
      // Never checked before the end, so graded only by the grading at the end, which is recorded.
      #expect(statusOf("delete-webapp") == "failed", "the grading at the end was not recorded")
      #expect(FileManager.default.fileExists(atPath: screenshot))

      // Ctrl-C: exit 0, and the terminal's shell is gone with the server.
      let pid = browser.stdout.components(separatedBy: "(pid ").dropFirst().first
        .flatMap { Int32($0.prefix { $0.isNumber }) }
      #expect(web.stop() == .exited(0))
      if let pid { #expect(kill(pid, 0) != 0, "the terminal's shell \(pid) outlived the server") }
    }
  }

  @Test func refusesAnUnknownLab() async throws {
    let run = try KubelabRun()
    let output = try await run(["web", "no-such-lab", "--port", "0"])
    #expect(output.status == 64)
    #expect(output.stderr.contains("no-such-lab"))
  }
}
