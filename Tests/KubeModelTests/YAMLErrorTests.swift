import Testing

@testable import KubeModel

@Suite("YAML syntax errors keep libyaml's wording and point at the right place")
struct YAMLErrorTests {
  private func error(_ text: String) throws -> YAMLError {
    try #require(throws: YAMLError.self) { try YAML.parseStream(text, file: "bad.yaml") }
  }

  @Test("a tab used for indentation where a key should start")
  func tabBeforeKey() throws {
    let error = try error("apiVersion: v1\nmetadata:\n\tname: x\n")
    #expect(error.message == "found character that cannot start any token")
    #expect(error.context == "while scanning for the next token")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 3, column: 1))
    #expect(
      error.description
        == "bad.yaml:3:1: found character that cannot start any token (while scanning for the next token at line 3 column 1)"
    )
  }

  @Test("a tab used for indentation after a plain value: libyaml 0.2.5 and go-yaml name the tab")
  func tabAfterValue() throws {
    let error = try error("metadata:\n  name: x\n\tlabels: {}\n")
    #expect(error.message == "found a tab character that violates indentation")
    #expect(error.context == "while scanning a plain scalar")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 3, column: 1))
    #expect(error.contextPosition == SourcePosition(file: "bad.yaml", line: 2, column: 9))
  }

  @Test("an unterminated quote: the problem at the end, the context where the quote began")
  func unterminatedQuote() throws {
    let error = try error("a: 1\nb: \"abc\nc: 2\n")
    #expect(error.message == "found unexpected end of stream")
    #expect(error.context == "while scanning a quoted scalar")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 4, column: 1))
    #expect(error.contextPosition == SourcePosition(file: "bad.yaml", line: 2, column: 4))
  }

  @Test("a mapping value where none may start")
  func mappingValue() throws {
    let error = try error("a: b: c\n")
    #expect(error.message == "mapping values are not allowed in this context")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 1, column: 5))
  }

  @Test("an unclosed flow sequence")
  func unclosedFlow() throws {
    let error = try error("a: [x, y\nb: 1\n")
    #expect(error.message == "did not find expected ',' or ']'")
    #expect(error.context == "while parsing a flow sequence")
    #expect(error.contextPosition == SourcePosition(file: "bad.yaml", line: 1, column: 4))
  }

  @Test("bad indentation of a block mapping")
  func badIndentation() throws {
    let error = try error("a:\n  b: 1\n c: 2\n")
    #expect(error.message == "did not find expected key")
    #expect(error.context == "while parsing a block mapping")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 3, column: 2))
  }

  @Test("invalid UTF-8 is reported at its byte, not crashed on")
  func invalidUTF8() throws {
    let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xFF] + Array(" y\n".utf8)
    let error = try #require(throws: YAMLError.self) { try YAML.parseStream(bytes: bytes, file: "bad.yaml") }
    #expect(error.message == "invalid leading UTF-8 octet")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 2, column: 5))
  }

  @Test("control characters are rejected")
  func controlCharacters() throws {
    let error = try error("a: b\u{01}\n")
    #expect(error.message == "control characters are not allowed")
    #expect(error.position == SourcePosition(file: "bad.yaml", line: 1, column: 5))
  }

  @Test("UTF-16 with a byte order mark is read")
  func utf16() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "a: é\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let documents = try YAML.parseStream(bytes: bytes)
    #expect(try documents.map { try $0.json } == [["a": "é"]])
  }
}
