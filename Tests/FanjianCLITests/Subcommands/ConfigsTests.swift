import Foundation
import Testing

/// `fanjian configs` end to end.
@Suite struct ConfigsTests {
  @Test func configsListsEveryConfigurationWithSummaries() throws {
    let result = try FanjianExecutable.run(["configs"])
    #expect(result.status == 0)
    let lines = result.outputText.split(separator: "\n")
    let names = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(names == ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2two", "s2twpo", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw", "t2two", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t"])
    for line in lines {
      #expect(line.contains("→"), "\(line) has no summary")
    }
  }

  @Test func configsDescribesTheOfficialFormsConfigurations() throws {
    let result = try FanjianExecutable.run(["configs"])
    let lines = result.outputText.split(separator: "\n").map(String.init)
    #expect(lines.contains("s2two   Simplified → Traditional, Taiwan official forms for government and legal text (臺灣 占用 發布)"))
    #expect(lines.contains("s2twpo  Simplified → Traditional (Taiwan official forms) with Taiwan vocabulary (软件 → 軟體)"))
    #expect(lines.contains("t2two   Traditional (OpenCC standard) → Taiwan official forms (佔用 → 占用)"))
  }

  @Test func configsAlignsSummariesInOneColumn() throws {
    let result = try FanjianExecutable.run(["configs"])
    // The summary starts after the name and its padding: the same column on every line.
    let columns = Set(
      result.outputText.split(separator: "\n").map { line in
        let name = line.prefix { $0 != " " }
        let padding = line.dropFirst(name.count).prefix { $0 == " " }
        return name.count + padding.count
      })
    #expect(columns.count == 1)
  }
}
