import KubeModel
import Testing

@testable import KubeSim

@Suite("Strategic merge patch")
struct PatchStrategicMergeTests {
  let patcher = StrategicMergePatch()

  func apply(_ patch: String, to object: String, _ apiVersion: String = "v1", _ kind: String = "Pod") throws -> JSON {
    try patcher.apply(try JSON(parsing: patch), to: try JSON(parsing: object), apiVersion: apiVersion, kind: kind)
  }

  func json(_ text: String) throws -> JSON { try JSON(parsing: text) }

  /// No key of the result, at any depth, is a patch directive.
  func directiveKeys(in value: JSON) -> [String] {
    switch value {
    case .object(let members):
      return members.keys.filter { $0.hasPrefix("$") } + members.values.flatMap(directiveKeys(in:))
    case .array(let items): return items.flatMap(directiveKeys(in:))
    default: return []
    }
  }

  static let deployment = """
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","annotations":{"keep":"me"}},
     "spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
      "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
        {"name":"web","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}],
         "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],
       "tolerations":[{"key":"a","operator":"Exists"},{"key":"b","operator":"Exists"}]}}}}
    """

  @Test("kubectl apply's patch updates the image and keeps the container's ports")
  func kubectlApply() throws {
    let patch = """
      {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},
       "spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],
        "containers":[{"image":"nginx:1.26","name":"web"}]}}}}
      """
    let result = try apply(patch, to: Self.deployment, "apps/v1", "Deployment")
    let container = try #require(result[path: ["spec", "template", "spec", "containers"]]?[0])
    #expect(container["image"] == "nginx:1.26")
    #expect(container["ports"] == [["containerPort": 80, "protocol": "TCP"]])
    #expect(result[path: ["metadata", "annotations", "keep"]] == "me")
    #expect(result[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]] == "{}")
    #expect(directiveKeys(in: result).isEmpty)
  }

