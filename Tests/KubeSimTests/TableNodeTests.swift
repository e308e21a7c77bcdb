import Foundation
import KubeModel
import Testing

@Suite("Table printer: nodes")
struct TableNodeTests {
  private func node(labels: String = "{}", unschedulable: Bool = false, conditions: String, extra: String = "")
    -> String
  {
    """
    {"metadata":{"name":"node-1","labels":\(labels),"creationTimestamp":"\(timestamp(secondsAgo: 3 * 86_400))"},
     "spec":{"unschedulable":\(unschedulable)},
     "status":{"conditions":\(conditions),"nodeInfo":{"kubeletVersion":"v1.30.0"\(extra)}}}
    """
  }

  private let ready = #"[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}]"#

  @Test func headers() {
    #expect(
      tableHeaders("nodes") == [
        "NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION",
        "CONTAINER-RUNTIME",
      ])
  }

  @Test func readyControlPlane() throws {
    let text = """
      {"metadata":{"name":"controlplane","creationTimestamp":"\(timestamp(secondsAgo: 51 * 3600))",
        "labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/hostname":"controlplane"}},
       "spec":{},
       "status":{"conditions":\(ready),
        "addresses":[{"type":"Hostname","address":"controlplane"},{"type":"InternalIP","address":"192.168.1.10"}],
        "nodeInfo":{"kubeletVersion":"v1.30.0","osImage":"Ubuntu 22.04.4 LTS","kernelVersion":"5.15.0-105-generic",
         "containerRuntimeVersion":"containerd://1.7.13"}}}
      """
    #expect(
      try tableCells("nodes", text) == [
        "controlplane", "Ready", "control-plane", "2d3h", "v1.30.0", "192.168.1.10", "<none>", "Ubuntu 22.04.4 LTS",
        "5.15.0-105-generic", "containerd://1.7.13",
      ])
  }

  @Test func cordonedNodeShowsSchedulingDisabled() throws {
    let cells = try tableCells("nodes", node(unschedulable: true, conditions: ready))
    #expect(cells[1] == "Ready,SchedulingDisabled")
    #expect(cells[2] == "<none>")
    #expect(Array(cells[5...]) == ["<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"])
  }

  @Test func notReadyAndUnknown() throws {
    let notReady = #"[{"type":"Ready","status":"False"}]"#
    #expect(try tableCells("nodes", node(conditions: notReady))[1] == "NotReady")
    let unknownStatus = #"[{"type":"Ready","status":"Unknown"}]"#
    #expect(try tableCells("nodes", node(conditions: unknownStatus))[1] == "NotReady")
    #expect(try tableCells("nodes", node(unschedulable: true, conditions: "[]"))[1] == "Unknown,SchedulingDisabled")
  }

  @Test func rolesAreSortedAndMerged() throws {
    let labels = """
      {"node-role.kubernetes.io/worker":"","node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"ingress",
       "node-role.kubernetes.io/":"ignored"}
      """
    #expect(try tableCells("nodes", node(labels: labels, conditions: ready))[2] == "control-plane,ingress,worker")
  }
}
