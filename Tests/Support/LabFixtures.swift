/// Lab and grader files shared by the LabKit and CLI tests: a clean pair, and a collection where
/// each file carries one kind of problem (the expected messages live with the tests).
public enum LabFixtures {
  public static let cleanLab = """
    id: pods
    title: Pods
    tasks:
      - id: count
        ask: How many pods?
      - id: state
        ask: What state?
        choices: [Running, Pending]
      - id: create
        ask: Create a pod.
        action: true

    """

  public static let cleanGrader = """
    lab: pods
    tasks:
      count:
        answer: { count: { resource: pods } }
      state:
        answer: running
      create:
        checks:
          - { resource: pods, name: nginx }

    """

  public static let clean = ["Labs/pods/lab.yaml": cleanLab, "Graders/pods.yaml": cleanGrader]

  /// One problem per file, at a known place.
  public static let broken: [String: String] = [
    // A misspelt key (line 4), a wrong type (line 3), a missing setup file (line 6).
    "Labs/typos/lab.yaml": """
    id: typos
    title: Typos
    tags: cka
    sumary: Misspelt.
    setup:
      - apply: setup/missing.yaml
    tasks:
      - id: one
        ask: One?

    """,
    // An unknown kind (line 4), a bad JSONPath (line 5), a bad selector (line 7).
    "Graders/typos.yaml": """
    lab: typos
    tasks:
      one:
        checks:
          - { resource: pdos, name: x }
          - { resource: pods, jsonpath: "{.spec", equals: x }
          - { resource: pods, selector: "app in (x" }

    """,
    "Labs/yaml/lab.yaml": "id: yaml\ntitle: [unclosed\n",
    "Labs/empty/lab.yaml": "",
  ]
}
