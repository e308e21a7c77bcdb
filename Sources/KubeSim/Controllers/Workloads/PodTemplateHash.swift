import KubeModel

/// The `pod-template-hash` a Deployment gives the ReplicaSet of one pod template: a 32-bit FNV-1a
/// hash of the template (and the collision count), written in decimal and each digit mapped into
/// the vowel-free name alphabet, as the real controller shapes it (up to 10 characters).
enum PodTemplateHash {
  static let label = "pod-template-hash"

  static func hash(of template: JSON, collisionCount: Int = 0) -> String {
    var hasher = FNV1a()
    hasher.feed(template)
    if collisionCount > 0 { hasher.feed("collision:\(collisionCount)") }
    let alphabet = NameGenerator.alphabet
    return String(String(hasher.value).utf8.map { alphabet[Int($0) % alphabet.count] })
  }

  /// The template without the hash label, for comparing a ReplicaSet's template with a Deployment's.
  static func withoutHashLabel(_ template: JSON?) -> JSON {
    var stripped = template ?? [:]
    if var labels = stripped[path: ["metadata", "labels"]]?.objectValue {
      labels[label] = nil
      stripped[path: ["metadata", "labels"]] = labels.isEmpty ? nil : .object(labels)
    }
    return stripped
  }
}

/// FNV-1a over a JSON value with object members in key order, so key order never changes the hash.
private struct FNV1a {
  private(set) var value: UInt32 = 2_166_136_261

  mutating func feed(_ text: String) {
    for byte in text.utf8 {
      value ^= UInt32(byte)
      value = value &* 16_777_619
    }
  }

  mutating func feed(_ json: JSON) {
    switch json {
    case .null: feed("n;")
    case .bool(let flag): feed(flag ? "t;" : "f;")
    case .int(let number): feed("i\(number);")
    case .double(let number): feed("d\(number);")
    case .string(let text): feed("s\(text.utf8.count):\(text);")
    case .array(let items):
      feed("[")
      for item in items { feed(item) }
      feed("]")
    case .object(let members):
      feed("{")
      for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        feed(.string(key))
        if let member = members[key] { feed(member) }
      }
      feed("}")
    }
  }
}
