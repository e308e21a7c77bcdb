/// The identity a request was authenticated as, the input of authorization (RBAC).
public struct AuthenticatedUser: Sendable, Hashable {
  /// Every authenticated user is in this group, as kube-apiserver adds it.
  public static let authenticatedGroup = "system:authenticated"

  public let name: String
  public let groups: [String]

  public init(name: String, groups: [String]) {
    self.name = name
    self.groups = groups
  }
}
