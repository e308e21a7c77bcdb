import Foundation
import KubeModel
import TestSupport
import Testing

/// `kubelab web`: the practice page in a real browser (headless Chromium driven by selenium, see
/// Tests/Browser/practice_page.py), and the same session seen from the CLI.
@Suite struct WebPageTests {
  static let page = KubelabRun.repository + "/Sources/kubelab/Web/Page"

  @Test func pageFilesLoadNothingFromTheInternet() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.page)
    #expect(names.contains("index.html") && names.contains("app.js"))
    for name in names {
      let text = try String(contentsOfFile: Self.page + "/" + name, encoding: .utf8)
      #expect(!text.contains("http://") && !text.contains("https://"), "\(name) names an address on the internet")
    }
  }

  @Test func practiceTestInABrowser() async throws {
    try await HeavyTestGate.run {
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
      #expect(FileManager.default.fileExists(atPath: screenshot))

      // Ctrl-C: exit 0, and the terminal's shell is gone with the server.
      let pid = browser.stdout.components(separatedBy: "(pid ").dropFirst().first
        .flatMap { Int32($0.prefix { $0.isNumber }) }
      #expect(web.stop() == 0)
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
