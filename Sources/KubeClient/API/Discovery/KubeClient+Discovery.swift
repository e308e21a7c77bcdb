import KubeModel

extension KubeClient {
  /// The REST mapper of this cluster, from discovery; cached after the first call.
  public func restMapper(refresh: Bool = false) async throws -> RESTMapper {
    if !refresh, let cached = discoveryCache.cached { return cached }
    let mapper = RESTMapper(resources: try await APIDiscovery(client: self).resources())
    discoveryCache.store(mapper)
    return mapper
  }

  /// Resolves a resource name as kubectl does (`po`, `deployments.apps`, `Pod`). An unknown
  /// name re-reads discovery once, in case a CRD was installed since it was cached.
  public func resource(_ name: String) async throws -> ResourceRef {
    let wasCached = discoveryCache.cached != nil
    do {
      return try await restMapper().resolve(name)
    } catch KubeClientError.unknownResource where wasCached {
      return try await restMapper(refresh: true).resolve(name)
    }
  }
}
