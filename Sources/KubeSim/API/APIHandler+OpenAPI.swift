import Foundation
import KubeModel

extension APIHandler {
  /// One OpenAPI v3 document as the real server sends it: JSON named by its hash, cacheable for
  /// good when asked for by that hash. It is sent as shipped, gzip-compressed, to a client that
  /// accepts gzip (kubectl's Go transport always does), and decompressed for any other.
  func openAPIV3Response(_ document: OpenAPIDocuments.Document, _ request: APIRequest) throws -> APIResponse {
    var headers: [(name: String, value: String)] = [
      ("Content-Type", "application/json"), ("Etag", "\"\(document.hash)\""),
    ]
    if request.query["hash"] == document.hash {
      headers.append(("Cache-Control", "public, immutable"))
    } else {
      headers.append(("Cache-Control", "no-cache, private"))
    }
    if acceptsGzip(request) {
      headers.append(("Content-Encoding", "gzip"))
      headers.append(("Vary", "Accept-Encoding"))
      return APIResponse(status: 200, headers: headers, body: .bytes(document.compressed))
    }
    do {
      return APIResponse(status: 200, headers: headers, body: .bytes(try OpenAPIDocuments.decompressed(document)))
    } catch {
      throw APIError.internalError("the bundled OpenAPI document is damaged: \(error)")
    }
  }

  private func acceptsGzip(_ request: APIRequest) -> Bool {
    guard let accepted = request.header("Accept-Encoding") else { return false }
    return accepted.split(separator: ",").contains { coding in
      let parts = coding.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      return parts.first == "gzip" && !parts.dropFirst().contains("q=0")
    }
  }
}
