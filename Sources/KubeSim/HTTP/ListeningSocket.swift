import Foundation

/// The socket the API server listens on, made here so that the server can stop listening at
/// once. Closing NIO's descriptor is not enough: a child being spawned on any thread holds a copy
/// of every descriptor until it execs, and for that moment a closed listener still completes
/// connections, which the kernel then resets. A shutdown stops the socket for every holder, so a
/// crashed kube-apiserver refuses from the moment it goes down.
final class ListeningSocket: Sendable {
  /// The descriptor NIO's server channel takes over, listens on and closes.
  let channelDescriptor: Int32
  /// A duplicate, owned here: it keeps the socket for `stopListening` whatever NIO did with its own.
  private let descriptor: Int32

  /// Takes a bound socket's descriptor; nil, with errno set, when there is none or no duplicate.
  init?(descriptor bound: Int32) {
    guard bound >= 0 else { return nil }
    let duplicate = fcntl(bound, F_DUPFD_CLOEXEC, 0)
    guard duplicate >= 0 else {
      let failure = errno
      close(bound)
      errno = failure
      return nil
    }
    channelDescriptor = bound
    descriptor = duplicate
  }

  deinit {
    close(descriptor)
  }

  /// Stops accepting connections now, in every process that holds the socket; connections
  /// completed but not yet accepted are reset.
  func stopListening() {
    shutdown(descriptor, Int32(SHUT_RD))
  }
}
