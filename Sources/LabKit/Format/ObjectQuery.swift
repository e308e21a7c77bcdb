import KubeModel

/// Which objects a check, a wait step or a computed answer looks at, as `kubectl get` selects them.
public struct ObjectQuery: Sendable {
  public var resource: ResourceType
  /// The resource as the author wrote it, for messages.
  public var resourceName: Located<String>
  public var name: String?
  /// Nil means the lab's namespace (for namespaced resources).
  public var namespace: String?
  public var selector: LabelSelector?
  public var fieldSelector: FieldSelector?

  static let keys = ["resource", "name", "namespace", "selector", "fieldSelector"]

  /// Reads the query keys of `reader`; nil (with problems logged) when the resource is missing or
  /// unknown. Selectors that do not parse are logged and left out.
  init?(_ reader: MappingReader) {
    let log = reader.log
    let selector = reader.string("selector").flatMap { text in
      Self.parse(text, log: log, kind: "label selector") { try LabelSelector(parsing: $0) }
    }
    let fieldSelector = reader.string("fieldSelector").flatMap { text in
      Self.parse(text, log: log, kind: "field selector") { try FieldSelector(parsing: $0) }
    }
    let name = reader.string("name")?.value
    let namespace = reader.string("namespace")?.value
    guard let resourceName = reader.string("resource", required: true) else { return nil }
    guard let resource = ResourceCatalog.resolve(resourceName.value) else {
      log.add(
        "unknown resource `\(resourceName.value)`"
          + EditDistance.didYouMean(resourceName.value, among: ResourceCatalog.allNames),
        at: resourceName.position)
      return nil
    }
    self.resource = resource
    self.resourceName = resourceName
    self.name = name
    self.namespace = namespace
    self.selector = selector
    self.fieldSelector = fieldSelector
  }

  private static func parse<Selector>(
    _ text: Located<String>, log: ProblemLog, kind: String, _ parse: (String) throws -> Selector
  ) -> Selector? {
    do {
      return try parse(text.value)
    } catch {
      log.add("invalid \(kind) `\(text.value)`: \(error)", at: text.position)
      return nil
    }
  }
}
