import Foundation
import KubeModel
import KubeSim
import Testing

@Suite("Table printer: pods")
struct TablePodTests {
  /// A pod created five minutes ago with the given spec containers and status.
  private func pod(
    containers: [String] = ["app"], initContainers: String = "[]", status: String, metadata: String = ""
  ) -> String {
    let specContainers = containers.map { #"{"name":"\#($0)","image":"busybox"}"# }.joined(separator: ",")
    return """
      {"metadata":{"name":"web","namespace":"default","creationTimestamp":"\(timestamp(secondsAgo: 300))"\(metadata)},
       "spec":{"containers":[\(specContainers)],"initContainers":\(initContainers)},
       "status":\(status)}
      """
  }

  /// The READY, STATUS and RESTARTS cells.
  private func summary(_ podText: String) throws -> [JSON] {
    Array(try tableCells("pods", podText)[1...3])
  }

  @Test func headersIncludeWideColumns() {
    #expect(
      tableHeaders("pods") == [
        "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES",
      ])
  }

  @Test func running() throws {
    let cells = try tableCells(
      "pods",
      pod(
        status: """
          {"phase":"Running","podIPs":[{"ip":"10.244.1.5"}],"conditions":[{"type":"Ready","status":"True"}],
           "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{"startedAt":"x"}}}]}
          """))
    #expect(cells == ["web", "1/1", "Running", "0", "5m", "10.244.1.5", "<none>", "<none>", "<none>"])
  }

  @Test func pendingWithoutStatuses() throws {
    #expect(try summary(pod(status: #"{"phase":"Pending"}"#)) == ["0/1", "Pending", "0"])
  }

  @Test(arguments: ["ContainerCreating", "ErrImagePull", "ImagePullBackOff", "CreateContainerConfigError"])
  func waitingReasonBecomesStatus(reason: String) throws {
    let status = """
      {"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
       "state":{"waiting":{"reason":"\(reason)"}}}]}
      """
    #expect(try summary(pod(status: status)) == ["0/1", .string(reason), "0"])
  }

  @Test func crashLoopShowsRestartsAndWhenTheLastOneEnded() throws {
    let status = """
      {"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":3,
       "state":{"waiting":{"reason":"CrashLoopBackOff"}},
       "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"\(timestamp(secondsAgo: 10))"}}}]}
      """
    #expect(try summary(pod(status: status)) == ["0/1", "CrashLoopBackOff", "3 (10s ago)"])
  }

  @Test func restartsSumAllContainersAndUseTheLatestFinish() throws {
    let status = """
      {"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[
       {"name":"a","ready":true,"restartCount":2,"state":{"running":{}},
        "lastState":{"terminated":{"exitCode":1,"finishedAt":"\(timestamp(secondsAgo: 3600))"}}},
       {"name":"b","ready":true,"restartCount":3,"state":{"running":{}},
        "lastState":{"terminated":{"exitCode":1,"finishedAt":"\(timestamp(secondsAgo: 330))"}}}]}
      """
    #expect(try summary(pod(containers: ["a", "b"], status: status)) == ["2/2", "Running", "5 (5m30s ago)"])
  }

  @Test func completed() throws {
    let text = pod(
      status: """
        {"phase":"Succeeded","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
         "state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}
        """)
    #expect(try summary(text) == ["0/1", "Completed", "0"])
    let row = TablePrinters.printer(resource: "pods", group: "").row(for: try JSON(parsing: text), now: tableNow)
    #expect(row.conditions.first?["type"] == "Completed")
    #expect(row.conditions.first?["reason"] == "Succeeded")
  }

  @Test func terminationWithoutReasonShowsSignalOrExitCode() throws {
    let signal =
      #"{"phase":"Failed","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"signal":9}}}]}"#
    #expect(try summary(pod(status: signal))[1] == "Signal:9")
    let exit = #"{"phase":"Failed","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":2}}}]}"#
    #expect(try summary(pod(status: exit))[1] == "ExitCode:2")
  }

  @Test func firstContainerStateWins() throws {
    let status = """
      {"phase":"Pending","containerStatuses":[
       {"name":"a","state":{"waiting":{"reason":"ErrImagePull"}}},
       {"name":"b","state":{"waiting":{"reason":"ContainerCreating"}}}]}
      """
    #expect(try summary(pod(containers: ["a", "b"], status: status))[1] == "ErrImagePull")
  }

