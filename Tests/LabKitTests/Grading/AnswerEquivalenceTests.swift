import KubeModel
import Testing

@testable import LabKit

/// The one rule for "the same answer, spelt another way" (docs/labs.md, "What counts as equal"),
/// as a table: expected text, the learner's text, how the answer is read, and the verdict.
@Suite("Answer equivalence: images, versions, sockets, quantities and counts")
struct AnswerEquivalenceTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var expected: String
    var given: String
    var kind: ValueKind = .text
    var same: Bool
    var testDescription: String { "\(given) for \(expected) as \(kind): \(same ? "same" : "different")" }
  }

  static let image = ValueKind.image(tagRequired: false)
  static let taggedImage = ValueKind.image(tagRequired: true)

  static let rows: [Row] = [
    // Images: default registries, library/, :latest for no tag, case.
    Row(expected: "nginx", given: "docker.io/library/nginx", kind: image, same: true),
    Row(expected: "nginx", given: "docker.io/nginx:latest", kind: image, same: true),
    Row(expected: "docker.io/library/nginx:latest", given: "NGINX", kind: image, same: true),
    Row(expected: "kodekloud/webapp-color", given: "docker.io/kodekloud/webapp-color:latest", kind: image, same: true),
    Row(expected: "registry.k8s.io/etcd:3.5.21-0", given: "etcd:3.5.21-0", kind: image, same: true),
    Row(expected: "registry.k8s.io/kube-proxy:v1.33.1", given: "kube-proxy", kind: image, same: true),
    // Without the tag, the name answers for any tag, unless the question asks for the tag.
    Row(expected: "busybox:1.36", given: "busybox", kind: image, same: true),
    Row(expected: "busybox:1.36", given: "busybox", kind: taggedImage, same: false),
    Row(expected: "registry.k8s.io/etcd:3.5.21-0", given: "etcd:3.5.21-0", kind: taggedImage, same: true),
    Row(expected: "busybox:1.36", given: "busybox:1.35", kind: image, same: false),
    Row(expected: "busybox:1.36", given: "busybox:latest", kind: image, same: false),
    Row(expected: "nginx", given: "nginx:latest", kind: taggedImage, same: true),
    Row(expected: "nginx", given: "nginx:alpine", kind: image, same: false),
    Row(expected: "nginx", given: "quay.io/nginx", kind: image, same: false),
    Row(expected: "redis123", given: "redis", kind: image, same: false),
    // Runtime versions as nodes report them, as crictl prints them, bare.
    Row(expected: "containerd://1.7.27", given: "containerd 1.7.27", same: true),
    Row(expected: "containerd://1.7.27", given: "1.7.27", same: true),
    Row(expected: "containerd://1.7.27", given: "v1.7.27", same: true),
    Row(expected: "containerd://1.7.27", given: "containerd://1.7.27", same: true),
    Row(expected: "containerd://1.7.27", given: "containerd 1.7.26", same: false),
    Row(expected: "containerd://1.7.27", given: "cri-o 1.7.27", same: false),
    Row(expected: "containerd://1.7.27", given: "containerd", same: false),
    // Sockets and URLs: unix:// or not, /var/run is /run, a trailing slash.
    Row(expected: "unix:///var/run/containerd/containerd.sock", given: "/run/containerd/containerd.sock", same: true),
    Row(
      expected: "unix:///var/run/containerd/containerd.sock", given: "unix:///run/containerd/containerd.sock",
      same: true),
    Row(
      expected: "unix:///var/run/containerd/containerd.sock", given: "/var/run/containerd/containerd.sock", same: true),
    Row(expected: "unix:///var/run/containerd/containerd.sock", given: "/run/crio/crio.sock", same: false),
    Row(expected: "https://127.0.0.1:2379", given: "https://127.0.0.1:2379/", same: true),
    Row(expected: "https://127.0.0.1:2379", given: "http://127.0.0.1:2379", same: false),
    Row(expected: "/var/lib/etcd", given: "/var/lib/etcd/", same: true),
    // Quantities.
    Row(expected: "1Gi", given: "1024Mi", same: true),
    Row(expected: "1Gi", given: "1073741824", same: true),
    Row(expected: "500m", given: "0.5", same: true),
    Row(expected: "1Gi", given: "1G", same: false),
    Row(expected: "128Mi", given: "128", same: false),
    // Counts: numbers in words, other spellings of the number.
    Row(expected: "2", given: "two", same: true),
    Row(expected: "2", given: "Two", same: true),
    Row(expected: "3", given: "3.0", same: true),
    Row(expected: "0", given: "zero", same: true),
    Row(expected: "2", given: "three", same: false),
    Row(expected: "2", given: "too", same: false),
    // Plain text stays text: case is ignored, nothing else.
    Row(expected: "Running", given: "running", same: true),
    Row(expected: "10.0.0.1:6443", given: "10.0.0.1", same: false),
    Row(expected: "ClusterIP", given: "NodePort", same: false),
  ]

  @Test(arguments: rows)
  func judged(_ row: Row) {
    #expect(AnswerEquivalence(kind: row.kind).same(row.expected, row.given) == row.same)
  }

  @Test("a case-sensitive answer accepts only the exact text")
  func exact() {
    let exact = AnswerEquivalence(kind: Self.image, caseSensitive: true)
    #expect(exact.same("busybox:1.36", "busybox:1.36"))
    #expect(!exact.same("busybox:1.36", "docker.io/library/busybox:1.36"))
  }

  @Test("a list holds the same items in any order, each judged by the rule")
  func list() {
    let list = AnswerEquivalence(kind: .list)
    #expect(
      list.same(
        "https://127.0.0.1:2379,https://192.168.100.10:2379", "https://192.168.100.10:2379/, https://127.0.0.1:2379"))
    #expect(!list.same("https://127.0.0.1:2379,https://192.168.100.10:2379", "https://127.0.0.1:2379"))
  }

  @Test("static number answers accept counts in words")
  func numberWords() throws {
    let answer = StaticAnswer(rule: .number(2), caseSensitive: false, position: .init(file: nil, line: 1, column: 1))
    #expect(try answer.accepts("two"))
    #expect(try !answer.accepts("one"))
  }

  @Test("when any option is a number, a bare number is that option's text, never a position")
  func numericOptions() {
    let options = ["3", "4", "5", "0"]
    #expect(ChoiceAnswer.option("2", among: options) == nil)
    #expect(ChoiceAnswer.option("4", among: options) == "4")
    #expect(ChoiceAnswer.option("4.0", among: options) == "4")
    #expect(ChoiceAnswer.option("b", among: options) == "4")
    #expect(ChoiceAnswer.option("2", among: ["Running", "Waiting"]) == "Waiting")
    #expect(ChoiceAnswer.misreadable(options) == ["3", "4"])
    #expect(ChoiceAnswer.misreadable(["a", "x", "yes"]) == ["a"])
  }
}
