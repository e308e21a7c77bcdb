import ArgumentParser
import Foundation

/// The exit statuses of kubelab's lab commands (documented in docs/cli.md).
enum ExitStatus: Int32 {
  case success = 0
  /// `check`: a graded task is not passed (or, for the whole lab, the pass mark is not reached);
  /// `test`: a lab failed its self-test.
  case notPassed = 1
  /// A lab or grader file has problems (as `kubelab lint` reports them).
  case invalidLab = 2
  /// The cluster could not be used: unreachable, refused, or a setup step failed. For `check`, a
  /// task could not be graded: its result is `error`, and the recorded score stays as it was.
  case clusterError = 3
  /// A wrong argument: an unknown task, no lab started, a missing option.
  case usage = 64
}

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
  /// status, so that learners never see a stack trace or a usage screen for a runtime problem.
  static func reporting(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let failure as CommandFailure {
      FileHandle.standardError.write(Data("kubelab: \(failure.message)\n".utf8))
      throw ExitCode(failure.status.rawValue)
    } catch let exit as ExitCode {
      throw exit
    } catch let validation as ValidationError {
      FileHandle.standardError.write(Data("kubelab: \(validation.message)\n".utf8))
      throw ExitCode(ExitStatus.usage.rawValue)
    } catch {
      FileHandle.standardError.write(Data("kubelab: \(error)\n".utf8))
      throw ExitCode(ExitStatus.clusterError.rawValue)
    }
  }
}
