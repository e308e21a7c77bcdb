import Foundation
import LabKit
import NIOHTTP1

/// Maps each request to its answer: the page and its files, xterm.js, and the JSON API the page's
/// scripts call (`/api/labs…`). Only requests that carried the token get here.
struct WebRouter: Sendable {
  let token: AccessToken
  let labs: WebLabs
  let assets: PageAssets

  func respond(to request: WebRequest) async -> WebResponse {
    do {
      return try await route(request)
    } catch let error as WebError {
      return .error(error.status, error.description)
    } catch {
      // Lab, session and cluster errors read as the CLI prints them.
      return .error(.unprocessableEntity, "\(error)")
    }
  }

  private func route(_ request: WebRequest) async throws -> WebResponse {
    let segments = request.segments
    switch (request.method, segments.first) {
    case (.GET, nil): return try assets.page("index.html")
    case (.GET, "page"?): return try assets.page(segments.dropFirst().joined(separator: "/"))
    case (.GET, "xterm"?): return try assets.xterm(segments.dropFirst().joined(separator: "/"))
    case (_, "api"?): return try await api(request, Array(segments.dropFirst()))
    case (.GET, "terminal"?):
      return .text("A terminal is reached by a WebSocket from this server's page.\n", status: .forbidden)
    default: throw WebError.notFound("nothing at \(request.path)")
    }
  }

  private struct TaskBody: Decodable {
    var task: String?
    var text: String?
    var on: Bool?
    /// Set by the page's countdown when it ends: this check is the grading at the end.
    var end: Bool?
  }

  private func api(_ request: WebRequest, _ path: [String]) async throws -> WebResponse {
    guard path.first == "labs" else { throw WebError.notFound("nothing at \(request.path)") }
    if path.count == 1, request.method == .GET { return .json(labs.list()) }
    guard path.count >= 2 else { throw WebError.notFound("nothing at \(request.path)") }
    let id = path[1]
    if path.count == 3, path[2] == "start", request.method == .POST {
      return .json(try LabPage(lab: try labs.start(id), terminals: labs.terminals), status: .accepted)
    }
    guard let lab = labs.lab(id) else { throw WebError.notFound("the lab \(id) is not started here") }
    let actions = LabActions(lab: lab, terminals: labs.terminals)
    if path.count == 2, request.method == .GET { return .json(try LabPage(lab: lab, terminals: labs.terminals)) }
    guard path.count == 3 else { throw WebError.notFound("nothing at \(request.path)") }
    switch (request.method, path[2]) {
    case (.GET, "report.json"):
      return download(.json(try await actions.report()), name: "\(id)-report.json")
    case (.GET, "report.xml"):
      let xml = JUnitReport(suites: [.init(report: try await actions.report(), lab: lab.loaded.lab)]).xml
      return download(WebResponse(contentType: "application/xml", body: Data(xml.utf8)), name: "\(id)-junit.xml")
    case (.POST, _): break
    default: throw WebError.notFound("nothing at \(request.path)")
    }
    let body = request.body.isEmpty ? TaskBody() : try request.decode(TaskBody.self)
    let task = { () throws -> String in
      guard let task = body.task else { throw WebError.badRequest("name the task") }
      return task
    }
    switch path[2] {
    case "answer": return .json(try await actions.answer(task: try task(), text: body.text ?? ""))
    case "check": return .json(try await actions.check(task: body.task, atTheEnd: body.end ?? false))
    case "hint": return .json(try actions.hint(task: try task()))
    case "solution": return .json(["solution": try actions.solution(task: try task())])
    case "flag":
      try actions.flag(task: try task(), on: body.on ?? true)
      return .json(["flagged": body.on ?? true])
    case "terminals": return .json(["id": try actions.openTerminal()], status: .created)
    default: throw WebError.notFound("nothing at \(request.path)")
    }
  }

  private func download(_ response: WebResponse, name: String) -> WebResponse {
    var response = response
    response.headers.append(("Content-Disposition", "attachment; filename=\"\(name)\""))
    return response
  }
}
