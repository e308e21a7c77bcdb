/// What a list or watch selects, and how it pages.
public struct ListOptions: Sendable, Equatable {
  /// A label selector, e.g. `app=web,tier!=db`.
  public var labelSelector: String?
  /// A field selector, e.g. `status.phase=Running`.
  public var fieldSelector: String?
  /// The most items in one page; the server then returns a `continue` token.
  public var limit: Int?
  /// The token from the previous page's `metadata.continue`.
  public var continueToken: String?
  /// Where a watch starts (events after it), or how fresh a list must be.
  public var resourceVersion: String?
  /// For a watch: the server ends the stream after this long.
  public var timeoutSeconds: Int?

  public init(
    labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
    resourceVersion: String? = nil, timeoutSeconds: Int? = nil
  ) {
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.limit = limit
    self.continueToken = continueToken
    self.resourceVersion = resourceVersion
    self.timeoutSeconds = timeoutSeconds
  }

  func queryItems(watch: Bool) -> [(String, String)] {
    var items: [(String, String)] = []
    if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
    if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
    if let limit, !watch { items.append(("limit", String(limit))) }
    if let continueToken, !continueToken.isEmpty, !watch { items.append(("continue", continueToken)) }
    if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
    if let timeoutSeconds, watch { items.append(("timeoutSeconds", String(timeoutSeconds))) }
    if watch { items.append(("watch", "true")) }
    return items
  }
}
