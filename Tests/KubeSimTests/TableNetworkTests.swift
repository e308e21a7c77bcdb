import Foundation
import KubeModel
import Testing

@Suite("Table printers: services and networking")
struct TableNetworkTests {
  private let created = timestamp(secondsAgo: 20 * 86_400)

  private func service(spec: String, status: String = "{}") -> String {
    #"{"metadata":{"name":"svc","creationTimestamp":"\#(created)"},"spec":\#(spec),"status":\#(status)}"#
  }

  @Test func headers() {
    #expect(tableHeaders("services") == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"])
  }

  @Test func clusterIP() throws {
    let spec = """
      {"type":"ClusterIP","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],"selector":{"k8s-app":"kube-dns"},
       "ports":[{"name":"dns","port":53,"protocol":"UDP"},{"name":"dns-tcp","port":53,"protocol":"TCP"},
        {"name":"metrics","port":9153,"protocol":"TCP"}]}
      """
    #expect(
      try tableCells("services", service(spec: spec)) == [
        "svc", "ClusterIP", "10.96.0.10", "<none>", "53/UDP,53/TCP,9153/TCP", "20d", "k8s-app=kube-dns",
      ])
  }

  @Test func nodePortWithExternalIPs() throws {
    let spec = """
      {"type":"NodePort","clusterIPs":["10.96.12.4"],"externalIPs":["203.0.113.7"],
       "ports":[{"port":80,"nodePort":30080,"protocol":"TCP","targetPort":8080}]}
      """
    #expect(
      try tableCells("services", service(spec: spec)) == [
        "svc", "NodePort", "10.96.12.4", "203.0.113.7", "80:30080/TCP", "20d", "<none>",
      ])
  }

  @Test func loadBalancerPendingThenAssigned() throws {
    let spec = #"{"type":"LoadBalancer","clusterIP":"10.96.1.1","ports":[{"port":443,"nodePort":31443}]}"#
    #expect(try tableCells("services", service(spec: spec))[3] == "<pending>")
    let status =
      #"{"loadBalancer":{"ingress":[{"ip":"198.51.100.9"},{"hostname":"lb.example.com"},{"ip":"198.51.100.2"}]}}"#
    let cells = try tableCells("services", service(spec: spec, status: status))
    #expect(cells[3] == "198.51.100.2,198.51.100.9,lb.example.com")
    #expect(cells[4] == "443:31443/TCP")
  }

  @Test func externalNameAndHeadless() throws {
    let external = #"{"type":"ExternalName","externalName":"db.example.com"}"#
    #expect(
      Array(try tableCells("services", service(spec: external))[1...4]) == [
        "ExternalName", "<none>", "db.example.com", "<none>",
      ])
    let headless = #"{"clusterIP":"None","clusterIPs":["None"],"selector":{"app":"db"},"ports":[{"port":5432}]}"#
    #expect(
      Array(try tableCells("services", service(spec: headless))[1...4]) == ["ClusterIP", "None", "<none>", "5432/TCP"])
  }

  @Test func endpoints() throws {
    func endpoints(_ subsets: String) -> String {
      #"{"metadata":{"name":"web","creationTimestamp":"\#(created)"},"subsets":\#(subsets)}"#
    }
    #expect(try tableCells("endpoints", endpoints("[]")) == ["web", "<none>", "20d"])
    let two = #"[{"addresses":[{"ip":"10.244.1.2"},{"ip":"10.244.2.3"}],"ports":[{"port":8080}]}]"#
    #expect(try tableCells("endpoints", endpoints(two))[1] == "10.244.1.2:8080,10.244.2.3:8080")
    let many = """
      [{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"fd00::3"}],"ports":[{"port":80},{"port":443}]}]
      """
    #expect(try tableCells("endpoints", endpoints(many))[1] == "10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...")
    let headless = #"[{"addresses":[{"ip":"10.0.0.1"}]}]"#
    #expect(try tableCells("endpoints", endpoints(headless))[1] == "10.0.0.1")
  }

  @Test func endpointSlices() throws {
    let text = """
      {"metadata":{"name":"web-abc12","creationTimestamp":"\(created)"},"addressType":"IPv4",
       "ports":[{"name":"http","port":80},{"name":"named"},{}],
       "endpoints":[{"addresses":["10.0.0.1"]},{"addresses":["10.0.0.2","10.0.0.3"]},{"addresses":["10.0.0.4"]}]}
      """
    #expect(
      try tableCells("endpointslices", group: "discovery.k8s.io", text) == [
        "web-abc12", "IPv4", "80,named,*", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "20d",
      ])
    let empty = #"{"metadata":{"name":"e"},"addressType":"IPv4"}"#
    #expect(Array(try tableCells("endpointslices", group: "discovery.k8s.io", empty)[2...3]) == ["<unset>", "<unset>"])
  }

  @Test func ingressesAndClasses() throws {
    let ingress = """
      {"metadata":{"name":"site","creationTimestamp":"\(created)"},
       "spec":{"ingressClassName":"nginx","tls":[{"hosts":["a.example.com"]}],
        "rules":[{"host":"a.example.com"},{"host":"b.example.com"},{},{"host":"d.example.com"},{"host":"e.example.com"}]},
       "status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.10"}]}}}
      """
    #expect(
      try tableCells("ingresses", group: "networking.k8s.io", ingress) == [
        "site", "nginx", "a.example.com,b.example.com,d.example.com + 2 more...", "192.0.2.10", "80, 443", "20d",
      ])
    let bare = #"{"metadata":{"name":"any"},"spec":{"defaultBackend":{}}}"#
    #expect(Array(try tableCells("ingresses", group: "networking.k8s.io", bare)[1...4]) == ["<none>", "*", "", "80"])

    let ingressClass = """
      {"metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx",
       "parameters":{"apiGroup":"k8s.example.com","kind":"IngressParameters","name":"external-lb"}}}
      """
    #expect(
      Array(try tableCells("ingressclasses", group: "networking.k8s.io", ingressClass)[1...2]) == [
        "k8s.io/ingress-nginx", "IngressParameters.k8s.example.com/external-lb",
      ])
  }

  @Test func networkPolicies() throws {
    let policy = #"{"metadata":{"name":"deny"},"spec":{"podSelector":{"matchLabels":{"role":"db"}}}}"#
    #expect(try tableCells("networkpolicies", group: "networking.k8s.io", policy)[1] == "role=db")
    let all = #"{"metadata":{"name":"deny-all"},"spec":{"podSelector":{}}}"#
    #expect(try tableCells("networkpolicies", group: "networking.k8s.io", all)[1] == "<none>")
  }
}
