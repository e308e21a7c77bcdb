import Foundation
import KubeModel
import Synchronization

/// The simulated cluster's API semantics: what create, update, patch and delete do to stored
/// objects, independent of HTTP. The REST layer and the controllers both go through it.
/// `@unchecked Sendable`: `nodeServices` is a `var` only because it is made in `init` from `self`;
/// it is never assigned again, which the compiler cannot see. The rest is immutable or locked.
public final class Cluster: @unchecked Sendable {
  public let store: ObjectStore
  public let catalog: ServedCatalog
  public let admission: Admission
  public let logs = PodLogs()
  /// What runs shell images' containers as real processes; nil keeps every container simulated.
  public var containerEngine: (any ContainerEngine)? {
    get { engine.withLock { $0 } }
    set { engine.withLock { $0 = newValue } }
  }
  private let engine = Mutex<(any ContainerEngine)?>(nil)
  /// Keys etcd clients put beside the objects (`etcdctl put`).
  public let etcdKeys = EtcdKeyValues()
  /// The Kubernetes packages installed on each node (`apt-get install kubelet=…`).
  public let nodePackages = NodePackages()
  /// Background work (graceful deletion, garbage collection) runs here, one change at a time.
  let queue = DispatchQueue(label: "kubelab.sandbox.cluster")
  /// Where every timestamp and every timer of this cluster and its controllers comes from.
  public let clock: any SandboxClock
  /// How long a graceful deletion lasts at most: real grace periods are compressed to this.
  public let maximumGracePeriod: TimeInterval
  /// The cluster CA's certificate (PEM) that every namespace's kube-root-ca.crt ConfigMap carries.
  public let caPEM: String
  private let reportedVersion = Mutex(ServerVersion())

  /// The release the API server reports at /version: the version of its running image, which a
  /// topology sets and `kubeadm upgrade apply` moves.
  public var serverVersion: ServerVersion {
    get { reportedVersion.withLock { $0 } }
    set { reportedVersion.withLock { $0 = newValue } }
  }
  /// The nodes' systemd services and journals (kubelet, containerd).
  public private(set) var nodeServices: NodeServices!
  /// Whether the static control-plane pods can run, judged from their manifests.
  public let controlPlane = ControlPlaneHealth()

  public init(
    catalog: ServedCatalog = .builtIn, store: ObjectStore = ObjectStore(), admission: Admission = Admission(),
    clock: any SandboxClock = SystemClock(), maximumGracePeriod: TimeInterval = 1, caPEM: String = ""
  ) {
    self.catalog = catalog
    self.store = store
    self.admission = admission
    self.clock = clock
    self.maximumGracePeriod = maximumGracePeriod
    self.caPEM = caPEM
    nodeServices = NodeServices(cluster: self)
  }

  public func now() -> Date { clock.now }

  /// Runs `work` on the cluster's queue once the clock reaches `time`.
  func schedule(at time: Date, _ work: @escaping @Sendable () -> Void) {
    clock.schedule(at: time, on: queue, work)
  }

