import LabKit

/// One lab as a list shows it (`kubelab labs`, the web page's lab list).
struct LabSummary: Encodable {
  var id: String
  var title: String?
  var summary: String?
  var duration: String?
  var tasks: Int?
  var topology: String?
  var tags: [String]?
  /// Set when the lab cannot run, with the first reason.
  var problem: String?

  init(library: LabLibrary, id: String) {
    self.id = id
    do {
      let lab = try library.load(id).lab
      title = lab.title
      summary = lab.summary
      duration = lab.duration?.compactText
      tasks = lab.tasks.count
      topology = lab.topology.rawValue
      tags = lab.tags
    } catch {
      problem = "\(error)".components(separatedBy: "\n").first
    }
  }
}
