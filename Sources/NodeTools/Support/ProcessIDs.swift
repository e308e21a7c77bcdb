/// Process IDs for simulated processes: stable for the same container, in the range a busy node's
/// PIDs fall in.
enum ProcessIDs {
  static func pid(for id: String) -> Int {
    1000 + id.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 60_000 }
  }
}
