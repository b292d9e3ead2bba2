import Foundation
import Testing

/// The shared example files, found from the repository root (four folders
/// up from this file): `shared/examples` is the repository's sibling.
enum SharedExamples {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let mixed = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/examples/mixed-traditional-article.txt"
  ).path
  static let simplified = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/examples/mixed-traditional-article.simplified.txt"
  ).path
  static func normalized(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/FanjianTests/Fixtures/mixed-traditional-article.normalized-\(name).txt")
      .path
  }
  static func bytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map(Array.init) ?? []
  }
}

/// `fanjian normalize` end to end.
@Suite struct NormalizeTests {
  @Test func articleToTraditionalMatchesTheExpectation() throws {
    let result = try FanjianExecutable.run(["normalize", "--to", "t", SharedExamples.mixed])
    #expect(result.status == 0)
    #expect(result.outputText == String(decoding: SharedExamples.bytes(SharedExamples.normalized("t")), as: UTF8.self))
    for word in ["紮克伯格", "小紮", "隻是", "隻會", "隻要", "短闆", "導緻", "对标", "相當于", "明确"] {
      #expect(!result.outputText.contains(word), "\(word)")
    }
  }

  @Test func articleToSimplifiedEqualsTheSimplifiedVersion() throws {
    let result = try FanjianExecutable.run(["normalize", "--to", "s"], input: SharedExamples.bytes(SharedExamples.mixed))
    #expect(result.status == 0)
    #expect(result.outputText == String(decoding: SharedExamples.bytes(SharedExamples.simplified), as: UTF8.self))
  }

  @Test func reportListsEveryChangeWithPositionAndReason() throws {
    let result = try FanjianExecutable.run(["normalize", "--to", "tw", "--report", SharedExamples.mixed])
    #expect(result.status == 0)
    let lines = result.outputText.split(separator: "\n").map(String.init)
    let name = SharedExamples.mixed
    #expect(lines.first == "\(name):1:15: 标 → 標 (leftover)")
    #expect(lines.contains("\(name):3:52: 紮 → 扎 (over-conversion: 扎克伯格)"))
    #expect(lines.contains("\(name):37:90: 系 → 係 (context form: 關係)"))
    #expect(lines.contains("\(name):55:79: 闆 → 板 (over-conversion: 短板)"))
    #expect(lines.contains { $0.hasSuffix("爲 → 為 (variant form)") })
    #expect(result.standardError.contains("changes:"))
    #expect(result.standardError.contains("leftover"))
  }

  @Test func reportJSONCarriesOffsetsInBothTexts() throws {
    let input = "a😀对标\r\n小紮"
    let result = try FanjianExecutable.run(["normalize", "--to", "t", "--report", "json"], input: Array(input.utf8))
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [[String: Any]]
    let changes = try #require(json?.first?["changes"] as? [[String: Any]])
    #expect(changes.count == 2)
    #expect(changes[0]["found"] as? String == "对标")
    #expect(changes[0]["suggested"] as? String == "對標")
    #expect(changes[0]["line"] as? Int == 1)
    #expect(changes[0]["column"] as? Int == 3)
    #expect((changes[0]["input"] as? [String: Any])?["utf8"] as? [Int] == [5, 11])
    #expect((changes[0]["output"] as? [String: Any])?["scalars"] as? [Int] == [2, 4])
    #expect(changes[1]["reason"] as? String == "over-conversion")
    #expect(changes[1]["phrase"] as? String == "小扎")
    #expect(changes[1]["line"] as? Int == 2)
    #expect(changes[1]["column"] as? Int == 2)
  }

  @Test func outputFileAndReportTogether() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.txt", "小紮隻是对标\n")
    let result = try FanjianExecutable.run(["normalize", "--to", "t", "--report", input, "-o", folder.path("out.txt")])
    #expect(result.status == 0)
    #expect(folder.read("out.txt") == Array("小扎只是對標\n".utf8))
    #expect(result.outputText.contains("in.txt:1:2: 紮 → 扎 (over-conversion: 小扎)"))
    #expect(try folder.contents() == ["in.txt", "out.txt"])
  }

  @Test func unknownStandardIsAUsageError() throws {
    let result = try FanjianExecutable.run(["normalize", "--to", "xx"], input: Array("汉字".utf8))
    #expect(result.status == 2)
  }

  @Test func invalidUTF8IsReportedWithItsOffset() throws {
    let result = try FanjianExecutable.run(["normalize", "--to", "t"], input: Array("对标".utf8) + [0xFF])
    #expect(result.status == 1)
    #expect(result.standardError.contains("byte offset 6"))
  }
}

