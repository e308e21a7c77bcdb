/// The Kubernetes releases pkgs.k8s.io serves, one repository per minor, and what kubeadm of each
/// minor installs beside the control plane.
enum KubernetesReleases {
  struct Minor {
    var latestPatch: Int
    var etcd: String
    var coreDNS: String
  }

  static let minors: [Int: Minor] = [
    30: Minor(latestPatch: 14, etcd: "3.5.15-0", coreDNS: "v1.11.3"),
    31: Minor(latestPatch: 13, etcd: "3.5.15-0", coreDNS: "v1.11.3"),
    32: Minor(latestPatch: 9, etcd: "3.5.16-0", coreDNS: "v1.11.3"),
    33: Minor(latestPatch: 5, etcd: "3.5.21-0", coreDNS: "v1.12.0"),
    34: Minor(latestPatch: 1, etcd: "3.6.4-0", coreDNS: "v1.12.1"),
  ]

  /// The Debian versions of a minor's repository, newest first (`1.33.5-1.1`, …).
  static func packageVersions(minor: Int) -> [String] {
    guard let latest = minors[minor]?.latestPatch else { return [] }
    return (0...latest).reversed().map { "1.\(minor).\($0)-1.1" }
  }

  /// The minor a `v1.33` series or `v1.33.1` release names.
  static func minor(_ version: String) -> Int? {
    let parts = version.drop { $0 == "v" }.split(separator: ".")
    return parts.count >= 2 ? Int(parts[1]) : nil
  }
}

/// A `v1.33.1` release, ordered as semantic versions are.
struct Release: Comparable, CustomStringConvertible {
  var major: Int
  var minor: Int
  var patch: Int

  /// Reads `v1.33.1`, `1.33.1` or a Debian version `1.33.1-1.1`.
  init?(_ text: String) {
    let core = text.drop { $0 == "v" }.split(separator: "-").first ?? ""
    let parts = core.split(separator: ".").map { Int($0) }
    guard parts.count == 3, let major = parts[0], let minor = parts[1], let patch = parts[2] else { return nil }
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  init(major: Int = 1, minor: Int, patch: Int) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  var description: String { "v\(major).\(minor).\(patch)" }
  var bare: String { "\(major).\(minor).\(patch)" }

  static func < (lhs: Release, rhs: Release) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }

  /// The newest release of this release's minor that pkgs.k8s.io serves.
  static func latest(minor: Int) -> Release? {
    KubernetesReleases.minors[minor].map { Release(minor: minor, patch: $0.latestPatch) }
  }
}
