/// A child process that could not start, with the program and the system's reason.
public struct ProcessStartError: Error, CustomStringConvertible, Sendable {
  public var executable: String
  public var reason: String

  public var description: String { "cannot start \(executable): \(reason)" }
}
