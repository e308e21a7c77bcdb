import Foundation
import KubeModel
import Testing

/// Runs the same templates through the real kubectl and through `JSONPathTemplate` on one document
/// and requires identical output (or the same error message). kubectl evaluates the template
/// offline with `label --local -f doc.json -o jsonpath=...`.
@Suite("JSONPath agrees with kubectl")
struct JSONPathKubectlTests {
  /// A document in the shape of a Kubernetes object; it already carries the label `label --local` adds.
  static let document = #"""
    {"apiVersion":"v1","kind":"ConfigMap",
     "metadata":{"name":"web","namespace":"default","labels":{"foo":"bar"},"annotations":{"kubernetes.io/desc":"a.b"}},
     "pods":[
      {"metadata":{"name":"web-1","labels":{"app":"web"}},
       "spec":{"nodeName":"node-1","containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]},
                                                 {"name":"side","image":"busybox"}]},
       "status":{"phase":"Running","restartCount":0,"ready":true,"cpu":0.5}},
      {"metadata":{"name":"web-2","labels":{"app":"web"}},
       "spec":{"nodeName":"node-2","containers":[{"name":"nginx","image":"nginx:1.26"}]},
       "status":{"phase":"Pending","restartCount":3,"ready":false,"cpu":1.25}},
      {"metadata":{"name":"db"},
       "spec":{"containers":[{"name":"redis","image":"redis"}]},
       "status":{"phase":"Failed","restartCount":12,"ready":false,"cpu":2.5,"message":"<oom> & \"quoted\"\ttab"}}],
     "numbers":{"zero":0,"neg":-7,"big":1e21,"small":0.00001,"frac":0.1,"large":123456789012,"exp":1.5e-7,"huge":2e20},
     "empty":[],"nothing":null,"flags":[true,false],
     "mixed":[1,"two",null,[3],{"four":4,"a":[]}],
     "unicode":"héllo ✓"}
    """#

  /// Templates whose output is deterministic in kubectl (no iteration over several object keys).
  static let templates = [
    "{.metadata.name}", "{.pods[*].metadata.name}", "{.pods[0]}", "{.pods[-1].metadata.name}",
    "{.pods[0:2].metadata.name}", "{.pods[1:].metadata.name}", "{.pods[:-1].metadata.name}",
    "{.pods[::2].metadata.name}", "{.pods[0:3:2].status.phase}", "{.pods[-2:].status.restartCount}",
    "{.pods[-1:].metadata.name}", "{.pods[0:0].metadata.name}", "{.pods[*].spec.containers[*].image}",
    "{.pods[*].spec.containers[0].name}", "{..image}", "{.pods..containerPort}", "{..phase}",
    #"{.pods[?(@.status.phase=="Running")].metadata.name}"#,
    "{.pods[?(@.status.phase!='Running')].metadata.name}",
    "{.pods[?(@.status.restartCount>2)].metadata.name}", "{.pods[?(@.status.restartCount>=3)].metadata.name}",
    "{.pods[?(@.status.restartCount<3)].metadata.name}", "{.pods[?(@.status.restartCount<=0)].metadata.name}",
    "{.pods[?(@.status.cpu>0.75)].metadata.name}", "{.pods[?( @.status.cpu == 1.25 )].metadata.name}",
    "{.pods[?(@.status.ready==true)].metadata.name}", "{.pods[?(@.status.ready!=true)].metadata.name}",
    "{.pods[?(@.spec.nodeName)].metadata.name}", "{.pods[?(@.metadata.labels)].metadata.name}",
    #"{.pods[?(@.metadata.labels.app=="web")].spec.nodeName}"#, #"{.pods[?(@.status.phase<"P")].metadata.name}"#,
    #"{.pods[*].spec.containers[?(@.name=="nginx")].image}"#,
    "{.pods[*].spec.containers[?(@.ports[0].containerPort==80)].name}",
    "{.pods[?(@.status.restartCount==@.status.restartCount)].metadata.name}",
    #"{range .pods[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}"#,
    "{range .pods[*]}{.metadata.name}:{range .spec.containers[*]}{.name},{end};{end}",
    "{range .pods[*]}[{.spec.nodeName}]{end}", "{range .empty[*]}x{end}after",
    "{range .pods[?(@.status.ready==true)]}{.metadata.name}{end}",
    "{.kind}{range .pods[*]}{.metadata.name} {end}{.apiVersion}",
    "{.pods[*]['metadata.name', 'status.phase']}", "{.pods[0]['metadata.name']}", "{.pods[0,2].metadata.name}",
    "{.pods[0]['spec']['nodeName']}", #"{.metadata.annotations.kubernetes\.io/desc}"#,
    "{.numbers.zero} {.numbers.neg} {.numbers.big} {.numbers.small} {.numbers.frac} {.numbers.large}",
    "{.numbers.exp} {.numbers.huge}", "{.pods[2].status.message}", "{.pods[2].status}", "{.mixed}",
    "{.mixed[*]}", "{.nothing}", "{.empty}", "{.flags[*]}", "{.flags[?(@==true)]}", "{.unicode}",
    "{.missing}", "{.pods[*].missing}", "{.metadata.name.x}", "text only", "{\"literal\"} and {'single'}",
    #"{"\u00e9\x41\101"}"#, #"{'it\'s'}"#, "{$.metadata.name}", "{@.metadata.name}", "{ .metadata.name }",
    "{.pods[0].metadata}", "{.pods[0].spec.containers[0].ports}", "{.metadata.name.*}", "{.pods[2]..image}",
    "{.pods[*].metadata.labels.app}", "{.pods[0].status.ready}{.pods[1].status.cpu}", "{}", "{.mixed[4]}",
    "{range .pods[*]}{.metadata.name}{\" \"}{end}", "{.pods[*].status.restartCount}", "{.pods[]}",
  ]

  /// Templates evaluated with `--allow-missing-template-keys=false`.
  static let strictTemplates = [
    "{.pods[*].spec.nodeName}", "{.pods[*].metadata.labels.app}", "{range .pods[*]}{.status.phase}{end}",
  ]

  /// Templates that fail in kubectl, with `strict` selecting `--allow-missing-template-keys=false`.
  static let failing: [(template: String, strict: Bool)] = [
    ("{.metadata.name", false), ("{.pods[0}", false), ("{.pods[x]}", false), ("{.pods[?(@.a==1]}", false),
    ("{\"abc}", false), ("{!}", false), ("{.pods[ 0 ]}", false), ("{....a}", false), ("{.pods[?(@.a==1)x}", false),
    (#"{"\q"}"#, false), (#"{"a\\"}"#, false), ("{1.2.3}", false), (#"{.pods["x"]}"#, false), ("{.a ~}", false),
    ("{end}", false),
    ("{foo}", false), ("{.pods[5]}", false), ("{.pods[-4]}", false), ("{.pods[2:1]}", false),
    ("{.pods[::0]}", false), ("{.metadata[0]}", false), ("{.metadata.name[0]}", false),
    ("{.metadata[?(@.x)]}", false), ("{.pods[?(@.status.cpu>1)]}", false),
    ("{.pods[?(@.spec.containers==1)]}", false), (#"{.pods[?(@.spec.containers[*].name=="nginx")]}"#, false),
    (#"{.pods[?(@.status.phase=!"x")]}"#, false), (#"{.mixed[?(@=="two")]}"#, false),
    ("{.pods[?(@.status.ready==True)]}", false), ("{.nothing[?(@.x)]}", false), ("{.missing}", true),
    ("{.pods[2].spec.nodeName}", true), ("{range .empty[*]}{.x}{end}", true),
    (#"{.pods[?(@.spec.nodeName=="node-1")].metadata.name}"#, true), ("{.metadata.name.x}", true),
  ]

  @Test(.enabled(if: KubectlRunner.binary != nil, KubectlRunner.missingReason))
  func outputsMatchKubectl() async throws {
    let kubectl = try Kubectl(document: Self.document)
    let document = try JSON(parsing: Self.document)
    for (templates, strict) in [(Self.templates, false), (Self.strictTemplates, true)] {
      let expected = try await kubectl.renderAll(templates, strict: strict)
      for (template, kubectlOutput) in zip(templates, expected) {
        let ours = try JSONPathTemplate(template).render(document, allowMissingKeys: !strict)
        #expect(ours == kubectlOutput, "template \(template)")
      }
    }
  }

  @Test(.enabled(if: KubectlRunner.binary != nil, KubectlRunner.missingReason))
  func errorsMatchKubectl() async throws {
    let kubectl = try Kubectl(document: Self.document)
    let document = try JSON(parsing: Self.document)
    for (template, strict) in Self.failing {
      let kubectlError = try #require(try await kubectl.error(template, strict: strict), "kubectl accepted \(template)")
      let error = #expect(throws: JSONPathError.self, "template \(template)") {
        try JSONPathTemplate(template).render(document, allowMissingKeys: !strict)
      }
      #expect(error?.message == kubectlError.message, "template \(template)")
      #expect(error?.stage == kubectlError.stage, "template \(template)")
    }
  }

  @Test(.enabled(if: KubectlRunner.binary != nil, KubectlRunner.missingReason))
  func unorderedOutputsMatchKubectl() async throws {
    // kubectl walks object members in Go's random map order, so only the multiset of words is stable.
    let templates = ["{..name}", "{.numbers.*}", "{.pods[0].status.*}", "{.mixed..four}", "{..a}"]
    let kubectl = try Kubectl(document: Self.document)
    let document = try JSON(parsing: Self.document)
    for (template, kubectlOutput) in await zip(templates, try kubectl.renderAll(templates, strict: false)) {
      let ours = try JSONPathTemplate(template).render(document)
      #expect(ours.split(separator: " ").sorted() == kubectlOutput.split(separator: " ").sorted(), "\(template)")
    }
  }
}

/// kubectl evaluating templates offline on a document: `label --local -f doc.json -o jsonpath=...`.
private struct Kubectl {
  /// Separates the outputs of several templates evaluated in one kubectl run.
  private static let separator = "\n<<kubelab-separator>>\n"

  let runner: KubectlRunner
  let documentPath: String

  init(document: String) throws {
    runner = try KubectlRunner()
    let file = runner.directory.appendingPathComponent("doc.json")
    try document.write(to: file, atomically: true, encoding: .utf8)
    documentPath = file.path
  }

  /// Each template's output; all templates run in one kubectl process, joined by a separator.
  func renderAll(_ templates: [String], strict: Bool) async throws -> [String] {
    let result = try await run(templates.joined(separator: Self.separator), strict: strict)
    guard result.status == 0 else { throw KubectlRunner.Failure(description: "kubectl failed: \(result.stderr)") }
    return result.stdout.components(separatedBy: Self.separator)
  }

  /// The error kubectl reports for a template, or nil when it succeeds.
  func error(_ template: String, strict: Bool) async throws -> (stage: JSONPathError.Stage, message: String)? {
    let result = try await run(template, strict: strict)
    if result.status == 0 { return nil }
    let stderr = result.stderr
    let parsePrefix = "error: error parsing jsonpath \(template), "
    if stderr.hasPrefix(parsePrefix) {
      let message = stderr.dropFirst(parsePrefix.count).split(separator: "\n", omittingEmptySubsequences: false)[0]
      return (.parsing, String(message))
    }
    let executePrefix = "Error executing template: "
    let executeSuffix = ". Printing more information for debugging the template"
    guard let start = stderr.range(of: executePrefix), let end = stderr.range(of: executeSuffix) else {
      throw KubectlRunner.Failure(description: "unexpected kubectl error: \(stderr)")
    }
    return (.executing, String(stderr[start.upperBound..<end.lowerBound]))
  }

  private func run(_ template: String, strict: Bool) async throws -> KubectlRunner.Result {
    try await runner.run([
      "label", "--local", "--overwrite", "-f", documentPath, "foo=bar",
      "--allow-missing-template-keys=\(!strict)", "-o", "jsonpath=\(template)",
    ])
  }
}
