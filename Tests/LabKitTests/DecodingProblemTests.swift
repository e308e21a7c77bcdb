import Testing

@testable import LabKit

/// Each kind of problem in a single file is reported with its exact place and wording, all at once.
@Suite struct DecodingProblemTests {
  private func labProblems(_ text: String) -> [String] {
    LabFormat.decodeLab(Array(text.utf8), file: "lab.yaml").problems.map(\.description)
  }

  private func graderProblems(_ text: String) -> [String] {
    LabFormat.decodeGrader(Array(text.utf8), file: "g.yaml").problems.map(\.description)
  }

  @Test func misspeltKeyHasDidYouMean() {
    #expect(
      labProblems("id: x\ntitle: X\ntasks: []\nsumary: s\nsetup:\n  - wait: { resource: pods, selectr: a=b }\n") == [
        "lab.yaml:4:1: unknown key `sumary`; did you mean `summary`?",
        "lab.yaml:6:29: unknown key `selectr`; did you mean `selector`?",
      ])
  }

  @Test func nodeChecksNeedAnAbsolutePathAndTakeNodeOnlyBesideAScript() {
    #expect(
      graderProblems(
        """
        lab: x
        tasks:
          a:
            checks:
              - file: { node: controlplane, path: notes.txt, exists: true }
              - { script: "true", node: controlplane }
              - { resource: pods, node: controlplane }
        """) == [
          "g.yaml:5:43: a file on a node needs an absolute path, found \"notes.txt\"",
          "g.yaml:7:27: unknown key `node`; did you mean `name`?",
        ])
  }

  @Test func aNodeFileAnswerNeedsANodeAnAbsolutePathAndTakesOnlyExtract() {
    #expect(
      graderProblems(
        """
        lab: x
        tasks:
          a:
            answer: { file: { node: controlplane, path: etcd.yaml } }
          b:
            answer: { file: { path: /etc/x }, extract: "--data-dir=\\\\S+" }
          c:
            answer: { file: { node: controlplane, path: /etc/x }, jsonpath: "{.a}" }
        """) == [
          "g.yaml:4:49: a file on a node needs an absolute path, found \"etcd.yaml\"",
          "g.yaml:6:21: missing required field `node`",
          "g.yaml:6:48: `extract` needs a capture group `( )` around the part to keep",
          "g.yaml:8:13: `jsonpath` applies only to an answer read from an object (`resource`)",
        ])
  }

  @Test func unknownKeyFarFromEveryAllowedKeyHasNoSuggestion() {
    #expect(labProblems("id: x\ntitle: X\ntasks: []\ncolour: red\n") == ["lab.yaml:4:1: unknown key `colour`"])
  }

  @Test func wrongTypes() {
    #expect(
      labProblems("id: x\ntitle: [X]\ntags: cka\ntasks: {}\npassMark: high\n") == [
        "lab.yaml:2:8: expected a string, found a list",
        "lab.yaml:3:7: expected a list, found a string",
        "lab.yaml:4:8: expected a list, found a mapping",
        "lab.yaml:5:11: expected a number, found a string",
      ])
  }

  @Test func missingRequiredFields() {
    #expect(
      labProblems("summary: s\ntasks:\n  - id: a\n") == [
        "lab.yaml:1:1: missing required field `id`",
        "lab.yaml:1:1: missing required field `title`",
        "lab.yaml:3:5: missing required field `ask`",
      ])
  }

  @Test func invalidDurations() {
    #expect(
      labProblems("id: x\ntitle: X\ntasks: []\nduration: 20\nsetup:\n  - wait: { resource: pods, within: 3 days }\n")
        == [
          "lab.yaml:4:11: missing unit in duration \"20\"",
          "lab.yaml:6:37: unknown unit \" days\" in duration \"3 days\"",
        ])
  }

  @Test func unknownKindWithSuggestion() {
    #expect(
      graderProblems("lab: x\ntasks:\n  a:\n    checks:\n      - { resource: deploymnts }\n") == [
        "g.yaml:5:21: unknown resource `deploymnts`; did you mean `deployments`?"
      ])
  }

  /// Resources a kubeadm cluster has but the sandbox does not serve: a lab naming one would pass
  /// lint and fail only when run, so lint rejects it where it is named.
  @Test(arguments: [
    "csidrivers", "podtemplates", "componentstatuses", "runtimeclasses", "volumeattachments", "csinodes",
    "csistoragecapacities", "certificatesigningrequests", "customresourcedefinitions", "apiservices",
    "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "flowschemas",
  ])
  func resourceTheSandboxDoesNotServeIsRejected(resource: String) {
    let problems = graderProblems("lab: x\ntasks:\n  a:\n    checks:\n      - { resource: \(resource) }\n")
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("g.yaml:5:21: unknown resource `\(resource)`") == true, "\(problems)")
  }

  @Test func badJSONPathCarriesItsParseError() {
    #expect(
      graderProblems("lab: x\ntasks:\n  a:\n    checks:\n      - { resource: pods, jsonpath: \"{.a\", equals: b }\n")
        == ["g.yaml:5:37: invalid JSONPath `{.a`: unclosed action (at offset 3 of the template)"])
  }

  @Test func badSelectors() {
    let text = """
      lab: x
      tasks:
        a:
          answer: { count: { resource: pods, selector: "a in (b", fieldSelector: "x" } }

      """
    #expect(
      graderProblems(text) == [
        "g.yaml:4:50: invalid label selector `a in (b`: unable to parse requirement: found '', expected: ',' or ')'",
        "g.yaml:4:76: invalid field selector `x`: invalid selector: 'x'; can't understand 'x'",
      ])
  }

  @Test func brokenYAMLKeepsTheParserPositionAndMessage() {
    #expect(
      labProblems("id: x\ntitle: \"unterminated\n") == [
        "lab.yaml:3:1: found unexpected end of stream (while scanning a quoted scalar)"
      ])
  }

  @Test func emptyFiles() {
    #expect(labProblems("") == ["lab.yaml:1:1: the file is empty"])
    #expect(graderProblems("# only a comment\n") == ["g.yaml:1:1: the file is empty"])
  }

  @Test func binaryInputIsAProblemNotACrash() {
    let decoded = LabFormat.decodeLab([0x00, 0xFF, 0xFE, 0x80], file: "lab.yaml")
    #expect(decoded.value == nil)
    #expect(decoded.problems.map(\.description) == ["lab.yaml:1:1: control characters are not allowed"])
  }

  @Test func inconsistentTasks() {
    let text = """
      id: x
      title: X
      tasks:
        - { id: a, ask: A?, choices: [Yes, No], action: true }
        - { id: b, ask: B?, choices: [Only] }
        - { id: a, ask: Again? }

      """
    #expect(
      labProblems(text) == [
        "lab.yaml:4:5: task `a` is either a choice (`choices`) or an action (`action: true`), not both",
        "lab.yaml:5:32: `choices` needs at least two options",
      ])
  }

  @Test func inconsistentChecks() {
    let text = """
      lab: x
      tasks:
        a:
          checks:
            - { resource: pods, count: 2, exists: true }
            - { resource: pods, equals: x }
            - { script: "true", file: { path: /x, exists: true } }
            - { hint: nothing to check }
            - { resource: pods, jsonpath: .a }
            - { script: "true", count: 2 }
            - { resource: pods, jsonpath: .a, matches: "(" }

      """
    #expect(
      graderProblems(text) == [
        "g.yaml:5:9: a check takes only one of `exists` or `count`",
        "g.yaml:6:9: `equals` needs `jsonpath`",
        "g.yaml:7:9: a check takes only one of `script` or `file`",
        "g.yaml:8:9: a check needs one of `resource`, `all`, `any`, `not`, `script`, `file` or `exec`",
        "g.yaml:9:9: `jsonpath` needs one of `equals`, `in`, `contains`, `matches`, `gt`, `gte`, `lt` or `lte`",
        "g.yaml:10:27: unknown key `count`",
        "g.yaml:11:50: invalid regular expression `(`",
      ])
  }

  @Test func problemsInTheGraderAndItsAnswers() {
    let text = """
      lab: x
      passMark: 120
      tasks:
        a: { answer: [1, 2], points: 0 }
        b: { answer: { anyOf: [x], regex: y } }
        c: { answer: { resource: pods, jsonpath: .a } }
        a: { answer: 1 }
        d: { answer: 1, checks: [{ script: "true" }] }
        e: { solution: { manifest: "a: [" } }

      """
    #expect(
      graderProblems(text) == [
        "g.yaml:2:11: `passMark` must be between 0 and 100, found 120",
        "g.yaml:4:16: expected a text, a number or a mapping, found a list (use `anyOf` or `set`)",
        "g.yaml:4:32: `points` must be more than 0",
        "g.yaml:5:16: an answer takes only one of `anyOf` or `regex`",
        "g.yaml:6:28: an answer read from an object needs `name`, `selector` or `fieldSelector` to pick one object",
        "g.yaml:7:3: duplicate task id `a`",
        "g.yaml:8:6: task `d` has both `answer` and `checks`; a task is graded by one of them",
        "g.yaml:9:30: the solution manifest is not valid YAML: 2:1: did not find expected node content (while parsing a flow node at line 2 column 1)",
      ])
  }

  @Test func aRegexExampleMustMatchAndBelongsToRegexesOnly() {
    let text = """
      lab: x
      tasks:
        a: { answer: { regex: "crictl (pods|ps)", example: crictl pods } }
        b: { answer: { regex: "crictl ps", example: crictl pods } }
        c: { answer: { text: ps, example: ps } }

      """
    #expect(
      graderProblems(text) == [
        "g.yaml:4:47: the example `crictl pods` does not match the regex",
        "g.yaml:5:16: `example` applies only to a `regex` answer",
      ])
  }

  @Test func duplicateKeysAndExtraDocuments() {
    #expect(
      labProblems("id: x\ntitle: X\ntasks: []\ntitle: Y\n---\nid: y\n") == [
        "lab.yaml:4:1: duplicate key `title`",
        "lab.yaml:6:1: expected one YAML document, found 2",
      ])
  }

  @Test func topLevelMustBeAMapping() {
    #expect(graderProblems("- lab: x\n") == ["g.yaml:1:1: expected a mapping, found a list"])
    #expect(graderProblems("lab: x\ntasks: [a]\n") == ["g.yaml:2:8: expected a mapping of task ids, found a list"])
  }
}