/// `fanjian detect` end to end.
@Suite struct DetectTests {
  @Test func articleIsMixedAndItsSimplifiedVersionSimplified() throws {
    let result = try FanjianExecutable.run(["detect", SharedExamples.mixed, SharedExamples.simplified])
    #expect(result.status == 0)
    let lines = result.outputText.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("\(SharedExamples.mixed): mixed, mostly traditional"))
    #expect(lines[1].hasPrefix("\(SharedExamples.simplified): simplified ("))
  }

  @Test func normalizedArticleIsTraditionalTaiwan() throws {
    let result = try FanjianExecutable.run(["detect"], input: SharedExamples.bytes(SharedExamples.normalized("tw")))
    #expect(result.outputText.hasPrefix("<stdin>: traditional, tw ("))
  }

  @Test func shortTextIsUndetermined() throws {
    let result = try FanjianExecutable.run(["detect"], input: Array("中文".utf8))
    #expect(result.outputText.hasPrefix("<stdin>: undetermined"))
  }

  @Test func jsonHasOneObjectPerInput() throws {
    let result = try FanjianExecutable.run(["detect", "--json", SharedExamples.mixed, SharedExamples.simplified])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [[String: Any]]
    #expect(json?.map { $0["script"] as? String } == ["mixed", "simplified"])
    #expect((json?.first?["simplifiedOnly"] as? Int ?? 0) > 0)
  }

  @Test func missingFileIsReportedAndTheOthersStillDetected() throws {
    let result = try FanjianExecutable.run(["detect", "/nonexistent/x.txt", SharedExamples.simplified])
    #expect(result.status == 1)
    #expect(result.standardError.contains("/nonexistent/x.txt"))
    #expect(result.outputText.contains("simplified"))
  }
}

/// `fanjian check` end to end.
@Suite struct CheckTests {
  @Test func leftoversAreReportedAtTheirPositions() throws {
    let result = try FanjianExecutable.run(["check", "--expect", "t", SharedExamples.mixed])
    #expect(result.status == 1)
    let text = String(decoding: SharedExamples.bytes(SharedExamples.mixed), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    let findings = result.outputText.split(separator: "\n").map(String.init)
    #expect(findings.count > 100)
    #expect(findings.contains("\(SharedExamples.mixed):1:15: 标 → 標 (leftover)"))
    #expect(findings.contains("\(SharedExamples.mixed):5:105: 于 → 於 (leftover)"))
    // Every finding points at what it found.
    for finding in findings {
      let parts = finding.dropFirst(SharedExamples.mixed.count + 1).split(separator: ":", maxSplits: 2)
      let line = Int(parts[0])!
      let column = Int(parts[1])!
      let found = String(parts[2].dropFirst().prefix { $0 != " " })
      let actual = String(String.UnicodeScalarView(lines[line - 1][(column - 1)...].prefix(found.unicodeScalars.count)))
      #expect(actual == found, "\(finding)")
    }
  }

  @Test func normalizedOutputIsClean() throws {
    for standard in ["t", "tw", "hk", "s"] {
      let normalized = try FanjianExecutable.run(["normalize", "--to", standard, SharedExamples.mixed])
      let result = try FanjianExecutable.run(["check", "--expect", standard], input: normalized.standardOutput)
      #expect(result.status == 0, "\(standard)")
      #expect(result.standardOutput.isEmpty, "\(standard): \(result.outputText.prefix(200))")
    }
  }

  @Test func positionsAcrossCRLFAndCharactersOutsideTheBMP() throws {
    let input = "\u{FEFF}😀对\r\n𠮷\t将\r\r\n将"
    let result = try FanjianExecutable.run(["check", "--expect", "tw"], input: Array(input.utf8))
    #expect(result.status == 1)
    #expect(
      result.outputText == """
        <stdin>:1:2: 对 → 對 (leftover)
        <stdin>:2:3: 将 → 將 (leftover)
        <stdin>:4:1: 将 → 將 (leftover)

        """)
  }

  @Test func jsonListsFindings() throws {
    let result = try FanjianExecutable.run(["check", "--expect", "tw", "--json"], input: Array("爲了".utf8))
    #expect(result.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [[String: Any]]
    let findings = try #require(json?.first?["findings"] as? [[String: Any]])
    #expect(findings.first?["reason"] as? String == "variant form")
    #expect(findings.first?["suggested"] as? String == "為")
  }

  @Test func unreadableInputExitsWithTwo() throws {
    let result = try FanjianExecutable.run(["check", "--expect", "t", "/nonexistent/x.txt"])
    #expect(result.status == 2)
  }

  @Test func helpSaysWhichUnitColumnsCount() throws {
    let result = try FanjianExecutable.run(["check", "--help"])
    #expect(result.outputText.contains("Unicode"))
    #expect(result.outputText.contains("scalars"))
    #expect(result.outputText.contains("EXIT STATUS"))
  }
}
