import Foundation
import KubeModel
import Testing

@testable import LabKit

/// LabKit's table of the resources labs may name is the sandbox's list (KubeSim's
/// Data/resources.json), read here from the checkout since LabKit does not import KubeSim.
@Suite struct ServedResourcesTests {
  private static let resourcesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Sources/KubeSim/Data/resources.json")

  @Test func catalogIsExactlyWhatTheSandboxServes() throws {
    let document = try JSON(parsing: try Data(contentsOf: Self.resourcesFile))
    var served: [ResourceType] = []
    for group in document["groups"]?.arrayValue ?? [] {
      for resource in group["resources"]?.arrayValue ?? [] {
        served.append(
          ResourceType(
            group: group["group"]?.stringValue ?? "", version: group["version"]?.stringValue ?? "",
            kind: resource["kind"]?.stringValue ?? "", plural: resource["plural"]?.stringValue ?? "",
            shortNames: resource["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            namespaced: resource["namespaced"]?.boolValue ?? false))
      }
    }
    #expect(!served.isEmpty)
    #expect(ResourceCatalog.builtIn == served, "run scripts/generate-resource-catalog.py")
  }

  @Test func eventsResolveToTheCoreGroupAsInKubectl() throws {
    let events = try #require(ResourceCatalog.resolve("events"))
    #expect(events.group == "")
    #expect(ResourceCatalog.resolve("events.events.k8s.io")?.group == "events.k8s.io")
  }
}
