/// One field of a schema type: its shape, how strategic merge patch and list semantics treat it,
/// and where protobuf carries it.
public struct SchemaField: Hashable, Sendable {
  public var shape: FieldShape
  /// The raw `x-kubernetes-patch-strategy`, e.g. `merge`, `retainKeys`, `merge,retainKeys`.
  public var patchStrategy: String?
  /// The `x-kubernetes-patch-merge-key` of a list of objects merged by key.
  public var mergeKey: String?
  /// The `x-kubernetes-list-type`: `atomic`, `set` or `map`.
  public var listType: String?
  /// The `x-kubernetes-list-map-keys` of a `map` list.
  public var listMapKeys: [String]
  /// Where the field is in the protobuf encoding; nil for fields protobuf does not carry
  /// (`apiVersion` and `kind` travel in the envelope).
  public var protobuf: ProtobufLocation?

  public init(
    shape: FieldShape, patchStrategy: String? = nil, mergeKey: String? = nil, listType: String? = nil,
    listMapKeys: [String] = [], protobuf: ProtobufLocation? = nil
  ) {
    self.shape = shape
    self.patchStrategy = patchStrategy
    self.mergeKey = mergeKey
    self.listType = listType
    self.listMapKeys = listMapKeys
    self.protobuf = protobuf
  }

  /// The individual strategies of `patchStrategy`.
  public var patchStrategies: [String] {
    guard let patchStrategy else { return [] }
    return patchStrategy.split(separator: ",").map(String.init)
  }

  /// Whether a strategic merge patch merges this list (by `mergeKey`, or as a set of primitives).
  public var mergesList: Bool { patchStrategies.contains("merge") }

  /// Whether a strategic merge patch clears the keys a `$retainKeys` list does not name.
  public var retainsKeys: Bool { patchStrategies.contains("retainKeys") }

  /// Whether a strategic merge patch replaces this map wholesale instead of merging it.
  public var replacesMap: Bool { patchStrategies.contains("replace") }
}
