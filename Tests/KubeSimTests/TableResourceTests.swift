import Foundation
import KubeModel
import Testing

@Suite("Table printers: config, storage, RBAC, scheduling")
struct TableResourceTests {
  private let created = timestamp(secondsAgo: 3 * 3600)

  @Test func configObjects() throws {
    let namespace = #"{"metadata":{"name":"dev","creationTimestamp":"\#(created)"},"status":{"phase":"Active"}}"#
    #expect(try tableCells("namespaces", namespace) == ["dev", "Active", "3h"])
    let configMap = #"{"metadata":{"name":"cfg"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}"#
    #expect(try tableCells("configmaps", configMap)[1] == 3)
    let secret = #"{"metadata":{"name":"tls"},"type":"kubernetes.io/tls","data":{"tls.crt":"x","tls.key":"y"}}"#
    #expect(Array(try tableCells("secrets", secret)[1...2]) == ["kubernetes.io/tls", 2])
    let account = #"{"metadata":{"name":"default"}}"#
    #expect(try tableCells("serviceaccounts", account)[1] == 0)
    let lease = #"{"metadata":{"name":"kube-scheduler"},"spec":{"holderIdentity":"controlplane_1234"}}"#
    #expect(try tableCells("leases", group: "coordination.k8s.io", lease)[1] == "controlplane_1234")
  }

  @Test func resourceQuotaSplitsRequestsAndLimits() throws {
    let quota = """
      {"metadata":{"name":"compute"},"status":{
       "hard":{"requests.cpu":"1","pods":"10","limits.memory":"2Gi","limits.cpu":"2"},
       "used":{"requests.cpu":"500m","pods":"3","limits.cpu":"1"}}}
      """
    #expect(
      Array(try tableCells("resourcequotas", quota)[1...2]) == [
        "pods: 3/10, requests.cpu: 500m/1", "limits.cpu: 1/2, limits.memory: 0/2Gi",
      ])
  }

  @Test func persistentVolumesAndClaims() throws {
    let volume = """
      {"metadata":{"name":"pv-log","creationTimestamp":"\(created)"},
       "spec":{"capacity":{"storage":"100Mi"},"accessModes":["ReadWriteMany","ReadWriteOnce"],
        "persistentVolumeReclaimPolicy":"Retain","storageClassName":"manual","volumeMode":"Filesystem",
        "claimRef":{"namespace":"default","name":"claim-log"}},
       "status":{"phase":"Bound"}}
      """
    #expect(
      try tableCells("persistentvolumes", volume) == [
        "pv-log", "100Mi", "RWO,RWX", "Retain", "Bound", "default/claim-log", "manual", "<unset>", "", "3h",
        "Filesystem",
      ])
    let pending = """
      {"metadata":{"name":"claim-log","creationTimestamp":"\(created)"},
       "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"50Mi"}},"storageClassName":"manual"},
       "status":{"phase":"Pending"}}
      """
    #expect(
      try tableCells("persistentvolumeclaims", pending) == [
        "claim-log", "Pending", "", "", "", "manual", "<unset>", "3h", "<unset>",
      ])
    let bound = """
      {"metadata":{"name":"claim-log","deletionTimestamp":"\(created)"},
       "spec":{"volumeName":"pv-log","volumeMode":"Filesystem"},
       "status":{"phase":"Bound","capacity":{"storage":"100Mi"},"accessModes":["ReadWriteOnce"]}}
      """
    #expect(Array(try tableCells("persistentvolumeclaims", bound)[1...4]) == ["Terminating", "pv-log", "100Mi", "RWO"])
  }

  @Test func storageClasses() throws {
    let text = """
      {"metadata":{"name":"local-path","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},
       "provisioner":"rancher.io/local-path","volumeBindingMode":"WaitForFirstConsumer"}
      """
    #expect(
      Array(try tableCells("storageclasses", group: "storage.k8s.io", text)[0...4]) == [
        "local-path (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", false,
      ])
  }

  @Test func bindings() throws {
    #expect(
      tableHeaders("rolebindings", group: "rbac.authorization.k8s.io") == [
        "NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS",
      ])
    let binding = """
      {"metadata":{"name":"dev-read","creationTimestamp":"\(created)"},
       "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
       "subjects":[{"kind":"User","name":"jane"},{"kind":"Group","name":"devs"},{"kind":"User","name":"bob"},
        {"kind":"ServiceAccount","name":"ci","namespace":"tools"}]}
      """
    #expect(
      try tableCells("clusterrolebindings", group: "rbac.authorization.k8s.io", binding) == [
        "dev-read", "ClusterRole/view", "3h", "jane, bob", "devs", "tools/ci",
      ])
  }

  @Test func rolesUseTheDefaultColumns() throws {
    #expect(tableHeaders("roles", group: "rbac.authorization.k8s.io") == ["NAME", "CREATED AT"])
    #expect(tableHeaders("limitranges") == ["NAME", "CREATED AT"])
    let role = #"{"metadata":{"name":"reader","creationTimestamp":"2024-02-29T23:59:59Z"}}"#
    #expect(try tableCells("roles", group: "rbac.authorization.k8s.io", role) == ["reader", "2024-02-29T23:59:59Z"])
    let offset = #"{"metadata":{"name":"r","creationTimestamp":"2024-03-01T01:30:00.5+02:00"}}"#
    #expect(try tableCells("widgets", group: "example.com", offset) == ["r", "2024-02-29T23:30:00Z"])
    #expect(
      try tableCells("roles", group: "rbac.authorization.k8s.io", #"{"metadata":{"name":"x"}}"#)[1]
        == "0001-01-01T00:00:00Z")
  }

  @Test func autoscalers() throws {
    let v2 = """
      {"metadata":{"name":"web","creationTimestamp":"\(created)"},
       "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"minReplicas":2,"maxReplicas":10,
        "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}},
         {"type":"Pods","pods":{"metric":{"name":"rps"},"target":{"type":"AverageValue","averageValue":"100"}}},
         {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"500Mi"}}}]},
       "status":{"currentReplicas":3,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":45}}}]}}
      """
    #expect(
      try tableCells("horizontalpodautoscalers", group: "autoscaling", v2) == [
        "web", "Deployment/web", "cpu: 45%/80%, <unknown>/100 + 1 more...", "2", 10, 3, "3h",
      ])
    let v1 = """
      {"metadata":{"name":"api"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"api"},"maxReplicas":5,
       "targetCPUUtilizationPercentage":50}}
      """
    #expect(
      Array(try tableCells("horizontalpodautoscalers", group: "autoscaling", v1)[2...3]) == ["cpu: <unknown>/50%", "1"])
  }

  @Test func disruptionBudgetsAndPriorityClasses() throws {
    let budget = #"{"metadata":{"name":"web"},"spec":{"minAvailable":"50%"},"status":{"disruptionsAllowed":1}}"#
    #expect(Array(try tableCells("poddisruptionbudgets", group: "policy", budget)[1...3]) == ["50%", "N/A", 1])
    let byCount = #"{"metadata":{"name":"db"},"spec":{"maxUnavailable":1}}"#
    #expect(Array(try tableCells("poddisruptionbudgets", group: "policy", byCount)[1...3]) == ["N/A", "1", 0])

    let priority =
      #"{"metadata":{"name":"high","creationTimestamp":"\#(created)"},"value":1000000,"globalDefault":false}"#
    #expect(
      try tableCells("priorityclasses", group: "scheduling.k8s.io", priority) == [
        "high", 1_000_000, false, "3h", "PreemptLowerPriority",
      ])
  }
}
