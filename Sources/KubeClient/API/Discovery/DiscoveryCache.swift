import Synchronization

/// A client's REST mapper, built from discovery on first use and kept for the client's life
/// (clusters rarely change their resource types during a lab; `refresh` re-reads them).
final class DiscoveryCache: Sendable {
  private let mapper = Mutex<RESTMapper?>(nil)

  var cached: RESTMapper? { mapper.withLock { $0 } }

  func store(_ mapper: RESTMapper) { self.mapper.withLock { $0 = mapper } }
}
