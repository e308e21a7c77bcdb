import Foundation
import KubeModel
import Testing

@Suite("Table printers: workloads")
struct TableWorkloadTests {
  private let created = timestamp(secondsAgo: 42 * 60)
  private let template = """
    {"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},
     {"name":"log","image":"busybox"}]}}
    """

  private func deployment(selector: String) -> String {
    """
    {"metadata":{"name":"web","creationTimestamp":"\(created)"},
     "spec":{"replicas":3,"selector":\(selector),"template":\(template)},
     "status":{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}}
    """
  }

  @Test func deploymentColumnsAndCells() throws {
    #expect(
      tableHeaders("deployments", group: "apps") == [
        "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR",
      ])
    let cells = try tableCells("deployments", group: "apps", deployment(selector: #"{"matchLabels":{"app":"nginx"}}"#))
    #expect(cells == ["web", "2/3", 3, 2, "42m", "nginx,log", "nginx:1.25,busybox", "app=nginx"])
  }

  @Test func selectorsAreSortedByKeyWithSetExpressions() throws {
    let selector = """
      {"matchLabels":{"tier":"web","app":"nginx"},"matchExpressions":[
       {"key":"env","operator":"In","values":["prod","dev"]},{"key":"legacy","operator":"DoesNotExist"},
       {"key":"canary","operator":"Exists"},{"key":"zone","operator":"NotIn","values":["b","a"]}]}
      """
    let cells = try tableCells("deployments", group: "apps", deployment(selector: selector))
    #expect(cells[7] == "app=nginx,canary,env in (dev,prod),!legacy,tier=web,zone notin (a,b)")
  }

  @Test func emptyAndBrokenSelectors() throws {
    #expect(try tableCells("deployments", group: "apps", deployment(selector: "{}"))[7] == "")
    let broken = #"{"matchExpressions":[{"key":"a","operator":"Near"}]}"#
    #expect(try tableCells("deployments", group: "apps", deployment(selector: broken))[7] == "<invalid>")

    let replicaSet = """
      {"metadata":{"name":"web-5d9c","creationTimestamp":"\(created)"},"spec":{"replicas":2,"template":\(template)},
       "status":{"replicas":2,"readyReplicas":1}}
      """
    #expect(
      try tableCells("replicasets", group: "apps", replicaSet) == [
        "web-5d9c", 2, 2, 1, "42m", "nginx,log", "nginx:1.25,busybox", "<none>",
      ])
  }

  @Test func replicationControllerSelectorIsALabelMap() throws {
    let text = """
      {"metadata":{"name":"old","creationTimestamp":"\(created)"},
       "spec":{"selector":{"b":"2","a":"1"},"template":\(template)},"status":{"replicas":1}}
      """
    #expect(
      try tableCells("replicationcontrollers", text) == [
        "old", 1, 1, 0, "42m", "nginx,log", "nginx:1.25,busybox", "a=1,b=2",
      ])
  }

  @Test func daemonSet() throws {
    let text = """
      {"metadata":{"name":"kube-proxy","creationTimestamp":"\(created)"},
       "spec":{"selector":{"matchLabels":{"k8s-app":"kube-proxy"}},
        "template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},"containers":[{"name":"kube-proxy","image":"registry.k8s.io/kube-proxy:v1.30.0"}]}}},
       "status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"numberReady":1,"updatedNumberScheduled":2,"numberAvailable":1}}
      """
    #expect(
      try tableCells("daemonsets", group: "apps", text) == [
        "kube-proxy", 2, 2, 1, 2, 1, "kubernetes.io/os=linux", "42m", "kube-proxy",
        "registry.k8s.io/kube-proxy:v1.30.0",
        "k8s-app=kube-proxy",
      ])
  }

  @Test func statefulSetAndControllerRevision() throws {
    let statefulSet = """
      {"metadata":{"name":"db","creationTimestamp":"\(created)"},"spec":{"replicas":3,"template":\(template)},
       "status":{"readyReplicas":1}}
      """
    #expect(
      try tableCells("statefulsets", group: "apps", statefulSet) == [
        "db", "1/3", "42m", "nginx,log", "nginx:1.25,busybox",
      ])

    let revision = """
      {"metadata":{"name":"kube-proxy-7f8d","creationTimestamp":"\(created)",
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"kube-proxy","controller":true}]},
       "revision":3}
      """
    #expect(
      try tableCells("controllerrevisions", group: "apps", revision) == [
        "kube-proxy-7f8d", "daemonset.apps/kube-proxy", 3, "42m",
      ])
  }

  @Test func jobs() throws {
    func job(spec: String, status: String, metadata: String = "") -> String {
      """
      {"metadata":{"name":"pi","creationTimestamp":"\(created)"\(metadata)},
       "spec":{\(spec)"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u1"}},"template":\(template)},
       "status":\(status)}
      """
    }
    let start = timestamp(secondsAgo: 600)
    let complete = job(
      spec: #""completions":1,"parallelism":1,"#,
      status: """
        {"startTime":"\(start)","completionTime":"\(timestamp(secondsAgo: 530))","succeeded":1,
         "conditions":[{"type":"Complete","status":"True"}]}
        """)
    #expect(
      try tableCells("jobs", group: "batch", complete) == [
        "pi", "Complete", "1/1", "70s", "42m", "nginx,log", "nginx:1.25,busybox",
        "batch.kubernetes.io/controller-uid=u1",
      ])

    let running = job(spec: #""parallelism":3,"#, status: #"{"startTime":"\#(start)","active":3}"#)
    #expect(Array(try tableCells("jobs", group: "batch", running)[1...3]) == ["Running", "0/1 of 3", "10m"])

    let defaulted = job(spec: "", status: "{}")
    #expect(Array(try tableCells("jobs", group: "batch", defaulted)[1...3]) == ["Running", "0/1", ""])

    let failed = job(
      spec: #""completions":5,"#, status: #"{"succeeded":2,"conditions":[{"type":"Failed","status":"True"}]}"#)
    #expect(Array(try tableCells("jobs", group: "batch", failed)[1...2]) == ["Failed", "2/5"])

    let deleting = job(spec: "", status: "{}", metadata: #","deletionTimestamp":"\#(start)""#)
    #expect(try tableCells("jobs", group: "batch", deleting)[1] == "Terminating")
  }

  @Test func cronJobs() throws {
    let text = """
      {"metadata":{"name":"backup","creationTimestamp":"\(created)"},
       "spec":{"schedule":"*/5 * * * *","suspend":false,"jobTemplate":{"spec":{"template":\(template)}}},
       "status":{"active":[{"name":"backup-1"}],"lastScheduleTime":"\(timestamp(secondsAgo: 95))"}}
      """
    #expect(
      try tableCells("cronjobs", group: "batch", text) == [
        "backup", "*/5 * * * *", "<none>", "False", 1, "95s", "42m", "nginx,log", "nginx:1.25,busybox", "<none>",
      ])
    let never = """
      {"metadata":{"name":"nightly"},"spec":{"schedule":"0 0 * * *","timeZone":"Europe/Paris","suspend":true}}
      """
    #expect(
      Array(try tableCells("cronjobs", group: "batch", never)[1...6]) == [
        "0 0 * * *", "Europe/Paris", "True", 0, "<none>", "<unknown>",
      ])
  }
}
