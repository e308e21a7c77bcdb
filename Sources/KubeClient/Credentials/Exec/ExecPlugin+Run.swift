import Foundation
import KubeModel

extension ExecPlugin {
  /// Runs the plugin once and reads its credential. Errors name the kubeconfig entry and include the
  /// plugin's stderr, with any of `secrets` (credentials it returned before) taken out.
  func run(redacting secrets: [String]) throws -> ExecCredentialOutput {
    let interactive = try isInteractive()
    let executable = try resolvedExecutable()
    var spec: JSONObject = [:]
    if let clusterInfo { spec["cluster"] = clusterInfo }
    spec["interactive"] = .bool(interactive)
    let execInfo: JSON = ["kind": "ExecCredential", "apiVersion": .string(apiVersion), "spec": .object(spec)]
    var processEnvironment = environment
    processEnvironment["KUBERNETES_EXEC_INFO"] = execInfo.serialized()

    let output: PluginProcess.Output
    do {
      output = try PluginProcess.run(
        executable: executable, arguments: arguments, environment: processEnvironment, passStdin: interactive,
        timeout: settings.timeout)
    } catch PluginProcess.Failure.timedOut {
      throw failure("did not finish within \(Int(settings.timeout)) s and was stopped")
    } catch PluginProcess.Failure.couldNotStart(let reason) {
      throw failure("could not be started: \(reason)")
    }
    let stderr = stderrSummary(output.stderr, redacting: secrets)
    guard output.status == 0 else {
      throw failure("failed with exit code \(output.status)\(stderr)")
    }
    do {
      return try ExecCredentialOutput(stdout: output.stdout, apiVersion: apiVersion)
    } catch {
      throw failure("returned no usable credential: \(error.message)\(stderr)")
    }
  }

  /// Whether the plugin gets the terminal, by client-go's rules for `interactiveMode`.
  private func isInteractive() throws -> Bool {
    switch interactiveMode {
    case .never: return false
    case .ifAvailable: return settings.stdinIsTerminal()
    case .always:
      guard settings.stdinIsTerminal() else {
        throw failure("needs a terminal (interactiveMode: Always), but standard input is not a terminal")
      }
      return true
    }
  }

  /// The command itself when it is a path, else the first executable of that name on PATH.
  private func resolvedExecutable() throws -> String {
    let candidates =
      command.contains("/")
      ? [command] : (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(command)" }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      let searched = command.contains("/") ? "" : " on PATH"
      let hint = installHint.map { "\n\n\($0)" } ?? ""
      throw failure("not found: no executable \(command)\(searched)\(hint)")
    }
    return found
  }

  private func failure(_ what: String) -> KubeconfigError {
    location.error("exec plugin \(command) \(what)")
  }

  /// The end of what the plugin wrote to stderr, for the error message.
  private func stderrSummary(_ data: Data, redacting secrets: [String]) -> String {
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return "" }
    let limit = 2000
    let tail = text.count > limit ? "…" + text.suffix(limit) : text
    return "; stderr: " + Redaction.removing(secrets, from: tail)
  }
}
