/// The `auth-provider` plugins kubectl no longer has, with what replaced each: kubectl 1.26 removed
/// the gcp and azure providers in favour of exec credential plugins.
enum RemovedAuthProvider {
  /// Why a user with `auth-provider: {name: …}` cannot authenticate, and how to migrate.
  static func message(for name: String?) -> String {
    switch name {
    case "gcp"?:
      return """
        the gcp auth provider was removed in kubectl 1.26; install the gke-gcloud-auth-plugin exec credential \
        plugin (gcloud components install gke-gcloud-auth-plugin) and run `gcloud container clusters \
        get-credentials` to rewrite this user with an exec section; see \
        https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke
        """
    case "azure"?:
      return """
        the azure auth provider was removed in kubectl 1.26; install kubelogin \
        (https://github.com/Azure/kubelogin) and run `kubelogin convert-kubeconfig` to rewrite this user with \
        an exec credential plugin; see \
        https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
        """
    case "oidc"?:
      return """
        the oidc auth provider is not supported; use an exec credential plugin such as kubelogin \
        (https://github.com/int128/kubelogin, `kubectl oidc-login`); see \
        https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
        """
    default:
      return """
        auth provider \(name.map { "\"\($0)\"" } ?? "without a name") is not supported; use an exec credential \
        plugin instead; see \
        https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
        """
    }
  }
}
