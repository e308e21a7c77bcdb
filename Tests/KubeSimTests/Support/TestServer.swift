import Foundation
import KubeModel
import KubeSim
import TestSupport

/// A sandbox API server on a free loopback port, empty but for the namespaces asked for.
final class TestServer {
  let cluster: Cluster
  let server: SandboxServer
  let client: HTTPTestClient

  init(namespaces: [String] = ["default"]) throws {
    cluster = Cluster()
    let namespaceType = cluster.catalog.resource(groupVersion: "v1", plural: "namespaces")!
    for name in namespaces {
      _ = try cluster.create(namespaceType, namespace: nil, object: ["metadata": ["name": .string(name)]])
    }
    server = SandboxServer(api: APIHandler(cluster: cluster, serverAddress: "127.0.0.1:0"), configuration: .init())
    let port = try server.start()
    client = HTTPTestClient(baseURL: "http://127.0.0.1:\(port)")
  }

  deinit { server.shutdown() }

  static func pod(_ name: String, image: String = "nginx", labels: JSON = [:]) -> JSON {
    [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "labels": labels],
      "spec": ["containers": [["name": "app", "image": .string(image)]]],
    ]
  }
}
