import Foundation

/// Descriptors 0, 1 and 2 are always open. A parent that closed one (a CI runner with no standard
/// input) otherwise hands its number to the first descriptor kubelab opens: a sandbox started so
/// had an event loop's epoll as "stdin", and under the test suite's load its TLS handshakes stalled
/// past kubectl's 10 s limit.
enum StandardDescriptors {
  static func reserve() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
      let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != descriptor {
        dup2(null, descriptor)
        close(null)
      }
    }
  }
}
