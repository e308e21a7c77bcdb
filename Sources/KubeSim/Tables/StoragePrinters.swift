import Foundation
import KubeModel

/// PersistentVolumes, PersistentVolumeClaims and StorageClasses.
enum StoragePrinters {
  static let persistentVolumes = TablePrinter(
    columns: [
      .name,
      .text("Capacity", "Storage capacity of the volume."),
      .text("Access Modes", "How the volume can be mounted: RWO, ROX, RWX, RWOP."),
      .text("Reclaim Policy", "What happens to the volume when its claim is released."),
      .text("Status", "Phase of the volume."),
      .text("Claim", "The claim bound to the volume, as namespace/name."),
      .text("StorageClass", "Storage class of the volume."),
      .text("VolumeAttributesClass", "Volume attributes class of the volume."),
      .text("Reason", "Why the volume is in its phase."),
      .age,
      .text("VolumeMode", "Filesystem or Block.", wide: true),
    ]
  ) { volume, now in
    let spec = volume["spec"]
    let claim = spec["claimRef"]
    return [
      .string(volume.name), .string(spec["capacity", "storage"].quantity), .string(accessModes(spec["accessModes"])),
      .string(spec["persistentVolumeReclaimPolicy"].string), .string(phase(volume)),
      .string(claim.isSet ? "\(claim["namespace"].string)/\(claim["name"].string)" : ""),
      .string(storageClass(volume)), .string(spec["volumeAttributesClassName"].optionalString ?? "<unset>"),
      .string(volume["status", "reason"].string), volume.age(at: now),
      .string(spec["volumeMode"].optionalString ?? "<unset>"),
    ]
  }

  static let persistentVolumeClaims = TablePrinter(
    columns: [
      .name,
      .text("Status", "Phase of the claim."),
      .text("Volume", "The volume bound to the claim."),
      .text("Capacity", "Capacity of the bound volume."),
      .text("Access Modes", "Access modes of the bound volume."),
      .text("StorageClass", "Storage class of the claim."),
      .text("VolumeAttributesClass", "Volume attributes class of the claim."),
      .age,
      .text("VolumeMode", "Filesystem or Block.", wide: true),
    ]
  ) { claim, now in
    let spec = claim["spec"]
    let volumeName = spec["volumeName"].string
    // Capacity and access modes describe the bound volume, so they stay empty until binding.
    let bound = !volumeName.isEmpty
    return [
      .string(claim.name), .string(phase(claim)), .string(volumeName),
      .string(bound ? claim["status", "capacity", "storage"].quantity : ""),
      .string(bound ? accessModes(claim["status", "accessModes"]) : ""), .string(storageClass(claim)),
      .string(spec["volumeAttributesClassName"].optionalString ?? "<unset>"), claim.age(at: now),
      .string(spec["volumeMode"].optionalString ?? "<unset>"),
    ]
  }

  static let storageClasses = TablePrinter(
    columns: [
      .name,
      .text("Provisioner", "The volume plugin that provisions volumes of the class."),
      .text("ReclaimPolicy", "Reclaim policy of provisioned volumes."),
      .text("VolumeBindingMode", "When volumes are bound: Immediate or WaitForFirstConsumer."),
      .text("AllowVolumeExpansion", "Whether claims of the class may grow."),
      .age,
    ]
  ) { storageClass, now in
    let annotations = storageClass["metadata", "annotations"]
    let isDefault =
      annotations["storageclass.kubernetes.io/is-default-class"].string == "true"
      || annotations["storageclass.beta.kubernetes.io/is-default-class"].string == "true"
    return [
      .string(storageClass.name + (isDefault ? " (default)" : "")), .string(storageClass["provisioner"].string),
      .string(storageClass["reclaimPolicy"].optionalString ?? "Delete"),
      .string(storageClass["volumeBindingMode"].optionalString ?? "Immediate"),
      .bool(storageClass["allowVolumeExpansion"].bool), storageClass.age(at: now),
    ]
  }

  /// Access modes abbreviated in a fixed order, duplicates dropped: `RWO,ROX,RWX,RWOP`.
  private static func accessModes(_ modes: PrintedObject) -> String {
    let present = Set(modes.items.map(\.string))
    let abbreviations = [
      ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP"),
    ]
    return abbreviations.filter { present.contains($0.0) }.map(\.1).joined(separator: ",")
  }

  private static func phase(_ object: PrintedObject) -> String {
    object["metadata", "deletionTimestamp"].isSet ? "Terminating" : object["status", "phase"].string
  }

  // The legacy beta annotation still wins over spec.storageClassName.
  private static func storageClass(_ object: PrintedObject) -> String {
    object["metadata", "annotations", "volume.beta.kubernetes.io/storage-class"].optionalString
      ?? object["spec", "storageClassName"].string
  }
}
