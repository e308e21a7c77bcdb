import KubeModel

/// One column of a server-side Table, as `meta.k8s.io/v1` TableColumnDefinition describes it.
///
/// kubectl upper-cases `name` for the header and hides columns with a priority other than 0
/// unless `-o wide` is given, so every printer declares its wide columns with priority 1.
public struct TableColumn: Hashable, Sendable {
  public let name: String
  /// The OpenAPI type kubectl uses for alignment: "string", "integer", "boolean", "date".
  public let type: String
  /// "name" marks the column that kubectl prefixes with `kind/` when several kinds are listed.
  public let format: String
  public let description: String
  public let priority: Int

  public init(name: String, type: String = "string", format: String = "", description: String, priority: Int = 0) {
    self.name = name
    self.type = type
    self.format = format
    self.description = description
    self.priority = priority
  }

  /// The column as it appears in `columnDefinitions`; every key is always present, as the server sends it.
  public var json: JSON {
    [
      "name": .string(name), "type": .string(type), "format": .string(format),
      "description": .string(description), "priority": .int(priority),
    ]
  }
}

extension TableColumn {
  /// The object's name: the first column of nearly every printer.
  static let name = TableColumn(
    name: "Name", format: "name", description: "Name of the object, unique within its namespace.")

  /// Time since creation, in kubectl's short human form.
  static let age = TableColumn(name: "Age", description: "Time since the object was created.")

  static func text(_ name: String, _ description: String, wide: Bool = false) -> TableColumn {
    TableColumn(name: name, description: description, priority: wide ? 1 : 0)
  }

  static func integer(_ name: String, _ description: String) -> TableColumn {
    TableColumn(name: name, type: "integer", description: description)
  }

  static func boolean(_ name: String, _ description: String) -> TableColumn {
    TableColumn(name: name, type: "boolean", description: description)
  }

  /// The wide Containers and Images columns that every pod-template owner prints.
  static let containerColumns: [TableColumn] = [
    .text("Containers", "Names of the containers in the pod template.", wide: true),
    .text("Images", "Images of the containers in the pod template.", wide: true),
  ]
}
