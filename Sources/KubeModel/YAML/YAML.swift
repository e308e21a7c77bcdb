/// Entry points of KubeModel's YAML layer: parsing with source positions, conversion to JSON as
/// kubectl does it, and printing JSON as YAML.
public enum YAML {
  /// The documents of a YAML (or JSON) stream as positioned node trees. Documents that decode to
  /// null (empty, only comments, a bare `~`) are skipped, as kubectl skips them.
  public static func parseStream(_ text: String, file: String? = nil) throws -> [YAMLNode] {
    try YAMLParser(file: file).parseStream(Array(text.utf8))
  }

  /// Like `parseStream(_:file:)` for raw bytes (UTF-8, or UTF-16 with a byte order mark); invalid
  /// encodings are reported as `YAMLError`s.
  public static func parseStream(bytes: [UInt8], file: String? = nil) throws -> [YAMLNode] {
    try YAMLParser(file: file).parseStream(bytes)
  }

  /// The JSON of each non-empty document, as kubectl reads a manifest file.
  public static func decodeJSON(_ text: String, file: String? = nil) throws -> [JSON] {
    try parseStream(text, file: file).map { try $0.json }
  }

  /// One document of block YAML, ending in a line break.
  public static func emit(_ value: JSON) -> String {
    var emitter = YAMLEmitter()
    emitter.emitDocument(value)
    return emitter.output
  }

  /// Several documents separated by `---` lines, as a multi-document manifest.
  public static func emitStream(_ documents: [JSON]) -> String {
    documents.map(emit).joined(separator: "---\n")
  }
}
