import KubeModel

/// The registry of printers, keyed by resource (plural name) and API group.
public enum TablePrinters {
  /// The printer for a resource of a group (`""` for the core group); resources without a printer
  /// of their own get the server's default NAME / CREATED AT columns.
  public static func printer(resource: String, group: String) -> TablePrinter {
    registry[GroupResource(group: group, resource: resource)] ?? DefaultPrinter.printer
  }

  private static let registry: [GroupResource: TablePrinter] = {
    let byGroup: [String: [String: TablePrinter]] = [
      "": [
        "pods": PodPrinter.printer, "nodes": NodePrinter.printer, "events": EventPrinter.printer,
        "namespaces": ConfigPrinters.namespaces, "configmaps": ConfigPrinters.configMaps,
        "secrets": ConfigPrinters.secrets, "serviceaccounts": ConfigPrinters.serviceAccounts,
        "resourcequotas": ConfigPrinters.resourceQuotas,
        "services": NetworkPrinters.services, "endpoints": NetworkPrinters.endpoints,
        "replicationcontrollers": WorkloadPrinters.replicationControllers,
        "persistentvolumes": StoragePrinters.persistentVolumes,
        "persistentvolumeclaims": StoragePrinters.persistentVolumeClaims,
      ],
      "apps": [
        "deployments": WorkloadPrinters.deployments, "replicasets": WorkloadPrinters.replicaSets,
        "daemonsets": WorkloadPrinters.daemonSets, "statefulsets": WorkloadPrinters.statefulSets,
        "controllerrevisions": WorkloadPrinters.controllerRevisions,
      ],
      "batch": ["jobs": BatchPrinters.jobs, "cronjobs": BatchPrinters.cronJobs],
      "rbac.authorization.k8s.io": [
        "rolebindings": RBACPrinters.roleBindings, "clusterrolebindings": RBACPrinters.clusterRoleBindings,
      ],
      "networking.k8s.io": [
        "ingresses": NetworkPrinters.ingresses, "ingressclasses": NetworkPrinters.ingressClasses,
        "networkpolicies": NetworkPrinters.networkPolicies,
      ],
      "discovery.k8s.io": ["endpointslices": NetworkPrinters.endpointSlices],
      "storage.k8s.io": ["storageclasses": StoragePrinters.storageClasses],
      "coordination.k8s.io": ["leases": ConfigPrinters.leases],
      "scheduling.k8s.io": ["priorityclasses": SchedulingPrinters.priorityClasses],
      "policy": ["poddisruptionbudgets": SchedulingPrinters.podDisruptionBudgets],
      "autoscaling": ["horizontalpodautoscalers": SchedulingPrinters.horizontalPodAutoscalers],
    ]
    var registry: [GroupResource: TablePrinter] = [:]
    for (group, printers) in byGroup {
      for (resource, printer) in printers { registry[GroupResource(group: group, resource: resource)] = printer }
    }
    return registry
  }()
}
