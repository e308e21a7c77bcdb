import Crypto
import Foundation
import KubeModel
import KubeSim
import X509

/// `kubeadm token create` and `token list`: bootstrap tokens, kept as the
/// `bootstrap-token-<id>` Secrets of kube-system that the API server authenticates joins with.
extension KubeadmRun {
  static let tokenType = "bootstrap.kubernetes.io/token"
  static let defaultGroups = "system:bootstrappers:kubeadm:default-node-token"

  func createToken(_ given: String?) async -> Int32 {
    guard await requireAdminConfig() else { return 1 }
    let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    func random(_ count: Int) -> String { String((0..<count).map { _ in alphabet.randomElement()! }) }
    let token = given ?? "\(random(6)).\(random(16))"
    let parts = token.split(separator: ".")
    guard parts.count == 2, parts[0].count == 6, parts[1].count == 16 else {
      await output.err(
        "the bootstrap token \"\(token)\" was not of the form \"^([a-z0-9]{6})\\.([a-z0-9]{16})$\"\n"
          + "To see the stack trace of this error execute with --v=5 or higher\n")
      return 1
    }
    let ttl = Self.duration(arguments.value("--ttl") ?? "24h") ?? 24 * 3600
    var data: JSONObject = [
      "token-id": .string(String(parts[0])), "token-secret": .string(String(parts[1])),
      "usage-bootstrap-authentication": "true", "usage-bootstrap-signing": "true",
      "auth-extra-groups": .string(Self.defaultGroups),
    ]
    if ttl > 0 { data["expiration"] = .string(APITimestamp.string(cluster.now().addingTimeInterval(ttl))) }
    if let description = arguments.value("--description") { data["description"] = .string(description) }
    let secret: JSON = [
      "metadata": ["name": .string("bootstrap-token-\(parts[0])"), "namespace": "kube-system"],
      "type": .string(Self.tokenType),
      "data": .object(data.mapValues { .string(Data(($0.stringValue ?? "").utf8).base64EncodedString()) }),
    ]
    do {
      _ = try cluster.create(resource("secrets"), namespace: "kube-system", object: secret)
    } catch {
      await output.err("failed to create or update bootstrap token with name bootstrap-token-\(parts[0]): \(error)\n")
      return 1
    }
    guard arguments.has("--print-join-command") else {
      await output.out(token + "\n")
      return 0
    }
    await output.out(
      "kubeadm join \(apiServerEndpoint) --token \(token) --discovery-token-ca-cert-hash \(caCertificateHash) \n")
    return 0
  }

  /// `host:port` of the control plane, as the API server's advertise annotation gives it.
  var apiServerEndpoint: String {
    let apiServers = cluster.list(resource("pods"), namespace: "kube-system").items.filter {
      $0[path: ["metadata", "labels", "component"]]?.stringValue == "kube-apiserver"
    }
    return apiServers.first?[
      path: ["metadata", "annotations", "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"]]?
      .stringValue ?? "192.168.100.10:6443"
  }

  /// `sha256:<hex>` of the cluster CA's public key info, which joining nodes pin.
  var caCertificateHash: String {
    // The node's CA file, as the join command pins it; the cluster's CA where the node has none.
    let pem = node.readText("/etc/kubernetes/pki/ca.crt") ?? cluster.caPEM
    guard let ca = PEMCertificates.certificates(pem).first,
      let spki = try? ca.publicKey.serializeAsPEM().derBytes
    else { return "sha256:" }
    return "sha256:" + SHA256.hash(data: Data(spki)).map { String(format: "%02x", $0) }.joined()
  }

  /// A Go duration such as `24h`, `2h30m` or `0` (never expires).
  static func duration(_ text: String) -> TimeInterval? {
    if text == "0" { return 0 }
    var total: TimeInterval = 0
    var number = ""
    for character in text {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      guard let value = Double(number) else { return nil }
      switch character {
      case "h": total += value * 3600
      case "m": total += value * 60
      case "s": total += value
      default: return nil
      }
      number = ""
    }
    return number.isEmpty ? total : nil
  }

  func listTokens() async -> Int32 {
    guard await requireAdminConfig() else { return 1 }
    var table = TabTable(minWidth: 10, padding: 3)
    table.add(["TOKEN", "TTL", "EXPIRES", "USAGES", "DESCRIPTION", "EXTRA GROUPS"])
    for secret in cluster.list(resource("secrets"), namespace: "kube-system").items
    where secret["type"]?.stringValue == Self.tokenType {
      func field(_ name: String) -> String? {
        secret[path: ["data", name]]?.stringValue.flatMap { Data(base64Encoded: $0) }.map {
          String(decoding: $0, as: UTF8.self)
        }
      }
      guard let id = field("token-id"), let tokenSecret = field("token-secret") else { continue }
      let expiration = field("expiration")
      let expires = expiration.flatMap(APITimestamp.date)
      let usages = ["authentication", "signing"].filter { field("usage-bootstrap-\($0)") == "true" }
      table.add([
        "\(id).\(tokenSecret)", expires.map { residual($0) } ?? "<forever>", expiration ?? "<never>",
        usages.joined(separator: ","), field("description") ?? "<none>", field("auth-extra-groups") ?? "",
      ])
    }
    await output.out(table.text)
    return 0
  }
}
