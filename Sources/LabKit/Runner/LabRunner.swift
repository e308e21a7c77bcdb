import Foundation
import KubeClient
import KubeModel

/// Provisions a lab on a cluster (`kubelab start`) and removes it again (`kubelab stop`).
///
/// Everything a lab creates carries the label `kubelab.io/lab=<id>`: that label, not a memory of
/// what was made, is what `stop` deletes by, so a stop works after a crash or from another shell,
/// and an object the label does not mark is never touched.
public struct LabRunner: Sendable {
  public let lab: Lab
  public let cluster: LabCluster

  /// The lab folder is the directory of `lab.file`.
  public init(lab: Lab, cluster: LabCluster) {
    self.lab = lab
    self.cluster = cluster
  }

  public var labFolder: String { (lab.file as NSString).deletingLastPathComponent }
  private var id: String { lab.id.value }

  /// Provisions the lab: its namespace, then its setup steps in order, then its workdir files
  /// (into `workdir`, by default the current directory). On failure rolls back what it made, then
  /// throws a `RunnerError` naming the step.
  public func start(workdir: String?, progress: @escaping @Sendable (RunnerProgress) -> Void) async throws
    -> Provisioning
  {
    var made = Provisioning(lab: id)
    do {
      try await provision(
        workdir: workdir ?? FileManager.default.currentDirectoryPath, into: &made, progress: progress)
      return made
    } catch {
      var failure =
        error as? RunnerError ?? RunnerError(step: nil, what: "setup", position: nil, reason: "\(error)")
      progress(.rollingBack(failure.reason))
      failure.leftBehind = await undo(made, progress: progress)
      throw failure
    }
  }

  /// Removes what the lab created and nothing else: every object labelled as the lab's of the
  /// resource types its manifests use (in all namespaces), the namespaces labelled as the lab's
  /// (with their contents), and, given the record of a start, the workdir files it copied that the
  /// learner left unchanged. Stopping a stopped lab does nothing. Namespaces are not waited for:
  /// a later `start` waits for one it needs.
  public func stop(provisioning: Provisioning? = nil, progress: @escaping @Sendable (RunnerProgress) -> Void)
    async throws -> Teardown
  {
    var teardown = Teardown()
    var failures: [String] = []
    let options = ListOptions(labelSelector: LabLabel.selector(lab: id))
    for ref in usedResources(provisioning) where ref != .namespaces {
      do {
        for item in try await cluster.client.listAll(ref, allNamespaces: true, options: options) {
          guard let object = try await delete(item, ref, progress: progress) else { continue }
          teardown.deletedObjects.append(object)
        }
      } catch {
        failures.append("\(ref): \(error)")
      }
    }
    do {
      for item in try await cluster.client.listAll(.namespaces, options: options) {
        guard let namespace = try await delete(item, .namespaces, progress: progress) else { continue }
        teardown.deletedNamespaces.append(namespace.name)
      }
    } catch {
      failures.append("namespaces: \(error)")
    }
    if let provisioning { WorkdirCopier.remove(provisioning, into: &teardown, progress: progress) }
    guard failures.isEmpty else {
      throw RunnerError(step: nil, what: "stop", position: nil, reason: failures.joined(separator: "; "))
    }
    return teardown
  }

  // MARK: start

  private func provision(
    workdir: String, into made: inout Provisioning, progress: @escaping @Sendable (RunnerProgress) -> Void
  ) async throws {
    let contexts = lab.setup.enumerated().map { index, step in
      StepContext(step, number: index + 1, labNamespace: lab.namespace, cluster: cluster)
    }
    // Every manifest is read before anything is made: a broken one then fails with nothing to undo.
    var manifests: [Int: [ManifestObject]] = [:]
    for (index, step) in lab.setup.enumerated() {
      guard case .apply(let file) = step else { continue }
      manifests[index] = try await contexts[index].attempt { try readManifest(file.value) }
    }
    let namespaces = NamespaceProvisioner(cluster: cluster, lab: id)
    try await StepContext(number: nil, what: "namespace \(lab.namespace) (the lab's namespace)", position: nil)
      .attempt {
        if try await namespaces.ensure(lab.namespace, progress: progress) { made.namespaces.append(lab.namespace) }
      }
    for (index, step) in lab.setup.enumerated() {
      let context = contexts[index]
      progress(.step(index + 1, of: lab.setup.count, context.what))
      try await context.attempt {
        switch step {
        case .apply:
          try await apply(manifests[index] ?? [], namespaces: namespaces, into: &made, progress: progress)
        case .namespace(let name):
          if try await namespaces.ensure(name.value, progress: progress) { made.namespaces.append(name.value) }
        case .wait(let wait):
          try await SetupWait(step: wait, cluster: cluster, defaultNamespace: lab.namespace).run(progress: progress)
        case .run(let command):
          try await run(command.value)
        }
      }
    }
    try await StepContext(number: nil, what: "copy workdir files", position: lab.workdir.first?.position).attempt {
      try WorkdirCopier(labFolder: labFolder, workdir: workdir).copy(
        lab.workdir.map(\.value), into: &made, progress: progress)
    }
  }

