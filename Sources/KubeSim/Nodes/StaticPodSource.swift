import Crypto
import Foundation
import KubeModel

/// The kubelets' file source: every node's staticPodPath is read again each second, and each pod
/// found there runs as a mirror pod `NAME-NODE`. A file added, edited or removed adds, recreates or
/// deletes its mirror pod; a mirror pod deleted through the API comes back; a file that does not
/// parse is logged and its pod goes away, as the real kubelet does. etcd's manifest also says
/// where the cluster's data lives (`EtcdDataMount`).
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class StaticPodSource: @unchecked Sendable {
  static let scanInterval: TimeInterval = 1

  private let cluster: Cluster
  private let services: NodeServices
  private let trees: NodeTrees
  private let controlPlane: ControlPlaneHealth
  private let etcdData: EtcdDataMount
  /// Per node: the content hash each mirror pod was made from, by pod key.
  private var known: [String: [ObjectKey: String]] = [:]
  /// Unparseable files already logged, so the journal gets one line per bad version.
  private var reported: Set<String> = []
  private var stopped = false

  init(cluster: Cluster, services: NodeServices, trees: NodeTrees, controlPlane: ControlPlaneHealth) {
    self.cluster = cluster
    self.services = services
    self.trees = trees
    self.controlPlane = controlPlane
    etcdData = EtcdDataMount(cluster: cluster, trees: trees)
  }

  /// Starts scanning on the cluster's queue.
  func start() {
    cluster.queue.async { [weak self] in self?.tick() }
  }

  func stop() {
    cluster.queue.async { [weak self] in self?.stopped = true }
  }

  private func tick() {
    guard !stopped else { return }
    scanAll()
    cluster.schedule(after: Self.scanInterval) { [weak self] in self?.tick() }
  }

  /// Reads every node's folder once; on the cluster queue.
  func scanAll() {
    for node in cluster.store.list(resource: "nodes", namespace: nil).items {
      guard let name = node[path: ["metadata", "name"]]?.stringValue else { continue }
      scan(name)
    }
  }

  private struct Manifest {
    var file: String
    var hash: String
    var pod: JSON
  }

  private func scan(_ node: String) {
    guard trees.exists(node), let folder = services.staticPodPath(on: node) else { return }
    let directory = trees.hostPath(folder, on: node)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
    var wanted: [ObjectKey: Manifest] = [:]
    for name in names {
      let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
        continue
      }
      let hash = SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined()
      switch Self.parse(String(decoding: data, as: UTF8.self), path: path) {
      case .success(let pod):
        let namespace = pod[path: ["metadata", "namespace"]]?.stringValue ?? "default"
        let podName = (pod[path: ["metadata", "name"]]?.stringValue ?? "") + "-" + node
        wanted[ObjectKey(resource: "pods", namespace: namespace, name: podName)] = Manifest(
          file: path, hash: hash, pod: pod)
      case .failure(let error):
        if reported.insert(path + hash).inserted {
          let quoted = error.message.replacingOccurrences(of: "\"", with: "\\\"")
          services.kubeletLog(
            node, severity: "E", location: "file.go:187",
            "\"Could not process manifest file\" err=\"\(quoted)\" path=\"\(path)\"")
        }
      }
    }
    // etcd moved to another data folder serves that folder's cluster before any pod is compared.
    for manifest in wanted.values { etcdData.follow(manifest.pod, node: node) }
    let first = known[node] == nil
    var seen = known[node] ?? [:]
    for (key, manifest) in wanted {
      controlPlane.review(manifest.pod, node: node, trees: trees, now: cluster.now())
      let existing = cluster.store.get(key)
      if first, let existing,
        existing[path: ["metadata", "annotations", "kubernetes.io/config.source"]]?.stringValue == "file"
      {
        seen[key] = manifest.hash
        continue
      }
      if seen[key] == manifest.hash, existing != nil { continue }
      if existing?[path: ["metadata", "deletionTimestamp"]] != nil { continue }
      if existing != nil { _ = cluster.store.remove(key) }
      createMirror(manifest, key: key, node: node)
      seen[key] = manifest.hash
    }
    for (key, _) in seen where wanted[key] == nil {
      seen[key] = nil
      if let existing = cluster.store.get(key) {
        controlPlane.removed(existing)
        _ = cluster.store.remove(key)
      }
    }
    known[node] = seen
  }

  private func createMirror(_ manifest: Manifest, key: ObjectKey, node: String) {
    var pod = manifest.pod
    pod[path: ["metadata", "name"]] = .string(key.name)
    pod[path: ["metadata", "namespace"]] = .string(key.namespace)
    var annotations = pod[path: ["metadata", "annotations"]]?.objectValue ?? [:]
    annotations["kubernetes.io/config.hash"] = .string(manifest.hash)
    annotations["kubernetes.io/config.mirror"] = .string(manifest.hash)
    annotations["kubernetes.io/config.seen"] = .string(APITimestamp.string(cluster.now()))
    annotations["kubernetes.io/config.source"] = "file"
    pod[path: ["metadata", "annotations"]] = .object(annotations)
    if let nodeObject = cluster.store.get(ObjectKey(resource: "nodes", namespace: "", name: node)) {
      pod[path: ["metadata", "ownerReferences"]] = [
        [
          "apiVersion": "v1", "kind": "Node", "name": .string(node), "controller": true,
          "uid": nodeObject[path: ["metadata", "uid"]] ?? "",
        ]
      ]
    }
    pod[path: ["metadata", "creationTimestamp"]] = nil
    pod["status"] = nil
    pod[path: ["spec", "nodeName"]] = .string(node)
    if pod[path: ["spec", "tolerations"]] == nil {
      pod[path: ["spec", "tolerations"]] = [["effect": "NoExecute", "operator": "Exists"]]
    }
    guard let resource = cluster.catalog.resource(groupVersion: "v1", plural: "pods") else { return }
    do {
      _ = try cluster.create(resource, namespace: key.namespace, object: pod)
    } catch {
      services.kubeletLog(
        node, severity: "E", location: "kubelet.go:3311",
        "\"Failed creating a mirror pod\" err=\"\(error)\" pod=\"\(key.namespace)/\(key.name)\"")
    }
  }

  /// A manifest as the kubelet decodes it: one Pod, in YAML or JSON.
  static func parse(_ text: String, path: String) -> Result<JSON, StaticPodError> {
    let documents: [JSON]
    do {
      documents = try YAML.decodeJSON(text, file: path)
    } catch let error as YAMLError {
      return .failure(
        StaticPodError(
          "\(path): couldn't parse as pod(yaml: line \(error.position.line): \(error.message)), please check config file"
        ))
    } catch {
      return .failure(StaticPodError("\(path): couldn't parse as pod(\(error)), please check config file"))
    }
    guard let pod = documents.first, case .object = pod else {
      return .failure(
        StaticPodError("\(path): couldn't parse as pod(Object 'Kind' is missing in 'null'), please check config file"))
    }
    guard pod["kind"]?.stringValue == "Pod" else {
      let kind = pod["kind"]?.stringValue ?? ""
      return .failure(
        StaticPodError(
          "\(path): couldn't parse as pod("
            + (kind.isEmpty ? "Object 'Kind' is missing in '\(text.prefix(40))'" : "no kind \"\(kind)\" is registered")
            + "), please check config file"))
    }
    return .success(pod)
  }
}

struct StaticPodError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
