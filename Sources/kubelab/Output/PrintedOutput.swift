import Foundation

enum PrintedOutput {
  /// Sends on what `print` buffered, so whoever reads the pipe or terminal sees it now. Every C
  /// stream is flushed: glibc's global `stdout` is shared mutable state Swift 6 will not name.
  static func flush() { fflush(nil) }
}
