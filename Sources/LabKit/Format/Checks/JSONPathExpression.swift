import KubeModel

extension JSONPathTemplate {
  /// Reads a lab file's `jsonpath`: a full kubectl template when it has braces (`{.spec.replicas}`,
  /// `{range …}`), else the short form kubectl accepts for custom columns (`.spec.replicas`).
  static func reading(_ text: Located<String>, log: ProblemLog) -> JSONPathTemplate? {
    do {
      return text.value.contains("{") ? try JSONPathTemplate(text.value) : try JSONPathTemplate(relaxed: text.value)
    } catch {
      log.add("invalid JSONPath `\(text.value)`: \(error)", at: text.position)
      return nil
    }
  }
}
