/// The names a pod's resolver asks for, from its /etc/resolv.conf (`search`, `options ndots:N`).
public enum ResolverSearch {
  /// What the kubelet writes for a pod of `namespace` (dnsPolicy ClusterFirst).
  public static func searchList(namespace: String) -> [String] {
    ["\(namespace).svc.\(ClusterDNS.domain)", "svc.\(ClusterDNS.domain)", ClusterDNS.domain]
  }

  /// The queries for `name`, in order. A name ending in a dot is absolute; one with fewer than
  /// `ndots` dots tries the search list first, then itself if it has a dot (a bare word is never
  /// asked of the root); a name with more is asked first as it is, then under the search list.
  public static func candidates(_ name: String, search: [String], ndots: Int) -> [String] {
    if name.hasSuffix(".") { return [String(name.dropLast())] }
    let searched = search.map { name + "." + $0 }
    let dots = name.filter { $0 == "." }.count
    if dots >= ndots { return [name] + searched }
    return searched + (dots > 0 ? [name] : [])
  }
}
