import Dispatch
import Foundation

/// Blocks until SIGINT or SIGTERM arrives, so a server can shut down cleanly and exit 0.
enum TerminationSignal {
  static func wait() {
    let semaphore = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { semaphore.signal() }
      source.resume()
      sources.append(source)
    }
    semaphore.wait()
    sources.forEach { $0.cancel() }
  }
}
