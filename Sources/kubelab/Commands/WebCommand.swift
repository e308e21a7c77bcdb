import ArgumentParser
import Foundation
import LabKit

/// `kubelab web [lab]`: the practice test in a browser, with a real terminal beside the tasks.
struct WebCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "web",
    abstract: "Take practice tests in a browser page, with a terminal.",
    discussion: """
      Serves a page with the lab list, each lab's tasks with Check, Hint and Solution, a countdown, \
      a results page, and bash terminals whose kubectl reaches the lab's cluster. It prints the \
      page's URL, which holds a random token: requests without it are refused. It listens on \
      loopback unless --address says otherwise. The page reads and writes the same sessions as \
      `kubelab answer`, `check` and `status`. With --sandbox each lab started gets a sandbox of \
      its own that lives as long as the server. Serves until Ctrl-C, then exits 0.
      """
  )

  @Argument(help: "A lab to start and open at once (default: the lab list).")
  var lab: String?

  @OptionGroup var options: LabOptions

  @Option(help: "The port to listen on (0: any free one).")
  var port = 8686

  @Option(help: "The address to listen on; anything but loopback lets other machines reach the page.")
  var address = "127.0.0.1"

  @Option(help: "Where to copy the labs' files and open terminals (default: the current directory).")
  var workdir: String?

  func run() async throws {
    TerminationSignal.install()
    try await CommandFailure.reporting {
      if let lab { _ = try LabSessionContext.loadLab(options, id: lab) }
      if !Self.isLoopback(address) {
        FileHandle.standardError.write(
          Data(
            ("Warning: listening on \(address): other machines that reach it can open the page and its terminals "
              + "with the URL's token.\n").utf8))
      }
      let terminals = TerminalRegistry()
      let labs = WebLabs(
        options: options, workdir: workdir ?? FileManager.default.currentDirectoryPath, terminals: terminals)
      let server = WebServer()
      let token = AccessToken()
      let bound: Int
      do {
        bound = try server.start(
          address: address, port: port, router: WebRouter(token: token, labs: labs, assets: PageAssets()),
          terminals: terminals)
      } catch {
        throw CommandFailure(.usage, "cannot listen on \(address):\(port): \(error); choose another with --port")
      }
      if let lab { _ = try labs.start(lab) }
      let host = address.contains(":") ? "[\(address)]" : address
      print("kubelab web: open http://\(host):\(bound)/?token=\(token.value)\(lab.map { "#lab/\($0)" } ?? "")")
      print("Press Ctrl-C to stop.")
      PrintedOutput.flush()
      // Waiting and shutting down block a thread of their own, never one of the few that serve
      // the page and run the sandboxes, which shutting down waits for.
      await withCheckedContinuation { done in
        Thread {
          TerminationSignal.wait()
          labs.shutdown()
          server.shutdown()
          done.resume()
        }.start()
      }
    }
  }

  static func isLoopback(_ address: String) -> Bool {
    address == "localhost" || address == "::1" || address.hasPrefix("127.")
  }
}
