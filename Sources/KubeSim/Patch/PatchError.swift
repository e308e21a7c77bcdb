/// Why a patch could not be applied, with the HTTP status the API server answers it with.
public struct PatchError: Error, Equatable, CustomStringConvertible {
  public var message: String
  /// 400 for a malformed patch, 422 for a well-formed patch that does not apply to the object,
  /// 500 for a patch the strategic merge code cannot interpret (as the real server does).
  public var statusCode: Int

  public init(_ message: String, statusCode: Int = 400) {
    self.message = message
    self.statusCode = statusCode
  }

  public var description: String { message }
}
