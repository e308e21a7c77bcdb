import Testing

@testable import NodeTools

/// The shared pieces every tool prints through: flags, aligned tables, durations and sizes.
@Suite struct ToolFormattingTests {
  @Test func flagsParseTheWaysTheToolsAcceptThem() throws {
    let options: [ToolArguments.Option] = [
      .flag("--all", "-a"), .flag("--quiet", "-q"), .value("--name"), .value("-w"),
    ]
    let parsed = try ToolArguments(["ps", "-aq", "--name=web", "-w", "table", "--", "-x"], options: options)
    #expect(parsed.operands == ["ps", "-x"])
    #expect(parsed.has("--all") && parsed.has("--quiet"))
    #expect(parsed.value("--name") == "web")
    #expect(parsed.value("-w") == "table")
    #expect(throws: ToolArguments.ParseError.unknown("--nope")) { try ToolArguments(["--nope"], options: options) }
    #expect(throws: ToolArguments.ParseError.missingValue("--name")) { try ToolArguments(["--name"], options: options) }
  }

  @Test func tablesAlignAsGoPrintsThem() {
    var tab = TabTable(minWidth: 20, padding: 3)
    tab.add(["CONTAINER", "STATE"])
    tab.add(["3f1c2a9b8d7e6", "Running"])
    #expect(tab.text == "CONTAINER           STATE\n3f1c2a9b8d7e6       Running\n")
    var box = BoxTable(headers: ["id", "status"])
    box.add(["8e9e05c52164694d", "started"])
    #expect(
      box.text == """
        +------------------+---------+
        |        ID        | STATUS  |
        +------------------+---------+
        | 8e9e05c52164694d | started |
        +------------------+---------+

        """)
  }

  @Test func durationsAndSizesInEachLibrarysWords() {
    #expect(HumanUnits.duration(0.5) == "Less than a second")
    #expect(HumanUnits.duration(75) == "About a minute")
    #expect(HumanUnits.duration(7200) == "2 hours")
    #expect(HumanUnits.decimalSize(57_680_541) == "57.7MB")
    #expect(HumanUnits.decimalSize(320_368) == "320kB")
    #expect(HumanUnits.humanizedBytes(6_100_000) == "6.1 MB")
    #expect(HumanUnits.humanizedBytes(20_480) == "20 kB")
    #expect(HumanUnits.binarySize(61_765_632) == "58.9 MiB")
    #expect(HumanUnits.shortDuration(364 * 86400 + 5) == "364d")
    #expect(HumanUnits.shortDuration(9.5 * 365 * 86400) == "9y")
  }
}
