import Foundation

/// A client's REST mapper, built from discovery on first use and kept for the client's life
/// (clusters rarely change their resource types during a lab; `refresh` re-reads them).
final class DiscoveryCache: @unchecked Sendable {
  private let lock = NSLock()
  private var mapper: RESTMapper?

  var cached: RESTMapper? { lock.withLock { mapper } }

  func store(_ mapper: RESTMapper) { lock.withLock { self.mapper = mapper } }
}
