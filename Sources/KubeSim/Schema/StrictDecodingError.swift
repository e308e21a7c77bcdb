import KubeModel

/// The API server's answer to an object with unknown fields under `fieldValidation=Strict`
/// (kubectl's default since 1.27): a 400 BadRequest whose message this type builds.
public struct StrictDecodingError: Error, Equatable, CustomStringConvertible {
  public var apiVersion: String
  public var kind: String
  /// Paths as returned by `APISchema.unknownFields(in:apiVersion:kind:)`.
  public var unknownFields: [String]

  public init(apiVersion: String, kind: String, unknownFields: [String]) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.unknownFields = unknownFields
  }

  /// `strict decoding error: unknown field "a", unknown field "b"`, as apimachinery's runtime
  /// package joins the decoder's errors.
  public var strictDecodingMessage: String {
    "strict decoding error: " + unknownFields.map { "unknown field \(GoFormat.quoted($0))" }.joined(separator: ", ")
  }

  /// The whole message of a create or update: `Pod in version "v1" cannot be handled as a Pod: …`.
  /// The version is the one of the request body without its group, as the server prints it.
  public var message: String {
    let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
    return "\(kind) in version \(GoFormat.quoted(version)) cannot be handled as a \(kind): \(strictDecodingMessage)"
  }

  /// The message of a strategic merge patch whose result has unknown fields: a 422 Invalid
  /// without kind or name, whose value is the patch as Go prints a map (see `JSON.goFormatted`).
  /// Pass the patch as received. apimachinery prints it after merging consumed some directives
  /// (`$setElementOrder/x` with its list `x`, `$retainKeys`), so there the value differs slightly.
  public func invalidPatchMessage(patch: JSON) -> String {
    " \"\" is invalid: patch: Invalid value: \(GoFormat.quoted(patch.goFormatted)): \(strictDecodingMessage)"
  }

  public var description: String { message }
}
