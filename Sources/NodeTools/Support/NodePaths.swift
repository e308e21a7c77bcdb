import Foundation
import KubeSim

extension NodeContext {
  /// The host file behind a path the learner gave (relative to `directory` unless absolute), with
  /// the node's symbolic links followed safely. Every file a tool reads or writes goes through this.
  public func resolvedPath(_ path: String, from directory: String = "/") -> URL {
    NodeTrees.resolve(path, in: tree, from: directory)
  }
}
