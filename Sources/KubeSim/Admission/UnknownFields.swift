import KubeModel

/// Fields the kind's schema does not know: rejected under Strict, dropped otherwise.
enum UnknownFields {
  static func paths(in object: JSON, _ resource: ResourceType) -> [String] { [] }

  static func strictDecodingMessage(_ paths: [String], _ resource: ResourceType) -> String {
    let fields = paths.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
    return "\(resource.kind) in version \"\(resource.version)\" cannot be handled as a \(resource.kind): strict decoding error: \(fields)"
  }

  static func remove(_ paths: [String], from object: inout JSON, _ resource: ResourceType) {}
}
