import Foundation
import KubeModel
import Testing

/// kubectl parses `top pod`'s selectors before it contacts a server, so its errors for bad selectors
/// can be compared with ours offline.
@Suite("Selectors agree with kubectl")
struct SelectorKubectlTests {
  static let badLabelSelectors = [
    "a b", "-a", "app=a b", "app in (x", "app=x y", "a=b,", ",a", "x/y/z=1", "A.b/c=1", "app notin x", "!x=1",
    "app>x", "a=(b)", "a=b=c", "app in (a b)", "app=" + String(repeating: "v", count: 64), "(", "a,,b",
    "example.com/=1", "Example.com/a=1", "a in (x,y",
  ]

  static let badFieldSelectors = ["a", #"a=b\x"#, "a=b=c", #"a==b\"#, "a=1,b", #"x=\,,y"#, "a!b"]

  @Test(.enabled(if: KubectlRunner.binary != nil, KubectlRunner.missingReason))
  func labelSelectorErrorsMatchKubectl() async throws {
    let runner = try KubectlRunner()
    for text in Self.badLabelSelectors {
      let expected = try await kubectlError(runner, ["-l", text])
      let ours = (#expect(throws: SelectorError.self, "\(text)") { try LabelSelector(parsing: text) })?.message
      #expect(ours == expected, "selector \(text)")
    }
  }

  @Test(.enabled(if: KubectlRunner.binary != nil, KubectlRunner.missingReason))
  func fieldSelectorErrorsMatchKubectl() async throws {
    let runner = try KubectlRunner()
    for text in Self.badFieldSelectors {
      let expected = try await kubectlError(runner, ["--field-selector", text])
      let ours = (#expect(throws: SelectorError.self, "\(text)") { try FieldSelector(parsing: text) })?.message
      #expect(ours == expected, "selector \(text)")
    }
  }

  /// The message kubectl prints for a selector it rejects (after `error: `).
  private func kubectlError(_ runner: KubectlRunner, _ selector: [String]) async throws -> String? {
    let result = try await runner.run(["top", "pod", "--server=http://127.0.0.1:1", "--request-timeout=2s"] + selector)
    let line = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    guard line.hasPrefix("error: ") else { return nil }
    return String(line.dropFirst("error: ".count))
  }
}
