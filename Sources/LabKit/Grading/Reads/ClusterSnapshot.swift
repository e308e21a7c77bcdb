import KubeClient
import KubeModel

/// The objects one grading pass has read, by read, and how many requests that took. Checks and
/// computed answers are evaluated against it in memory; `within` polling refreshes single reads.
///
/// Owned by one grading pass and used from its task only, one request at a time on the cluster's
/// client (which keeps one connection alive).
final class ClusterSnapshot {
  /// What one read found: the objects it listed, or why it could not list them.
  enum Outcome {
    case objects([JSON])
    case failed(String)
  }

  private let cluster: LabCluster
  private var outcomes: [ReadKey: Outcome] = [:]
  private(set) var requests = 0

  init(cluster: LabCluster) {
    self.cluster = cluster
  }

  /// Reads each key that has not been read yet.
  func read(_ keys: [ReadKey]) async {
    for key in keys where outcomes[key] == nil { outcomes[key] = await list(key) }
  }

  /// Reads the keys again, for a check polled until it passes.
  func refresh(_ keys: [ReadKey]) async {
    for key in keys { outcomes[key] = await list(key) }
  }

  func outcome(_ key: ReadKey) -> Outcome {
    outcomes[key] ?? .failed("\(key.description) was not read")
  }

  private func list(_ key: ReadKey) async -> Outcome {
    let options = ListOptions(
      labelSelector: key.labelSelector?.description, fieldSelector: key.fieldSelector?.description)
    var items: [JSON] = []
    do {
      for try await page in cluster.client.pages(cluster.ref(key.resource), namespace: key.namespace, options: options)
      {
        requests += 1
        items += page["items"]?.arrayValue ?? []
      }
      return .objects(items)
    } catch let error as KubeClientError {
      requests += 1
      // A list in a namespace that does not exist: nothing is there.
      if error.status?.code == 404 { return .objects([]) }
      return .failed("cannot list \(key.description): \(error.description)")
    } catch {
      requests += 1
      return .failed("cannot list \(key.description): \(error)")
    }
  }
}
