/// Endpoints describe themselves for messages and `kubelab doctor` without any secret: credentials
/// are named by kind and origin, a proxy's password is masked. `dump` shows the same description.
extension ClusterEndpoint: CustomStringConvertible, CustomReflectable {
  public var customMirror: Mirror { Mirror(self, children: ["description": description]) }

  public var description: String {
    var parts = ["server \(server)", "namespace \(namespace)"]
    if let context = origin.context { parts.append("context \(context)") }
    if let cluster = origin.cluster { parts.append("cluster \(cluster)") }
    if let user = origin.user { parts.append("user \(user)") }
    parts.append("authentication: \(origin.authentication)")
    if let certificateAuthorityPEM { parts.append("CA bundle (\(certificateAuthorityPEM.count) bytes)") }
    if insecureSkipTLSVerify { parts.append("TLS verification skipped") }
    if let tlsServerName { parts.append("TLS server name \(tlsServerName)") }
    if let proxyURL { parts.append("proxy \(Redaction.url(proxyURL))") }
    if !origin.kubeconfigFiles.isEmpty { parts.append("from \(origin.kubeconfigFiles.joined(separator: ", "))") }
    return parts.joined(separator: "; ")
  }
}
