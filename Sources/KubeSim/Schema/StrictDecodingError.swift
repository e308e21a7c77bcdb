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
    "strict decoding error: " + unknownFields.map { "unknown field \(goQuoted($0))" }.joined(separator: ", ")
  }

  /// The whole message of a create or update: `Pod in version "v1" cannot be handled as a Pod: …`.
  /// The version is the one of the request body without its group, as the server prints it.
  public var message: String {
    let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
    return "\(kind) in version \(goQuoted(version)) cannot be handled as a \(kind): \(strictDecodingMessage)"
  }

  public var description: String { message }
}

/// Quotes a string the way Go's `%q` does, so field names with quotes or control characters
/// appear in messages exactly as the real server writes them.
private func goQuoted(_ text: String) -> String {
  var quoted = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": quoted += "\\\""
    case "\\": quoted += "\\\\"
    case "\u{07}": quoted += "\\a"
    case "\u{08}": quoted += "\\b"
    case "\u{0C}": quoted += "\\f"
    case "\n": quoted += "\\n"
    case "\r": quoted += "\\r"
    case "\t": quoted += "\\t"
    case "\u{0B}": quoted += "\\v"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
    default: quoted.unicodeScalars.append(scalar)
    }
  }
  return quoted + "\""
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
