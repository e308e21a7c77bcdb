import CCurl

/// A libcurl `curl_slist` (headers, connect-to entries), freed when the owner is done.
final class CurlStringList {
  private(set) var raw: UnsafeMutablePointer<curl_slist>?

  init(_ items: [String]) {
    for item in items { raw = curl_slist_append(raw, item) }
  }

  deinit { curl_slist_free_all(raw) }
}
