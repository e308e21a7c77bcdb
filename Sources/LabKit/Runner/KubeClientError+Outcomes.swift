import KubeClient

extension Error {
  /// The API's error code when this is an API error Status (404, 409, 415, …).
  var apiCode: Int? { (self as? KubeClientError)?.status?.code }

  var isNotFound: Bool { apiCode == 404 }
  var isAlreadyExists: Bool { (self as? KubeClientError)?.status?.reason == "AlreadyExists" }

  /// A cluster that does not serve server-side apply: it refuses the apply media type (415), the
  /// PATCH verb (405), or answers 400 about the apply patch.
  var rejectsServerSideApply: Bool {
    guard let status = (self as? KubeClientError)?.status else { return false }
    switch status.code {
    case 415: return true
    case 405, 400: return status.message.lowercased().contains("apply")
    default: return false
    }
  }
}
