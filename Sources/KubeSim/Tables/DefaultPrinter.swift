import Foundation
import KubeModel

/// What the API server's default table convertor prints for resources without a printer of their
/// own (Roles, ClusterRoles, LimitRanges, custom resources...): NAME and CREATED AT.
enum DefaultPrinter {
  static let printer = TablePrinter(
    columns: [
      .name,
      TableColumn(name: "Created At", type: "date", description: "When the object was created, in UTC."),
    ]
  ) { object, _ in
    // A missing timestamp is Go's zero time, which formats as year 1.
    let created = object["metadata", "creationTimestamp"].time.map(APITimestamp.string) ?? "0001-01-01T00:00:00Z"
    return [.string(object.name), .string(created)]
  }
}