  @Test func completedBesideRunningIsRunningOrNotReady() throws {
    func status(ready: String) -> String {
      """
      {"phase":"Running","conditions":[{"type":"Ready","status":"\(ready)"}],"containerStatuses":[
       {"name":"a","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
       {"name":"b","ready":true,"state":{"running":{}}}]}
      """
    }
    #expect(try summary(pod(containers: ["a", "b"], status: status(ready: "True"))) == ["1/2", "Running", "0"])
    #expect(try summary(pod(containers: ["a", "b"], status: status(ready: "False"))) == ["1/2", "NotReady", "0"])
  }

  @Test func initContainerStates() throws {
    let initSpecs = #"[{"name":"init-a","image":"busybox"},{"name":"init-b","image":"busybox"}]"#
    func status(_ initStatuses: String) -> String {
      """
      {"phase":"Pending","conditions":[{"type":"Initialized","status":"False"}],"initContainerStatuses":\(initStatuses),
       "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"PodInitializing"}}}]}
      """
    }
    let running =
      #"[{"name":"init-a","state":{"running":{}}},{"name":"init-b","state":{"waiting":{"reason":"PodInitializing"}}}]"#
    #expect(try summary(pod(initContainers: initSpecs, status: status(running))) == ["0/1", "Init:0/2", "0"])

    let secondRunning = """
      [{"name":"init-a","state":{"terminated":{"exitCode":0,"reason":"Completed"}}},{"name":"init-b","state":{"running":{}}}]
      """
    #expect(try summary(pod(initContainers: initSpecs, status: status(secondRunning)))[1] == "Init:1/2")

    let crashing = """
      [{"name":"init-a","restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
        "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"\(timestamp(secondsAgo: 45))"}}}]
      """
    #expect(
      try summary(pod(initContainers: initSpecs, status: status(crashing))) == [
        "0/1", "Init:CrashLoopBackOff", "4 (45s ago)",
      ])

    let failed = #"[{"name":"init-a","state":{"terminated":{"exitCode":3}}}]"#
    #expect(try summary(pod(initContainers: initSpecs, status: status(failed)))[1] == "Init:ExitCode:3")
    let errored = #"[{"name":"init-a","state":{"terminated":{"exitCode":1,"reason":"Error"}}}]"#
    #expect(try summary(pod(initContainers: initSpecs, status: status(errored)))[1] == "Init:Error")
  }

  @Test func sidecarInitContainersCountAsContainers() throws {
    let initSpecs = #"[{"name":"proxy","image":"envoy","restartPolicy":"Always"}]"#
    let status = """
      {"phase":"Running","conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}],
       "initContainerStatuses":[{"name":"proxy","ready":true,"started":true,"restartCount":1,"state":{"running":{}},
         "lastState":{"terminated":{"exitCode":1,"finishedAt":"\(timestamp(secondsAgo: 200))"}}}],
       "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}
      """
    #expect(try summary(pod(initContainers: initSpecs, status: status)) == ["2/2", "Running", "1 (3m20s ago)"])
  }

  @Test func deletionMakesALivePodTerminating() throws {
    let deleting = #","deletionTimestamp":"2024-06-01T11:59:50Z""#
    let running = #"{"phase":"Running","containerStatuses":[{"name":"app","ready":true,"state":{"running":{}}}]}"#
    #expect(try summary(pod(status: running, metadata: deleting))[1] == "Terminating")
    let finished =
      #"{"phase":"Succeeded","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}"#
    #expect(try summary(pod(status: finished, metadata: deleting))[1] == "Completed")
    let lost = #"{"phase":"Running","reason":"NodeLost"}"#
    #expect(try summary(pod(status: lost, metadata: deleting))[1] == "Unknown")
  }

  @Test func statusReasonAndSchedulingGates() throws {
    #expect(try summary(pod(status: #"{"phase":"Failed","reason":"Evicted"}"#))[1] == "Evicted")
    let gated =
      #"{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}"#
    #expect(try summary(pod(status: gated))[1] == "SchedulingGated")
  }

  @Test func wideColumns() throws {
    let text = """
      {"metadata":{"name":"web","creationTimestamp":"\(timestamp(secondsAgo: 7200))"},
       "spec":{"nodeName":"node-1","containers":[{"name":"app"}],
        "readinessGates":[{"conditionType":"example.com/lb"},{"conditionType":"example.com/dns"}]},
       "status":{"phase":"Running","podIP":"10.0.0.9","nominatedNodeName":"node-2",
        "conditions":[{"type":"example.com/lb","status":"True"},{"type":"example.com/dns","status":"False"}]}}
      """
    let cells = try tableCells("pods", text)
    #expect(Array(cells[4...]) == ["120m", "10.0.0.9", "node-1", "node-2", "1/2"])
  }
}
