import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Client: lists with selectors and pagination")
struct ClientListTests {
  @Test func pagesOfTwoVisitEveryPodOnce() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let names = (1...5).map { "pod-\($0)" }
    for name in names { _ = try await client.create(.testPods, podManifest(name, labels: ["set": "paged"])) }
    var seen: [String] = []
    var pageCount = 0
    for try await page in client.pages(.testPods, options: ListOptions(labelSelector: "set=paged", limit: 2)) {
      let items = page["items"]?.arrayValue ?? []
      #expect(items.count <= 2)
      seen += items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
      pageCount += 1
    }
    #expect(pageCount == 3)
    #expect(seen.sorted() == names)
    let all = try await client.listAll(.testPods, options: ListOptions(labelSelector: "set=paged", limit: 2))
    #expect(all.count == 5)
  }

  @Test func labelAndFieldSelectorsNarrowTheList() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    _ = try await client.create(.testPods, podManifest("front", labels: ["tier": "front", "app": "shop"]))
    _ = try await client.create(.testPods, podManifest("back", labels: ["tier": "back", "app": "shop"]))
    let front = try await client.listAll(.testPods, options: ListOptions(labelSelector: "app=shop,tier in (front)"))
    #expect(front.map { $0[path: ["metadata", "name"]] } == ["front"])
    let byName = try await client.listAll(.testPods, options: ListOptions(fieldSelector: "metadata.name=back"))
    #expect(byName.map { $0[path: ["metadata", "name"]] } == ["back"])
    let everywhere = try await client.listAll(.testPods, allNamespaces: true)
    #expect(everywhere.contains { $0[path: ["metadata", "namespace"]] == "kube-system" })
    #expect(everywhere.contains { $0[path: ["metadata", "name"]] == "front" })
  }
}
