import KubeModel

/// One list request: the unit a grading pass reads once and shares between every check and computed
/// answer that selects from it. A query's `name` is not part of it: named objects are picked from
/// the list in memory, so `pod web` and `pod db` in one namespace cost one request.
struct ReadKey: Hashable {
  var resource: ResourceType
  /// Nil for cluster-scoped resources.
  var namespace: String?
  var labelSelector: LabelSelector?
  var fieldSelector: FieldSelector?

  /// The read a query needs; a namespaced query without a namespace uses the lab's.
  init(_ query: ObjectQuery, labNamespace: String) {
    resource = query.resource
    namespace = query.resource.namespaced ? (query.namespace ?? labNamespace) : nil
    // An empty selector selects everything: one key for both spellings.
    labelSelector = query.selector.flatMap { $0.isEmpty ? nil : $0 }
    fieldSelector = query.fieldSelector.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// `pods with app=web in namespace web`, as messages name what was selected.
  var description: String { resource.plural + selection }

  /// ` with app=web in namespace web`: what follows the resource in a description.
  var selection: String {
    let selectors = [labelSelector?.description, fieldSelector?.description].compactMap { $0 }
    return (selectors.isEmpty ? "" : " with " + selectors.joined(separator: ",")) + location
  }

  /// ` in namespace web`, or nothing for a cluster-scoped resource.
  var location: String { namespace.map { " in namespace \($0)" } ?? "" }
}
