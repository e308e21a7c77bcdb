import Foundation
import KubeModel

/// Whether an exec plugin may use the terminal, from the kubeconfig's `interactiveMode`.
enum ExecInteractiveMode: String, Sendable {
  case never = "Never"
  case ifAvailable = "IfAvailable"
  case always = "Always"
}

/// An exec credential plugin as a kubeconfig's `user.exec` describes it, ready to run.
struct ExecPlugin: Sendable {
  static let apiGroup = "client.authentication.k8s.io"
  static let supportedAPIVersions = ["\(apiGroup)/v1", "\(apiGroup)/v1beta1"]

  /// A bare name looked up on PATH, or a path (made absolute against the kubeconfig's folder).
  var command: String
  var arguments: [String]
  /// The plugin process's whole environment: the caller's plus the kubeconfig's `env`.
  var environment: [String: String]
  var apiVersion: String
  var interactiveMode: ExecInteractiveMode
  /// `spec.cluster` for KUBERNETES_EXEC_INFO, when the kubeconfig sets `provideClusterInfo`.
  var clusterInfo: JSON?
  var installHint: String?
  /// The `user.exec` entry, for messages.
  var location: KubeconfigLocation
  var settings: ExecPluginSettings

  init(
    _ section: KubeconfigSection, cluster: KubeconfigCluster, environment: [String: String],
    settings: ExecPluginSettings
  ) throws {
    guard let command = try section.string("command") else {
      throw section.error("command must be specified to use an exec credential plugin")
    }
    // client-go resolves only commands with a slash against the kubeconfig's folder; bare names use PATH.
    self.command = command.contains("/") ? section.resolve(command) : command
    guard let apiVersion = try section.string("apiVersion") else {
      throw section.error("apiVersion must be specified to use an exec credential plugin")
    }
    guard Self.supportedAPIVersions.contains(apiVersion) else {
      throw section.error(
        "unsupported exec plugin apiVersion \"\(apiVersion)\"; use \(Self.supportedAPIVersions.joined(separator: " or "))",
        at: "apiVersion")
    }
    self.apiVersion = apiVersion
    arguments = try section.strings("args")
    var processEnvironment = environment
    for variable in try section.list("env") {
      guard let name = try variable.string("name") else {
        throw variable.error("env variable name must be specified")
      }
      processEnvironment[name] = try variable.string("value") ?? ""
    }
    self.environment = processEnvironment
    if let mode = try section.string("interactiveMode") {
      guard let parsed = ExecInteractiveMode(rawValue: mode) else {
        throw section.error(
          "invalid interactiveMode \"\(mode)\"; use Never, IfAvailable or Always", at: "interactiveMode")
      }
      interactiveMode = parsed
    } else if apiVersion == "\(Self.apiGroup)/v1beta1" {
      // client-go defaults v1beta1 plugins to IfAvailable and requires v1 plugins to choose.
      interactiveMode = .ifAvailable
    } else {
      throw section.error("interactiveMode must be specified (Never, IfAvailable or Always) for \(apiVersion) plugins")
    }
    // Spelled out: JSON is nil-literal expressible, so a ternary's `nil` would become JSON.null.
    if try section.bool("provideClusterInfo") {
      clusterInfo = cluster.execClusterInfo
    } else {
      clusterInfo = Optional<JSON>.none
    }
    installHint = try section.string("installHint")
    location = section.location()
    self.settings = settings
  }

  /// The plugin's name for descriptions: the command's last path component.
  var name: String { (command as NSString).lastPathComponent }
}
