import Foundation
import KubeModel
import TestSupport
import Testing

/// Runs the real kubectl offline (`label --local` needs no server) to compare our conversion and
/// printing with sigs.k8s.io/yaml's.
enum OfflineKubectl {
  static let binary: String? = {
    let candidates = [
      ProcessInfo.processInfo.environment["KUBECTL"], "/usr/lib/google-cloud-sdk/bin/kubectl.1.33",
      "/usr/local/bin/kubectl", "/usr/bin/kubectl",
    ]
    return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// kubectl's view of a manifest, printed with `-o json` or `-o yaml`.
  static func print(_ manifest: String, as format: String) async throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-kubectl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("manifest.yaml")
    try manifest.write(to: file, atomically: true, encoding: .utf8)
    let printed = try await ProcessRunner.run(
      binary ?? "kubectl", ["label", "--local", "-f", file.path, "checked=yes", "-o", format],
      environment: [
        "KUBECONFIG": directory.appendingPathComponent("none").path,
        "KUBECACHEDIR": directory.appendingPathComponent("cache").path, "HOME": directory.path,
      ])
    return printed.stdout + printed.stderr
  }
}

@Suite(
  "Comparison with the real kubectl", .enabled(if: OfflineKubectl.binary != nil, "no kubectl binary on this machine"))
struct YAMLKubectlComparisonTests {
  /// Printed by both: kubectl sorts members (go-yaml's natural order for YAML, byte order for JSON).
  static let printable = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: tricky
    scalars:
      booleans: [yes, No, ON, off, y, N, True, FALSE, yEs]
      nulls: [~, null, Null, NULL, nULL]
      empty:
      integers: [0, -12, +12, 1_000, 0x1F, -0x1F, 0o17, 017, 0b101, -0b101, 9223372036854775807]
      floats: [1.5, .5, +.5, 1., 1e3, 1.5e-3, 08, 09.5, .5_0, 1e-400, 99999999999999999999]
      huge: [9223372036854775808, 18446744073709551615, -9223372036854775809]
      strings: [1:20, 2001-01-01, 0x, +, 1e, _1, 1e400, 0xFFFFFFFFFFFFFFFFFF, -0x8000000000000001, 12abc, <<]
      quoted: ['yes', "12", '~', "", 'a: b']
      tagged: [!!str 12, !!int "12", !!float 1, !!bool yes, ! 12, !!binary aGVsbG8=]
      merged:
        base: &base {a: 1, b: 2}
        child: {<<: *base, b: 3}
      duplicated: {k: 1, k: 2}
      text: "line one\\nline two\\n"
      long:
        plain: this is a long sentence that goes on and on well past the eighty column limit of the emitter
        single: 'this: is a long sentence that goes on and on well past the eighty column limit of the emitter'
        double: "tab\\tthis is a long sentence that goes on and on  well past the eighty column limit of the emitter"
        spaced: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   two spaces kept and more"
        quoted: "a: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx  double  spaced"
        unicode: "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé break here"
        list:
        - a long list item sentence that goes on and on well past the eighty column limit of the emitter ok

    """

  /// Converted only: these keys sort differently in kubectl's YAML output than in its JSON output.
  static let manifest =
    printable + """
        keys: {yes: a, off: b, 1: c, 0x10: d, 1.5: e, 1e6: f, 3.14159265: g, 2001-01-01: h, ~x: i}

      """

  @Test("our JSON equals kubectl's for a document of tricky scalars")
  func conversion() async throws {
    let printed = try await OfflineKubectl.print(Self.manifest, as: "json")
    let theirs = try JSON(parsing: printed)
    let ours = try #require(try YAML.decodeJSON(Self.manifest).first)
    let expected = try #require(theirs["scalars"], "kubectl printed: \(printed)")
    #expect(normalized(try #require(ours["scalars"])) == normalized(expected))
  }

  @Test("our YAML printing equals kubectl -o yaml for the same object")
  func printing() async throws {
    let printedJSON = try await OfflineKubectl.print(Self.printable, as: "json")
    let printedYAML = try await OfflineKubectl.print(Self.printable, as: "yaml")
    // kubectl prints members sorted and whole numbers without a fraction, as its JSON does.
    let object = try JSON(parsing: printedJSON)
    #expect(YAML.emit(object) == printedYAML)
  }

  /// Members sorted, numbers compared by value: kubectl sorts keys and reads every number that does
  /// not fit Int64 back as a float, printing whole floats without a fraction.
  private func normalized(_ value: JSON) -> JSON {
    switch value {
    case .int(let int): return .double(Double(int))
    case .array(let items): return .array(items.map(normalized))
    case .object(let object):
      return .object(
        JSONObject(uniqueKeysWithValues: object.sorted { $0.key < $1.key }.map { ($0.key, normalized($0.value)) }))
    default: return value
    }
  }
}
