import KubeSim
import Testing

@testable import ContainerHost

/// The network commands' own parts: busybox's option syntax, wget's URLs, a pod's resolv.conf,
/// and nslookup's output as busybox 1.35 prints it.
@Suite struct PodNetworkCommandTests {
  @Test func optionsAreReadAsBusyboxReadsThem() throws {
    let nc = try #require(BusyboxOptions(["-zvw2", "-v", "api", "80"], short: "nvzw:p:"))
    #expect(nc.flags["v"] == 2 && nc.has("z") && nc.value("w") == "2" && nc.operands == ["api", "80"])
    let wget = try #require(
      BusyboxOptions(["-qO-", "--timeout=3", "--spider", "http://x"], short: "qO:T:S", long: Wget.longOptions))
    #expect(wget.value("O") == "-" && wget.value("T") == "3" && wget.has("s") && wget.operands == ["http://x"])
    // Unknown options and missing values go to busybox's own applet for its real error.
    #expect(BusyboxOptions(["-l", "-p", "80"], short: "nvzw:p:") == nil)
    #expect(BusyboxOptions(["-w"], short: "nvzw:p:") == nil)
  }

  @Test func wgetURLs() throws {
    let bare = try #require(HTTPLocation("web.default:8080/a/b.txt?x=1"))
    #expect(bare.host == "web.default" && bare.port == 8080 && bare.path == "/a/b.txt?x=1")
    #expect(bare.fileName == "b.txt" && bare.hostHeader == "web.default:8080")
    #expect(HTTPLocation("http://web")?.fileName == "index.html")
    #expect(HTTPLocation("https://web") == nil)
  }

  @Test func resolvConfSearchListAndNdots() {
    let conf = ResolvConf(
      text: "search ns.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
    #expect(conf.search == ["ns.svc.cluster.local", "svc.cluster.local", "cluster.local"])
    #expect(conf.nameserver == "10.96.0.10" && conf.ndots == 5)
  }

  @Test func nslookupPrintsEveryQueryOfABareNameAndOnlyTheAnswerOfADottedOne() {
    let records = [
      PodNetworkReply.Record(name: "web.default.svc.cluster.local", addresses: ["10.96.5.5"]),
      PodNetworkReply.Record(name: "web.svc.cluster.local", addresses: nil),
    ]
    let (bare, found) = Nslookup.output(
      host: "web", server: "10.96.0.10", records: records, types: ["A", "AAAA"], searched: true)
    #expect(found)
    #expect(
      bare == "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n"
        + "Name:\tweb.default.svc.cluster.local\nAddress: 10.96.5.5\n\n"
        + "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" + "\n"
        + "** server can't find web.svc.cluster.local: NXDOMAIN\n\n")
    let (dotted, _) = Nslookup.output(
      host: "web.default", server: "10.96.0.10", records: records, types: ["A"], searched: true)
    #expect(dotted.hasSuffix("\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.5.5\n\n"))
    let (missing, none) = Nslookup.output(
      host: "nosuch.default", server: "10.96.0.10", records: [], types: ["A"], searched: true)
    #expect(!none && missing.hasSuffix("** server can't find nosuch.default: NXDOMAIN\n\n"))
  }
}
