import KubeModel

/// Self-reviews: the sandbox's users may do everything, as a kubeadm cluster's admin may.
enum AccessReviews {
  /// The answer to a review request, or nil when the resource is not a review.
  static func answer(_ resource: ServedResource, _ body: JSON, user: String?) throws -> JSON? {
    var review = body
    review["kind"] = .string(resource.kind)
    review["apiVersion"] = .string(resource.apiVersion)
    if review["metadata"] == nil { review["metadata"] = [:] }
    switch resource.groupResource {
    case "selfsubjectaccessreviews.authorization.k8s.io":
      review["status"] = ["allowed": true, "reason": "the sandbox's users are cluster administrators"]
    case "selfsubjectrulesreviews.authorization.k8s.io":
      review["status"] = [
        "resourceRules": [["verbs": ["*"], "apiGroups": ["*"], "resources": ["*"]]],
        "nonResourceRules": [["verbs": ["*"], "nonResourceURLs": ["*"]]], "incomplete": false,
      ]
    case "selfsubjectreviews.authentication.k8s.io":
      review["status"] = [
        "userInfo": [
          "username": .string(user ?? "system:anonymous"),
          "groups": user == nil ? ["system:unauthenticated"] : ["kubeadm:cluster-admins", "system:authenticated"],
        ]
      ]
    default: return nil
    }
    return review
  }
}
