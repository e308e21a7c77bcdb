import ArgumentParser
import Foundation

/// A failure a command reports in one line on stderr, with its exit status and no usage text.
struct CommandFailure: Error, CustomStringConvertible {
  var status: ExitStatus
  var message: String

  init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  var description: String { message }

  /// Runs a command's body, turning any failure into `kubelab: <message>` on stderr and its exit
  /// status (ErrorTable), so that learners never see a stack trace or a usage screen for a runtime
  /// problem.
  static func reporting(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch {
      throw report(error)
    }
  }

  /// The same for a command that does not run asynchronously.
  static func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch {
      throw report(error)
    }
  }

  private static func report(_ error: Error) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    let (status, message) = ErrorTable.classify(error)
    FileHandle.standardError.write(Data("kubelab: \(message)\n".utf8))
    return ExitCode(status.rawValue)
  }
}