  /// Runs `work` on the cluster's queue `delay` seconds from now on the cluster's clock.
  func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) {
    schedule(at: now().addingTimeInterval(max(0, delay)), work)
  }

  func key(_ resource: ServedResource, namespace: String?, name: String) -> ObjectKey {
    ObjectKey(resource: resource.groupResource, namespace: resource.namespaced ? namespace ?? "" : "", name: name)
  }

  var namespaces: ServedResource { catalog.resource(groupVersion: "v1", plural: "namespaces")! }

  public func get(_ resource: ServedResource, namespace: String?, name: String) throws -> JSON {
    guard let object = store.get(key(resource, namespace: namespace, name: name)) else {
      throw APIError.notFound(resource, name: name)
    }
    return object
  }

  public func list(_ resource: ServedResource, namespace: String?) -> (items: [JSON], resourceVersion: Int) {
    store.list(resource: resource.groupResource, namespace: resource.namespaced ? namespace : nil)
  }

  /// Checks that a namespaced write targets a namespace that exists and is not being deleted.
  /// `name` is the object's, which the real server's refusal names.
  func requireNamespace(_ resource: ServedResource, _ namespace: String?, creating: Bool, name: String = "") throws {
    guard resource.namespaced else { return }
    guard let namespace, !namespace.isEmpty else {
      throw APIError.badRequest("the server could not find the requested resource")
    }
    guard let object = store.get(key(namespaces, namespace: nil, name: namespace)) else {
      throw APIError.namespaceNotFound(namespace)
    }
    if creating, object[path: ["metadata", "deletionTimestamp"]] != nil {
      throw APIError.forbidden(
        resource, name: name,
        reason: "unable to create new content in namespace \(namespace) because it is being terminated")
    }
  }

  // MARK: create

  public func create(
    _ resource: ServedResource, namespace: String?, object input: JSON, options: WriteOptions = .init()
  )
    throws -> WriteResult
  {
    var object = try checkTypeMeta(input, resource)
    let warnings = try admission.checkFields(&object, resource, options.fieldValidation)
    if resource.namespaced {
      if let declared = object[path: ["metadata", "namespace"]]?.stringValue, !declared.isEmpty, declared != namespace {
        throw APIError.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request")
      }
      object[path: ["metadata", "namespace"]] = namespace.map(JSON.string)
    } else {
      object[path: ["metadata", "namespace"]] = nil
    }
    var name = object[path: ["metadata", "name"]]?.stringValue ?? ""
    if name.isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
      name = prefix + NameGenerator.suffix()
      object[path: ["metadata", "name"]] = .string(name)
    }
    try admission.validateName(object, resource)
    try requireNamespace(resource, namespace, creating: true, name: name)
    stampCreation(&object, resource)
    // A new pod starts with no status, as the real server's PrepareForCreate makes it: `kubectl
    // replace --force -f` of `get -o yaml` output must not hand the kubelet the old pod's containers.
    if resource.kind == "Pod" { object["status"] = nil }
    admission.setDefaults(&object, resource, cluster: self)
    try admission.validate(object, old: nil, resource)
    if options.dryRun {
      object[path: ["metadata", "resourceVersion"]] = nil
      return WriteResult(object: object, warnings: warnings)
    }
    guard let stored = store.insert(object, at: key(resource, namespace: namespace, name: name)) else {
      throw APIError.alreadyExists(resource, name: name)
    }
    return WriteResult(object: stored, warnings: warnings)
  }

  private func stampCreation(_ object: inout JSON, _ resource: ServedResource) {
    var metadata = object["metadata"]?.objectValue ?? [:]
    metadata["uid"] = .string(NameGenerator.uid())
    metadata["resourceVersion"] = nil
    metadata["creationTimestamp"] = .string(APITimestamp.string(now()))
    metadata["deletionTimestamp"] = nil
    metadata["deletionGracePeriodSeconds"] = nil
    if resource.tracksGeneration { metadata["generation"] = 1 } else { metadata["generation"] = nil }
    object["metadata"] = .object(orderedMetadata(metadata))
  }

  /// The real server prints metadata keys in its struct order; kubectl users read them that way.
  func orderedMetadata(_ metadata: JSONObject) -> JSONObject {
    let order = [
      "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
      "managedFields",
    ]
    var ordered = JSONObject()
    for key in order { if let value = metadata[key] { ordered[key] = value } }
    for (key, value) in metadata where ordered[key] == nil { ordered[key] = value }
    return ordered
  }

  /// Fills a missing kind/apiVersion and rejects a body meant for another resource.
  func checkTypeMeta(_ input: JSON, _ resource: ServedResource) throws -> JSON {
    guard case .object = input else {
      throw APIError.badRequest("the object provided is not a JSON object")
    }
    var object = input
    if let apiVersion = object["apiVersion"]?.stringValue, !apiVersion.isEmpty, apiVersion != resource.apiVersion {
      throw APIError.badRequest(
        "the API version in the data (\(apiVersion)) does not match the expected API version (\(resource.apiVersion))")
    }
    if let kind = object["kind"]?.stringValue, !kind.isEmpty, kind != resource.kind {
      throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(resource.kind))")
    }
    var typed: JSONObject = ["kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion)]
    for (key, value) in object.objectValue ?? [:] where key != "kind" && key != "apiVersion" { typed[key] = value }
    object = .object(typed)
    if object["metadata"]?.objectValue == nil { object["metadata"] = .object([:]) }
    return object
  }
}
