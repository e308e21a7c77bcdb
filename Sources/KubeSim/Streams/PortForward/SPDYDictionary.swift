/// The dictionary SPDY/3 header blocks are compressed against (the SPDY/3 draft, section
/// 2.6.10.1): header names and common values, each after its length as four big-endian bytes,
/// then a run of status lines, dates and media types. A client's first header block names the
/// dictionary by its checksum, so it must be exactly these bytes.
enum SPDYDictionary {
  static let words = [
    "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
    "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
    "content-base", "content-encoding", "content-language", "content-length", "content-location", "content-md5",
    "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host", "if-match",
    "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified", "location",
    "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range", "referer", "retry-after",
    "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "vary", "via", "warning",
    "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url", "public", "set-cookie",
    "keep-alive", "origin",
  ]

  static let tail =
    "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
    + "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request"
    + "401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented"
    + "503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 "
    + "Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,"
    + "application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdch"
    + "charset=utf-8charset=iso-8859-1,utf-,*,enq=0."

  static let bytes: [UInt8] = {
    var bytes: [UInt8] = []
    for word in words {
      let count = UInt32(word.utf8.count)
      bytes += [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
      bytes += Array(word.utf8)
    }
    return bytes + Array(tail.utf8)
  }()
}
