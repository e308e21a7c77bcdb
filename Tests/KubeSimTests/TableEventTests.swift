import Foundation
import KubeModel
import Testing

@Suite("Table printer: events")
struct TableEventTests {
  @Test func headers() {
    #expect(
      tableHeaders("events") == [
        "LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME",
      ])
  }

  @Test func legacyEventFromTheKubelet() throws {
    let text = """
      {"metadata":{"name":"web.17d8a1b2c3","namespace":"default"},
       "involvedObject":{"kind":"Pod","name":"web","namespace":"default","fieldPath":"spec.containers{app}"},
       "reason":"BackOff","message":"Back-off restarting failed container app in pod web_default\\n","type":"Warning",
       "source":{"component":"kubelet","host":"node-1"},"count":7,
       "firstTimestamp":"\(timestamp(secondsAgo: 600))","lastTimestamp":"\(timestamp(secondsAgo: 30))"}
      """
    #expect(
      try tableCells("events", text) == [
        "30s", "Warning", "BackOff", "pod/web", "spec.containers{app}", "kubelet, node-1",
        "Back-off restarting failed container app in pod web_default", "10m", 7, "web.17d8a1b2c3",
      ])
  }

  @Test func eventsAPIStyleEventWithSeries() throws {
    let text = """
      {"metadata":{"name":"web.1"},"involvedObject":{"kind":"Deployment","name":"web"},"reason":"ScalingReplicaSet",
       "type":"Normal","message":"Scaled up","reportingComponent":"deployment-controller",
       "eventTime":"\(timestamp(secondsAgo: 7200))","firstTimestamp":null,"lastTimestamp":null,
       "series":{"count":4,"lastObservedTime":"\(timestamp(secondsAgo: 150))"}}
      """
    let cells = try tableCells("events", text)
    #expect(cells[0] == "2m30s")
    #expect(cells[3] == "deployment/web")
    #expect(cells[5] == "deployment-controller")
    #expect(cells[7] == "120m")
    #expect(cells[8] == 4)
  }

  @Test func singletonEventsCountOnceAndObjectsWithoutName() throws {
    let text = """
      {"metadata":{"name":"node.1"},"involvedObject":{"kind":"Node"},"reason":"RegisteredNode","type":"Normal",
       "message":"  Registered  ","firstTimestamp":"\(timestamp(secondsAgo: 90))"}
      """
    let cells = try tableCells("events", text)
    #expect(cells[0] == "90s")
    #expect(cells[3] == "node")
    #expect(cells[5] == "")
    #expect(cells[6] == "Registered")
    #expect(cells[8] == 1)
  }
}
