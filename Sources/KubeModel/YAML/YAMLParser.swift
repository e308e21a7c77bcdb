import CYAML

/// Runs libyaml's event parser over a byte stream and hands each event to a `YAMLTreeBuilder`.
struct YAMLParser {
  let file: String?

  func parseStream(_ bytes: [UInt8]) throws -> [YAMLNode] {
    // libyaml asserts on a null input pointer, and an empty stream has no documents anyway.
    guard !bytes.isEmpty else { return [] }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw YAMLError("cannot initialize the YAML parser", at: SourcePosition(file: file, line: 1, column: 1))
    }
    defer { yaml_parser_delete(&parser) }
    return try bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var builder = YAMLTreeBuilder(file: file)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, input: buffer) }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return builder.documents }
        try builder.handle(event)
      }
    }
  }

  private func syntaxError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
    // Reader errors (bad encoding, control characters) carry a byte offset instead of a mark.
    if parser.error == YAML_READER_ERROR {
      return YAMLError(problem, at: position(ofByte: parser.problem_offset, in: input))
    }
    let context = parser.context.map { String(cString: $0) }
    return YAMLError(
      problem, at: position(of: parser.problem_mark), context: context,
      contextPosition: context == nil ? nil : position(of: parser.context_mark))
  }

  private func position(of mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  private func position(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>) -> SourcePosition {
    var line = 1
    var column = 1
    var previous: UInt8 = 0
    for byte in input.prefix(offset) {
      if byte == UInt8(ascii: "\n") && previous == UInt8(ascii: "\r") {
        // The line was already counted at the carriage return.
      } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      previous = byte
    }
    return SourcePosition(file: file, line: line, column: column)
  }
}