  private func readManifest(_ file: String) throws -> [ManifestObject] {
    try ManifestObject.read(
      file: (labFolder as NSString).appendingPathComponent(file), lab: id, namespace: lab.namespace)
  }

  /// Applies a manifest's objects in order, first making the namespaces they name.
  private func apply(
    _ objects: [ManifestObject], namespaces: NamespaceProvisioner, into made: inout Provisioning,
    progress: @escaping @Sendable (RunnerProgress) -> Void
  ) async throws {
    let applier = ObjectApplier(cluster: cluster, lab: id)
    for object in objects {
      if object.type.namespaced, let namespace = object.namespace, !made.namespaces.contains(namespace),
        try await namespaces.ensure(namespace, progress: progress)
      {
        made.namespaces.append(namespace)
      }
      do {
        if try await applier.apply(object) { made.objects.append(object.record) }
      } catch {
        throw RunnerFailure("\(object.position): \(object.record): \(error)")
      }
      progress(.applied(object.record))
    }
  }

  private func run(_ command: String) async throws {
    let result = await ShellCommand(command, environment: cluster.shellEnvironment, directory: labFolder).run()
    guard !result.succeeded else { return }
    let why = result.failure ?? "it exited with status \(result.status ?? -1)"
    let tail = result.outputTail()
    throw RunnerFailure(tail.isEmpty ? why : "\(why):\n\(tail)")
  }

  /// Deletes what a failed start made, newest first; returns what could not be deleted.
  private func undo(_ made: Provisioning, progress: @escaping @Sendable (RunnerProgress) -> Void) async -> [String] {
    var failures: [String] = []
    let records =
      made.objects.reversed().map { ($0, cluster.ref(kind: $0.kind, apiVersion: $0.apiVersion)) }
      + made.namespaces.reversed().map {
        (Provisioning.Object(apiVersion: "v1", kind: "Namespace", namespace: nil, name: $0), ResourceRef.namespaces)
      }
    for (object, ref) in records {
      guard let ref else { continue }
      do {
        try await cluster.client.delete(ref, name: object.name, namespace: object.namespace)
        progress(.deleted(object.description))
      } catch  where !error.isNotFound {
        failures.append("\(object): \(error)")
      } catch {}
    }
    var teardown = Teardown()
    WorkdirCopier.remove(made, into: &teardown, progress: progress)
    return failures
  }

  // MARK: stop

  /// The resource types of the lab's manifests (those that still read) and of the objects a start
  /// recorded.
  private func usedResources(_ provisioning: Provisioning?) -> [ResourceRef] {
    var refs: [ResourceRef] = []
    for case .apply(let file) in lab.setup {
      for object in (try? readManifest(file.value)) ?? [] {
        var ref = cluster.ref(object.type)
        ref.version = object.version
        refs.append(ref)
      }
    }
    refs += (provisioning?.objects ?? []).compactMap { cluster.ref(kind: $0.kind, apiVersion: $0.apiVersion) }
    var seen = Set<String>()
    return refs.filter { seen.insert($0.description).inserted }
  }

  /// Deletes one listed object if it carries the lab's label and is not already going; nil when
  /// nothing was deleted.
  private func delete(_ item: JSON, _ ref: ResourceRef, progress: @Sendable (RunnerProgress) -> Void) async throws
    -> Provisioning.Object?
  {
    guard LabLabel.marks(item, lab: id), item[path: ["metadata", "deletionTimestamp"]] == nil,
      let name = item[path: ["metadata", "name"]]?.stringValue
    else { return nil }
    let namespace = ref.namespaced ? item[path: ["metadata", "namespace"]]?.stringValue : nil
    let apiVersion = ref.group.isEmpty ? ref.version : "\(ref.group)/\(ref.version)"
    let object = Provisioning.Object(apiVersion: apiVersion, kind: ref.kind, namespace: namespace, name: name)
    do {
      try await cluster.client.delete(ref, name: name, namespace: namespace)
    } catch  where error.isNotFound {
      return nil
    }
    progress(.deleted(object.description))
    return object
  }
}
