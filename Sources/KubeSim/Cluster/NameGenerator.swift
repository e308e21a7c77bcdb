import Foundation

/// Random names and identifiers in the shapes Kubernetes uses.
public enum NameGenerator {
  /// The alphabet of generated name suffixes: no vowels and no look-alike digits, so no words appear.
  static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  /// A random suffix as `generateName` and the ReplicaSet controller append (5 characters).
  public static func suffix(length: Int = 5) -> String {
    String((0..<length).map { _ in alphabet.randomElement()! })
  }

  public static func uid() -> String { UUID().uuidString.lowercased() }
}
