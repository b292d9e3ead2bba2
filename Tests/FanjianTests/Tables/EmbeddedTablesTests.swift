import Foundation
@testable import Fanjian
import Testing

/// The embedded tables must be exactly what `fanjian-tables compile` makes of data/.
@Suite struct EmbeddedTablesTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: ConversionConfig.allCases)
  func embeddedTableMatchesTheDataFolder(config: ConversionConfig) throws {
    let data = TableData(directory: Self.repositoryRoot.appendingPathComponent("data").path)
    let expected = try data.compiledBlob(for: config)
    let isFresh = Converter.embeddedBlob(for: config) == expected
    #expect(isFresh, "the embedded \(config) table is stale: run `swift run fanjian-tables compile` and commit the blobs")
  }

  @Test func blobRoundTripsItsEntries() throws {
    let entries: [(key: [UInt8], value: [UInt8])] = [(Array("发".utf8), Array("發".utf8)), (Array("头发".utf8), Array("頭髮".utf8))]
    let decoded = try TableBlob.encode(entries).withUnsafeBytes { try TableBlob.decode($0, name: "test") }
    #expect(decoded.map(\.key) == entries.map(\.key))
    #expect(decoded.map(\.value) == entries.map(\.value))
  }

  @Test func damagedBlobIsRejected() {
    var blob = TableBlob.encode([(Array("发".utf8), Array("發".utf8))])
    blob.removeLast()
    #expect(throws: FanjianError.self) { try blob.withUnsafeBytes { try TableBlob.decode($0, name: "s2t") } }
  }

  @Test func composedTableAgreesWithRunningTheStagesOneAfterAnother() throws {
    let data = TableData(directory: Self.repositoryRoot.appendingPathComponent("data").path)
    let simplified = "我们的软件在网络上运行，鼠标和打印机都很好。头发干了以后，他只是说了一句。"
    let taiwanese = "我們的軟體在網路上執行，滑鼠和印表機都很好。頭髮乾了以後，他只是說了一句。"
    for (config, input) in [(ConversionConfig.s2twp, simplified), (.s2hk, simplified), (.tw2sp, taiwanese)] {
      let composer = try data.composer(for: config)
      let composed = try Converter(config: config, entries: composer.composedEntries())
      #expect(composed.convert(input) == composer.runSequentially(input), "config \(config)")
    }
  }
}

/// Converting a conversion's output again changes nothing (checked on real text).
@Suite struct IdempotenceTests {
  static let corpus = EmbeddedTablesTests.repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/corpus")

  static func lines(_ name: String, count: Int) throws -> [String] {
    let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    return Array(text.split(separator: "\n").prefix(count).map(String.init))
  }

  @Test(arguments: [(ConversionConfig.s2t, "zh-hans-laws.txt"), (.s2twp, "zh-hans-laws.txt"), (.t2s, "zh-hant-tw-laws.txt")])
  func convertingTwiceEqualsConvertingOnce(config: ConversionConfig, corpus: String) throws {
    let converter = try Converter(config)
    for line in try Self.lines(corpus, count: 1500) {
      let once = converter.convert(line)
      #expect(converter.convert(once) == once)
    }
  }
}
