import Foundation

/// Where kubelab keeps its state: `$XDG_STATE_HOME/kubelab`, by default `~/.local/state/kubelab`.
public enum StateDirectory {
  public static var path: String {
    let environment = ProcessInfo.processInfo.environment
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/kubelab" }
    let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/state/kubelab"
  }
}
