import Foundation
import KubeModel
import KubeSim
import Testing

@Suite("Table responses")
struct TableResponseTests {
  private let podText = """
    {"kind":"Pod","apiVersion":"v1",
     "metadata":{"name":"nginx","namespace":"default","uid":"u-1","resourceVersion":"41",
      "creationTimestamp":"2024-06-01T11:59:55Z","labels":{"run":"nginx"}},
     "spec":{"containers":[{"name":"nginx","image":"nginx"}]},
     "status":{"phase":"Pending","containerStatuses":[{"name":"nginx","ready":false,"restartCount":0,
      "state":{"waiting":{"reason":"ContainerCreating"}}}]}}
    """

  @Test func wholeTableAsTheServerSendsIt() throws {
    let pod = try JSON(parsing: podText)
    let table = TableResponse.table(
      resource: "pods", group: "", objects: [pod], resourceVersion: "42", now: tableNow)

    #expect(table["kind"] == "Table")
    #expect(table["apiVersion"] == "meta.k8s.io/v1")
    #expect(table["metadata"] == ["resourceVersion": "42"])
    let columns = try #require(table["columnDefinitions"]?.arrayValue)
    #expect(columns.count == 9)
    #expect(columns[0]["name"] == "Name")
    #expect(columns[0]["format"] == "name")
    #expect(columns[0]["type"] == "string")
    #expect(columns[5]["name"] == "IP")
    #expect(columns[5]["priority"] == 1)
    #expect(
      columns.allSatisfy {
        $0.objectValue?.keys.elementsEqual(["name", "type", "format", "description", "priority"]) == true
      })

    let rows = try #require(table["rows"]?.arrayValue)
    #expect(rows.count == 1)
    #expect(
      rows[0]["cells"] == ["nginx", "0/1", "ContainerCreating", "0", "5s", "<none>", "<none>", "<none>", "<none>"])
    #expect(rows[0]["conditions"] == nil)
    #expect(
      rows[0]["object"] == [
        "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": pod["metadata"] ?? .null,
      ])
    #expect(
      table.serialized().hasPrefix(
        #"{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"42"},"columnDefinitions":[{"name":"Name","type":"string","format":"name","#
      ))
  }

  @Test func watchEventsAfterTheFirstLeaveColumnsOut() throws {
    let table = TableResponse.table(
      resource: "pods", group: "", objects: [try JSON(parsing: podText)], resourceVersion: "43", now: tableNow,
      includeColumnDefinitions: false)
    #expect(table["columnDefinitions"] == .null)
    #expect(table["rows"]?[0]?["cells"]?[0] == "nginx")
  }

  @Test func emptyListsHaveNoRows() {
    let table = TableResponse.table(
      resource: "deployments", group: "apps", objects: [], resourceVersion: "7", now: tableNow)
    #expect(table["rows"] == [])
    #expect(table["columnDefinitions"]?.arrayValue?.count == 8)
  }

  @Test func finishedPodsCarryACompletedCondition() throws {
    let failed = try JSON(
      parsing: #"{"metadata":{"name":"job-x"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Failed"}}"#)
    let table = TableResponse.table(resource: "pods", group: "", objects: [failed], resourceVersion: "1", now: tableNow)
    #expect(
      table["rows"]?[0]?["conditions"] == [
        ["type": "Completed", "status": "True", "reason": "Failed", "message": "The pod failed."]
      ])
  }

  @Test func unknownResourcesGetNameAndCreatedAt() throws {
    let widget = try JSON(parsing: #"{"metadata":{"name":"w1","creationTimestamp":"2024-05-31T08:00:00Z"}}"#)
    let table = TableResponse.table(
      resource: "widgets", group: "example.com", objects: [widget], resourceVersion: "9", now: tableNow)
    #expect(table["columnDefinitions"]?[1]?["name"] == "Created At")
    #expect(table["columnDefinitions"]?[1]?["type"] == "date")
    #expect(table["rows"]?[0]?["cells"] == ["w1", "2024-05-31T08:00:00Z"])
  }
}
