import Crypto
import Foundation

/// The id of a pod's sandbox in the node's runtime (64 hex digits), stable for the pod's uid, as
/// crictl lists it and the kubelet names it in port-forward errors.
public enum PodSandboxID {
  public static func of(podUID uid: String) -> String {
    SHA256.hash(data: Data("sandbox/\(uid)".utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
