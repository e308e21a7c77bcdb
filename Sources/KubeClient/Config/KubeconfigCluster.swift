import Foundation
import KubeModel

/// The server side of a kubeconfig `cluster`: where the API server is and how to trust it.
struct KubeconfigCluster: Sendable {
  var server: String
  var certificateAuthorityPEM: Data?
  var insecureSkipTLSVerify: Bool
  var tlsServerName: String?
  var proxyURL: String?
  /// The cluster's `client.authentication.k8s.io/exec` extension, handed to exec plugins.
  var execExtension: JSON?

  /// The extension name client-go passes to exec plugins as `spec.cluster.config`.
  static let execExtensionName = "client.authentication.k8s.io/exec"

  init(_ section: KubeconfigSection, name: String) throws {
    guard let server = try section.string("server") else {
      throw section.error("no server found for cluster \"\(name)\"")
    }
    self.server = server
    let caFile = try section.fileContents("certificate-authority")
    let caData = try section.base64Data("certificate-authority-data")
    if caFile != nil && caData != nil {
      throw section.error(
        "certificate-authority-data and certificate-authority are both set; keep one", at: "certificate-authority")
    }
    certificateAuthorityPEM = caData ?? caFile?.data
    insecureSkipTLSVerify = try section.bool("insecure-skip-tls-verify")
    if insecureSkipTLSVerify && certificateAuthorityPEM != nil {
      throw section.error(
        "a certificate authority and insecure-skip-tls-verify cannot both be set", at: "insecure-skip-tls-verify")
    }
    tlsServerName = try section.string("tls-server-name")
    proxyURL = try section.string("proxy-url")
    if let proxyURL {
      let scheme = URL(string: proxyURL)?.scheme?.lowercased()
      guard let scheme, ["http", "https", "socks5"].contains(scheme) else {
        throw section.error(
          "proxy URL \(Redaction.url(proxyURL)) must start with http://, https:// or socks5://", at: "proxy-url")
      }
    }
    execExtension = try section.list("extensions").first { (try? $0.string("name")) == Self.execExtensionName }?
      .object["extension"]
  }

  /// `spec.cluster` of the ExecCredential an exec plugin with `provideClusterInfo` receives.
  var execClusterInfo: JSON {
    var cluster: JSONObject = ["server": .string(server)]
    if let tlsServerName { cluster["tls-server-name"] = .string(tlsServerName) }
    if insecureSkipTLSVerify { cluster["insecure-skip-tls-verify"] = true }
    if let certificateAuthorityPEM {
      cluster["certificate-authority-data"] = .string(certificateAuthorityPEM.base64EncodedString())
    }
    if let proxyURL { cluster["proxy-url"] = .string(proxyURL) }
    if let execExtension { cluster["config"] = execExtension }
    return .object(cluster)
  }
}
