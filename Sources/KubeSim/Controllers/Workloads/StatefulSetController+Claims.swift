import KubeModel

extension StatefulSetController {
  /// Creates the claims a pod of the set needs, one per `volumeClaimTemplates` entry named
  /// `<template>-<pod>` and labelled with the set's selector, unless they exist (they outlive the
  /// pod, as under the default Retain policy); returns the pod's volumes with those claims
  /// mounted under the templates' names.
  func volumes(for set: JSON, pod name: String, namespace: String, existing: [JSON]) -> [JSON] {
    guard let claimsType = cluster.catalog.resource(groupVersion: "v1", plural: "persistentvolumeclaims") else {
      return existing
    }
    var volumes = existing
    let selectorLabels = set[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:]
    for template in set[path: ["spec", "volumeClaimTemplates"]]?.arrayValue ?? [] {
      guard let volume = template[path: ["metadata", "name"]]?.stringValue else { continue }
      let claimName = "\(volume)-\(name)"
      if (try? cluster.get(claimsType, namespace: namespace, name: claimName)) == nil {
        var labels = template[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in selectorLabels { labels[key] = value }
        var metadata: JSONObject = ["name": .string(claimName), "namespace": .string(namespace)]
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        if let annotations = template[path: ["metadata", "annotations"]] { metadata["annotations"] = annotations }
        let claim: JSON = [
          "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": .object(metadata),
          "spec": template["spec"] ?? [:], "status": ["phase": "Pending"],
        ]
        _ = try? cluster.create(claimsType, namespace: namespace, object: claim)
      }
      volumes.removeAll { $0["name"]?.stringValue == volume }
      volumes.append(["name": .string(volume), "persistentVolumeClaim": ["claimName": .string(claimName)]])
    }
    return volumes
  }
}