  @Test("the same patch on a bare Pod works at spec level")
  func podApply() throws {
    let pod = #"{"spec":{"containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}"#
    let patch =
      #"{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.26","name":"web"}]}}"#
    let result = try apply(patch, to: pod)
    #expect(
      result
        == (try json(#"{"spec":{"containers":[{"name":"web","image":"nginx:1.26","ports":[{"containerPort":80}]}]}}"#)))
  }

  @Test("$setElementOrder reorders and slots server-only elements where the live list had them")
  func setElementOrder() throws {
    let pod =
      #"{"spec":{"containers":[{"name":"a"},{"name":"b","image":"x"},{"name":"s1"},{"name":"s2"},{"name":"c"},{"name":"d"}]}}"#
    let patch = #"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"},{"name":"d"},{"name":"c"}]}}"#
    let names = try apply(patch, to: pod)[path: ["spec", "containers"]]?.arrayValue?.compactMap {
      $0["name"]?.stringValue
    }
    #expect(names == ["b", "a", "s1", "s2", "d", "c"])
  }

  @Test("primitive merge lists: union in patch order, then $setElementOrder, as apimachinery orders them")
  func primitiveOrder() throws {
    let object = #"{"metadata":{"finalizers":["one","four","two"]}}"#
    let patch = #"{"metadata":{"$setElementOrder/finalizers":["three","one","two"],"finalizers":["three"]}}"#
    #expect(try apply(patch, to: object)[path: ["metadata", "finalizers"]] == ["three", "one", "four", "two"])
    let union = try apply(
      #"{"metadata":{"finalizers":["two","one"]}}"#, to: #"{"metadata":{"finalizers":["one","three"]}}"#)
    #expect(union[path: ["metadata", "finalizers"]] == ["two", "one", "three"])
  }

  @Test("$deleteFromPrimitiveList removes finalizers, alone or with an order")
  func deleteFromPrimitiveList() throws {
    let object = #"{"metadata":{"finalizers":["a","b","c"]}}"#
    let removed = try apply(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","zzz"]}}"#, to: object)
    #expect(removed == (try json(#"{"metadata":{"finalizers":["a","c"]}}"#)))
    let reordered = try apply(
      #"{"metadata":{"$setElementOrder/finalizers":["b","a"],"$deleteFromPrimitiveList/finalizers":["c"]}}"#, to: object
    )
    #expect(reordered[path: ["metadata", "finalizers"]] == ["b", "a"])
    let untouched = try apply(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"#, to: #"{"metadata":{}}"#)
    #expect(untouched == ["metadata": [:]])
  }

  @Test("$patch: delete removes a list element by merge key")
  func deleteElement() throws {
    let pod = #"{"spec":{"containers":[{"name":"web","image":"nginx"},{"name":"sidecar","image":"busybox"}]}}"#
    let result = try apply(#"{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}"#, to: pod)
    #expect(result == (try json(#"{"spec":{"containers":[{"name":"web","image":"nginx"}]}}"#)))
  }

  @Test("kubectl apply removing a port sends a delete element next to the order")
  func applyRemovesPort() throws {
    let pod = """
      {"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80},{"containerPort":443},{"containerPort":9000}]}]}}
      """
    let patch = """
      {"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"name":"web",
        "$setElementOrder/ports":[{"containerPort":9000},{"containerPort":80}],
        "ports":[{"$patch":"delete","containerPort":443}]}]}}
      """
    let result = try apply(patch, to: pod)
    #expect(result[path: ["spec", "containers"]]?[0]?["ports"] == [["containerPort": 9000], ["containerPort": 80]])
    #expect(directiveKeys(in: result).isEmpty)
  }

  @Test("$patch: replace in a list makes the patch list the whole list")
  func replaceList() throws {
    let pod = #"{"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]},{"name":"b"}]}}"#
    let result = try apply(#"{"spec":{"containers":[{"name":"web","image":"httpd"},{"$patch":"replace"}]}}"#, to: pod)
    #expect(result == (try json(#"{"spec":{"containers":[{"name":"web","image":"httpd"}]}}"#)))
  }

  @Test("$patch: replace on a map replaces it; $patch: delete empties it")
  func replaceMap() throws {
    let service = #"{"spec":{"selector":{"app":"web","tier":"front"},"type":"ClusterIP"}}"#
    let replaced = try apply(#"{"spec":{"selector":{"$patch":"replace","app":"api"}}}"#, to: service, "v1", "Service")
    #expect(replaced == (try json(#"{"spec":{"selector":{"app":"api"},"type":"ClusterIP"}}"#)))
    let emptied = try apply(#"{"spec":{"selector":{"$patch":"delete"}}}"#, to: service, "v1", "Service")
    #expect(emptied[path: ["spec", "selector"]] == [:])
  }

  @Test("$retainKeys on a deployment strategy drops rollingUpdate when switching to Recreate")
  func retainKeys() throws {
    let patch = #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":null}}}"#
    let result = try apply(patch, to: Self.deployment, "apps/v1", "Deployment")
    #expect(result[path: ["spec", "strategy"]] == ["type": "Recreate"])
    #expect(result[path: ["spec", "replicas"]] == 1)
  }

  @Test("$retainKeys on a volume swaps its source")
  func retainKeysVolume() throws {
    let pod = #"{"spec":{"volumes":[{"name":"data","emptyDir":{}},{"name":"other","emptyDir":{}}]}}"#
    let patch = #"{"spec":{"volumes":[{"$retainKeys":["configMap","name"],"name":"data","configMap":{"name":"cfg"}}]}}"#
    let result = try apply(patch, to: pod)
    #expect(
      result[path: ["spec", "volumes"]]
        == [["name": "data", "configMap": ["name": "cfg"]], ["name": "other", "emptyDir": [:]]])
  }

  @Test("a patch may not set keys its $retainKeys list leaves out")
  func retainKeysViolation() {
    #expect(throws: PatchError("invalid patch format of retainKeys")) {
      try apply(
        #"{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}"#, to: Self.deployment, "apps/v1",
        "Deployment")
    }
  }

  @Test("null deletes a label")
  func nullDeletesLabel() throws {
    let pod = #"{"metadata":{"labels":{"app":"web","tier":"front"}}}"#
    let result = try apply(#"{"metadata":{"labels":{"tier":null,"env":"prod","gone":null}}}"#, to: pod)
    #expect(result[path: ["metadata", "labels"]] == ["app": "web", "env": "prod"])
  }

  @Test("container env merges by name")
  func envMerge() throws {
    let patch = """
      {"spec":{"template":{"spec":{"containers":[{"name":"web",
        "$setElementOrder/env":[{"name":"A"},{"name":"B"},{"name":"C"}],
        "env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}
      """
    let result = try apply(patch, to: Self.deployment, "apps/v1", "Deployment")
    let env = result[path: ["spec", "template", "spec", "containers"]]?[0]?["env"]
    #expect(env == [["name": "A", "value": "1"], ["name": "B", "value": "3"], ["name": "C", "value": "4"]])
    #expect(directiveKeys(in: result).isEmpty)
  }

  @Test("service ports merge by port")
  func servicePorts() throws {
    let service = """
      {"spec":{"ports":[{"name":"http","port":80,"targetPort":8080},{"name":"https","port":443,"targetPort":8443}]}}
      """
    let result = try apply(#"{"spec":{"ports":[{"port":443,"targetPort":9443}]}}"#, to: service, "v1", "Service")
    #expect(
      result[path: ["spec", "ports"]]
        == [["name": "http", "port": 80, "targetPort": 8080], ["name": "https", "port": 443, "targetPort": 9443]])
  }

  @Test("tolerations have no merge strategy and are replaced wholesale")
  func tolerationsReplaced() throws {
    let patch = #"{"spec":{"template":{"spec":{"tolerations":[{"key":"c","operator":"Exists"}]}}}}"#
    let result = try apply(patch, to: Self.deployment, "apps/v1", "Deployment")
    #expect(result[path: ["spec", "template", "spec", "tolerations"]] == [["key": "c", "operator": "Exists"]])
    #expect(result[path: ["spec", "template", "spec", "containers"]]?[0]?["image"] == "nginx:1.25")
  }

  @Test("new values are added without nulls or directives")
  func newValuesAreClean() throws {
    let patch = """
      {"spec":{"containers":[{"name":"new","image":"redis","env":[{"name":"X","value":null}],
        "$setElementOrder/ports":[{"containerPort":1}],"ports":[{"containerPort":1}]}]}}
      """
    let result = try apply(patch, to: #"{"spec":{"containers":[{"name":"web"}]}}"#)
    #expect(
      result[path: ["spec", "containers"]]
        == [
          ["name": "new", "image": "redis", "env": [["name": "X"]], "ports": [["containerPort": 1]]], ["name": "web"],
        ])
  }

  @Test("kinds without a schema merge like a JSON merge patch")
  func unknownKind() throws {
    let widget = #"{"spec":{"items":[{"name":"a","size":1}],"labels":{"x":"1"}}}"#
    let patch =
      #"{"spec":{"$setElementOrder/items":[{"name":"a"}],"items":[{"name":"a"}],"labels":{"x":null,"y":"2"}}}"#
    let result = try apply(patch, to: widget, "example.com/v1", "Widget")
    #expect(result == (try json(#"{"spec":{"items":[{"name":"a"}],"labels":{"y":"2"}}}"#)))
  }

  @Test("malformed patches are errors, not crashes")
  func errors() {
    #expect(throws: PatchError("map: {\"image\":\"x\"} does not contain declared merge key: name", statusCode: 500)) {
      try apply(#"{"spec":{"containers":[{"image":"x"}]}}"#, to: #"{"spec":{"containers":[{"name":"a"}]}}"#)
    }
    #expect(throws: PatchError("invalid patch format of setElementOrder list")) {
      try apply(#"{"spec":{"$setElementOrder/containers":{"name":"a"}}}"#, to: #"{"spec":{}}"#)
    }
    #expect(throws: PatchError("merging lists cannot yet be specified in the patch", statusCode: 500)) {
      try apply(#"{"spec":{"containers":[{"$patch":"merge"}]}}"#, to: #"{"spec":{"containers":[{"name":"a"}]}}"#)
    }
    #expect(throws: PatchError.self) {
      try apply(
        #"{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b"}]}}"#, to: #"{"spec":{}}"#)
    }
    #expect(throws: PatchError.self) { try apply("[1]", to: "{}") }
  }

  @Test("PatchType dispatches on the Content-Type")
  func patchType() throws {
    #expect(PatchType(contentType: "application/strategic-merge-patch+json; charset=utf-8") == .strategic)
    #expect(PatchType(contentType: "application/apply-patch+yaml") == nil)
    let pod = try json(#"{"spec":{"containers":[{"name":"web","image":"a","ports":[{"containerPort":80}]}]}}"#)
    let patch = try json(#"{"spec":{"containers":[{"name":"web","image":"b"}]}}"#)
    let strategic = try PatchType.strategic.apply(patch, to: pod, apiVersion: "v1", kind: "Pod")
    let merged = try PatchType.merge.apply(patch, to: pod, apiVersion: "v1", kind: "Pod")
    #expect(strategic[path: ["spec", "containers"]]?[0]?["ports"] != nil)
    #expect(merged[path: ["spec", "containers"]]?[0]?["ports"] == nil)
  }
}
