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

  @Test(arguments: ConversionConfig.allCases)
  func embeddedImageLoadsAndConvertsLikeTheMatcherBuiltFromEntries(config: ConversionConfig) throws {
    let blob = try Converter.embeddedTable(for: config)
    let image = try #require(TableBlob.parts(of: blob).image, "the embedded \(config) table carries no image")
    let loaded = try #require(TableMatcher(image: image), "the embedded \(config) image does not load")
    #expect(loaded.isBorrowingImage)
    let built = try TableMatcher(bytes: blob, spans: TableBlob.spans(in: blob, name: config.rawValue), source: config.rawValue)
    #expect(loaded.image() == built.image())
    let sample = try IdempotenceTests.sample("zh-hans-laws.txt", count: 300) + IdempotenceTests.sample("zh-hant-tw-laws.txt", count: 300)
    let text = Array(sample.joined(separator: "\n").utf8)
    var fromImage = ByteWriter(capacity: text.count * 2 + 64), fromEntries = ByteWriter(capacity: text.count * 2 + 64)
    defer {
      fromImage.deallocate()
      fromEntries.deallocate()
    }
    try text.withUnsafeBytes { bytes in
      _ = try loaded.convert(bytes, isFinal: true, into: &fromImage)
      _ = try built.convert(bytes, isFinal: true, into: &fromEntries)
    }
    #expect(Array(fromImage.bytes) == Array(fromEntries.bytes))
  }

  @Test func aDamagedOrMisalignedImageIsNotLoaded() throws {
    let blob = try Converter.embeddedTable(for: .s2t)
    let image = try #require(TableBlob.parts(of: blob).image)
    var copy = [UInt8](repeating: 0, count: image.count + 32)
    copy.withUnsafeMutableBytes { buffer in
      let skip = (16 - Int(bitPattern: buffer.baseAddress!) % 16) % 16
      let aligned = UnsafeMutableRawBufferPointer(rebasing: buffer[skip..<(skip + image.count)])
      aligned.copyMemory(from: image)
      #expect(TableMatcher(image: UnsafeRawBufferPointer(rebasing: aligned[..<image.count])) != nil)
      // One byte short, a wrong version, or an odd address: refused, and the converter builds from entries instead.
      #expect(TableMatcher(image: UnsafeRawBufferPointer(rebasing: aligned[..<(image.count - 1)])) == nil)
      let shifted = UnsafeMutableRawBufferPointer(rebasing: buffer[(skip + 1)..<(skip + 1 + image.count)])
      shifted.copyMemory(from: image)
      #expect(TableMatcher(image: UnsafeRawBufferPointer(rebasing: shifted[..<image.count])) == nil)
      aligned.copyMemory(from: image)
      aligned.storeBytes(of: UInt32(99), toByteOffset: 4, as: UInt32.self)
      #expect(TableMatcher(image: UnsafeRawBufferPointer(rebasing: aligned[..<image.count])) == nil)
    }
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
  static let corpora = ["zh-hans-laws.txt", "zh-hant-tw-laws.txt", "zuozhuan.txt"]

  static func lines(_ name: String, count: Int) throws -> [String] {
    let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    return Array(text.split(whereSeparator: \.isNewline).prefix(count).map(String.init))
  }

  /// About `count` lines spread evenly over the whole corpus (every n-th line): deterministic.
  static func sample(_ name: String, count: Int) throws -> [String] {
    let all = try lines(name, count: .max)
    let step = max(1, all.count / count)
    return stride(from: 0, to: all.count, by: step).map { all[$0] }
  }

  static let samples: [String] = {
    corpora.flatMap { (try? sample($0, count: 8000)) ?? [] }
  }()

  @Test("convert(convert(x)) == convert(x) over sampled lines of every corpus", arguments: ConversionConfig.allCases)
  func convertingTwiceEqualsConvertingOnce(config: ConversionConfig) throws {
    #expect(Self.samples.count > 20_000, "the corpora in ../shared/corpus are missing")
    let converter = try Converter(config)
    var failures: [String] = []
    for line in Self.samples {
      let once = converter.convert(line)
      let twice = converter.convert(once)
      if twice != once { failures.append("\(line) → \(once) → \(twice)") }
    }
    #expect(failures.isEmpty, "\(failures.count) lines: \(failures.prefix(3))")
  }

  @Test(
    "text a Taiwan phrase wrote stays as it is when a key starting inside it follows",
    arguments: [
      (ConversionConfig.s2tw, "一并发包给", "一併發包給"), (.s2twp, "一并发包给", "一併發包給"),
      (.s2tw, "受雇员工", "受僱員工"), (.s2tw, "增雇员工", "增僱員工"), (.t2tw, "約雇員額", "約僱員額"),
      (.s2tw, "一併發還", "一併發還"), (.t2tw, "受僱員工", "受僱員工"), (.s2twp, "计算器", "計算機"),
    ])
  func phraseOutputsAreStable(config: ConversionConfig, input: String, expected: String) throws {
    let converter = try Converter(config)
    #expect(converter.convert(input) == expected)
    #expect(converter.convert(expected) == expected)
  }
}
