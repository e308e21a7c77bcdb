import Foundation
import KubeModel

/// What the kubelet does with its files when it starts: the command line systemd builds from the
/// unit's drop-in and environment files, its flags, its config file and the client CA that file
/// names. The first problem is the error the real kubelet logs before it exits with status 1.
struct KubeletStartup {
  static let dropInPath = "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"
  static let defaultStaticPodPath = "/etc/kubernetes/manifests"

  /// The kubelet's flags that the sandbox knows; any other makes it exit as the real one does.
  static let knownFlags: Set<String> = [
    "bootstrap-kubeconfig", "kubeconfig", "config", "container-runtime-endpoint", "pod-infra-container-image",
    "node-ip", "hostname-override", "v", "cgroup-driver", "register-node", "register-with-taints", "node-labels",
    "max-pods", "fail-swap-on", "resolv-conf", "rotate-certificates", "cert-dir", "runtime-request-timeout",
    "root-dir", "provider-id", "cloud-provider", "pod-manifest-path", "cluster-dns", "cluster-domain",
    "image-service-endpoint", "feature-gates", "address", "port", "read-only-port", "client-ca-file",
    "authorization-mode", "anonymous-auth", "eviction-hard", "system-reserved", "kube-reserved",
  ]

  enum Outcome: Equatable {
    case started(staticPodPath: String?)
    case failed(String)
  }

  let files: (String) -> String?

  /// Reads node paths through `trees`.
  init(trees: NodeTrees, node: String) {
    files = { path in try? String(contentsOf: trees.hostPath(path, on: node), encoding: .utf8) }
  }

  init(files: @escaping (String) -> String?) {
    self.files = files
  }

  func start() -> Outcome {
    let flags: [String: String]
    switch parseFlags(commandLine()) {
    case .success(let parsed): flags = parsed
    case .failure(let failure): return .failed(failure.message)
    }
    if let kubeconfig = flags["kubeconfig"], files(kubeconfig) == nil,
      let bootstrap = flags["bootstrap-kubeconfig"], files(bootstrap) == nil
    {
      return .failed(
        "failed to run Kubelet: unable to load bootstrap kubeconfig: stat \(bootstrap): no such file or directory")
    }
    var staticPodPath = flags["pod-manifest-path"]
    if let path = flags["config"] {
      guard let text = files(path) else {
        return .failed(
          "failed to load kubelet config file, path: \(path), error: failed to load Kubelet config file \(path), "
            + "error failed to read kubelet config file \"\(path)\", error: open \(path): no such file or directory")
      }
      let config: JSON
      do {
        config = try YAML.decodeJSON(text, file: path).first ?? [:]
      } catch let error as YAMLError {
        return .failed(
          "failed to load kubelet config file, path: \(path), error: failed to load Kubelet config file \(path), "
            + "error failed to decode: yaml: line \(error.position.line): \(error.message)")
      } catch {
        return .failed("failed to load kubelet config file, path: \(path), error: \(error)")
      }
      if let kind = config["kind"]?.stringValue, kind != "KubeletConfiguration" {
        return .failed(
          "failed to load kubelet config file, path: \(path), error: failed to load Kubelet config file \(path), "
            + "error failed to decode: no kind \"\(kind)\" is registered for version "
            + "\"\(config["apiVersion"]?.stringValue ?? "")\" in scheme \"pkg/kubelet/apis/config/scheme/scheme.go:35\""
        )
      }
      if let ca = config[path: ["authentication", "x509", "clientCAFile"]]?.stringValue, !ca.isEmpty, files(ca) == nil {
        return .failed(
          "failed to construct kubelet dependencies: unable to load client CA file \(ca): open \(ca): no such file or directory"
        )
      }
      staticPodPath = config["staticPodPath"]?.stringValue ?? staticPodPath
    }
    return .started(staticPodPath: staticPodPath)
  }

  /// ExecStart of the drop-in with its $VARIABLES expanded from Environment= and the
  /// EnvironmentFile= files, as systemd does.
  func commandLine() -> [String] {
    guard let dropIn = files(Self.dropInPath) else { return [] }
    var variables: [String: String] = [:]
    var execStart = ""
    for rawLine in dropIn.split(separator: "\n") {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("Environment=") {
        for (key, value) in Self.assignments(Self.unquote(String(line.dropFirst("Environment=".count)))) {
          variables[key] = value
        }
      } else if line.hasPrefix("EnvironmentFile=") {
        var path = String(line.dropFirst("EnvironmentFile=".count))
        if path.hasPrefix("-") { path.removeFirst() }
        for fileLine in (files(path) ?? "").split(separator: "\n") where !fileLine.hasPrefix("#") {
          for (key, value) in Self.assignments(String(fileLine)) { variables[key] = Self.unquote(value) }
        }
      } else if line.hasPrefix("ExecStart=") {
        execStart = String(line.dropFirst("ExecStart=".count))
      }
    }
    var words: [String] = []
    for word in execStart.split(separator: " ").dropFirst() {
      if word.hasPrefix("$") {
        let name = word.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
        words += (variables[name] ?? "").split(separator: " ").map(String.init)
      } else {
        words.append(String(word))
      }
    }
    return words
  }

  private struct FlagError: Error {
    var message: String
  }

  private func parseFlags(_ words: [String]) -> Result<[String: String], FlagError> {
    var flags: [String: String] = [:]
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("-") else { continue }
      let body = word.drop(while: { $0 == "-" })
      let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
      guard Self.knownFlags.contains(name) else {
        return .failure(FlagError(message: "failed to parse kubelet flag: unknown flag: --\(name)"))
      }
      if let equals = body.firstIndex(of: "=") {
        flags[name] = String(body[body.index(after: equals)...])
      } else if index < words.count, !words[index].hasPrefix("-") {
        flags[name] = words[index]
        index += 1
      } else {
        flags[name] = "true"
      }
    }
    return .success(flags)
  }

  private static func assignments(_ text: String) -> [(String, String)] {
    guard let equals = text.firstIndex(of: "=") else { return [] }
    return [(String(text[..<equals]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: equals)...]))]
  }

  private static func unquote(_ text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" { return String(trimmed.dropFirst().dropLast()) }
    return trimmed
  }
}
