import Foundation
import KubeModel

extension APIHandler {
  func get(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    let object = try cluster.get(target.resource, namespace: target.namespace, name: name)
    if let table = TableNegotiation(request, clock: cluster.clock) {
      return .json(table.render([object], target.resource, resourceVersion: cluster.store.resourceVersion))
    }
    return .json(object)
  }

  /// LIST with selectors and `limit`/`continue` pagination; items come in key order.
  func list(_ target: ResourceRequest, _ request: APIRequest) throws -> APIResponse {
    let filter = try ObjectFilter(query: request.query, resource: target.resource)
    let (all, resourceVersion) = cluster.list(target.resource, namespace: target.namespace)
    var items = all.filter(filter.matches)
    var metadata: JSONObject = ["resourceVersion": .string(String(resourceVersion))]
    if let token = request.query["continue"], !token.isEmpty {
      guard let after = ContinueToken.decode(token) else {
        throw APIError.badRequest(
          "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
      }
      items = items.filter { ContinueToken.key(of: $0) > after }
    }
    if let limit = request.query.integer("limit"), limit > 0, items.count > limit {
      let remaining = items.count - limit
      items = Array(items.prefix(limit))
      metadata["continue"] = .string(ContinueToken.encode(after: ContinueToken.key(of: items[items.count - 1])))
      metadata["remainingItemCount"] = .int(remaining)
    }
    if let table = TableNegotiation(request, clock: cluster.clock) {
      return .json(
        table.render(
          items, target.resource, resourceVersion: resourceVersion, continueToken: metadata["continue"]?.stringValue))
    }
    let list: JSON = [
      "kind": .string(target.resource.kind + "List"), "apiVersion": .string(target.resource.apiVersion),
      "metadata": .object(metadata), "items": .array(items.map(Self.listItem)),
    ]
    return .json(list)
  }

  /// The real server leaves kind and apiVersion out of list items.
  static func listItem(_ object: JSON) -> JSON {
    var item = object
    item["kind"] = nil
    item["apiVersion"] = nil
    return item
  }

  func log(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    let pod = try cluster.get(target.resource, namespace: target.namespace, name: name)
    let containers = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    let container: String
    if let requested = request.query["container"], !requested.isEmpty {
      let all =
        containers + (pod[path: ["spec", "initContainers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
      guard all.contains(requested) else {
        throw APIError.badRequest("container \(requested) is not valid for pod \(name)")
      }
      container = requested
    } else if containers.count == 1 {
      container = containers[0]
    } else {
      throw APIError.badRequest(
        "a container name must be specified for pod \(name), choose one of: [\(containers.joined(separator: " "))]")
    }
    // An init container's log is read as an app container's: its status is in its own list.
    let statuses = ["containerStatuses", "initContainerStatuses"].flatMap {
      pod[path: ["status", $0]]?.arrayValue ?? []
    }
    let status = statuses.first { $0["name"]?.stringValue == container }
    if let waiting = status?[path: ["state", "waiting"]], status?["lastState"]?["terminated"] == nil {
      let reason = waiting["reason"]?.stringValue ?? "ContainerCreating"
      throw APIError.badRequest("container \"\(container)\" in pod \"\(name)\" is waiting to start: \(reason)")
    }
    if status == nil {
      throw APIError.badRequest("container \"\(container)\" in pod \"\(name)\" is waiting to start: ContainerCreating")
    }
    let uid = pod[path: ["metadata", "uid"]]?.stringValue ?? ""
    var query = PodLogs.Query(previous: request.query.flag("previous"), timestamps: request.query.flag("timestamps"))
    if let seconds = request.query.integer("sinceSeconds") {
      query.since = cluster.now().addingTimeInterval(-TimeInterval(seconds))
    } else if let time = request.query["sinceTime"] {
      guard let date = APITimestamp.date(time) else {
        throw APIError.badRequest("sinceTime: Invalid value: \"\(time)\": must be an RFC 3339 time")
      }
      query.since = date
    }
    if query.previous, !cluster.logs.hasPrevious(podUID: uid, container: container) {
      throw APIError.badRequest("previous terminated container \"\(container)\" in pod \"\(name)\" not found")
    }
    if request.query.flag("follow"), !query.previous {
      let stream = LogStream(
        logs: cluster.logs, podUID: uid, container: container, query: query, selection: LogSelection(request.query))
      return APIResponse(status: 200, headers: [("Content-Type", "text/plain")], body: .stream(stream))
    }
    let text = cluster.logs.text(podUID: uid, container: container, query)
    return .text(LogSelection(request.query).apply(to: text))
  }
}

/// `continue` tokens: the key of the last item returned, so the next page starts after it.
enum ContinueToken {
  /// The store's order: namespace, then name.
  static func key(of object: JSON) -> ObjectKey {
    ObjectKey(
      resource: "", namespace: object[path: ["metadata", "namespace"]]?.stringValue ?? "",
      name: object[path: ["metadata", "name"]]?.stringValue ?? "")
  }

  static func encode(after key: ObjectKey) -> String {
    let token: JSON = ["v": "meta.k8s.io/v1", "namespace": .string(key.namespace), "name": .string(key.name)]
    return Data(token.serialized().utf8).base64EncodedString()
  }

  static func decode(_ token: String) -> ObjectKey? {
    guard let data = Data(base64Encoded: token), let json = try? JSON(parsing: data),
      let namespace = json["namespace"]?.stringValue, let name = json["name"]?.stringValue
    else { return nil }
    return ObjectKey(resource: "", namespace: namespace, name: name)
  }
}
