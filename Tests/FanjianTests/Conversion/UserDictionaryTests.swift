@testable import Fanjian
import Testing

/// User dictionaries: keys and values of any shape convert exactly as written.
@Suite struct UserDictionaryTests {
  static func converter(_ pairs: [(String, String)], config: ConversionConfig = .s2t) throws -> Converter {
    try Converter(config, dictionaries: [ConversionDictionary(pairs: pairs, source: "mine.txt")])
  }

  /// Every way of converting, which must all agree.
  static func conversions(_ converter: Converter, _ text: String) throws -> [String] {
    let bytes = Array(text.utf8)
    var streamed: [UInt8] = []
    var stream = converter.makeStream()
    for byte in bytes { try stream.convert([byte], appendingTo: &streamed) }
    try stream.finish(appendingTo: &streamed)
    var concurrent: [UInt8] = []
    try Array((text + "\n").utf8).withUnsafeBytes { buffer in
      try converter.convert(utf8: buffer, appendingTo: &concurrent, maximumConcurrency: 2)
    }
    return [
      converter.convert(text),
      String(decoding: try converter.convert(utf8: bytes), as: UTF8.self),
      String(decoding: streamed, as: UTF8.self),
      String(decoding: concurrent.dropLast(), as: UTF8.self),
      converter.convertWithOffsets(text).text,
    ]
  }

  @Test("keys that begin with an ASCII character match, in every conversion path")
  func asciiInitialKeysMatch() throws {
    let converter = try Self.converter([
      ("iPhone", "愛瘋"), ("C语言", "C語言"), ("卡拉OK", "卡拉歐開"), ("Q", "Ｑ"), ("OKR", "目標與關鍵結果"),
    ])
    let input = "买了iPhone，学C语言，唱卡拉OK。Qt和OKR；abcdefghijiPhone"
    let expected = "買了愛瘋，學C語言，唱卡拉歐開。Ｑt和目標與關鍵結果；abcdefghij愛瘋"
    for output in try Self.conversions(converter, input) { #expect(output == expected) }
  }

  @Test("an ASCII key is matched after a run of ASCII longer than a word, and at the very end")
  func asciiKeysInsideLongASCIIRuns() throws {
    let converter = try Self.converter([("xyz", "[XYZ]")])
    let input = "0123456789abcdefxyz0123456789xyz"
    for output in try Self.conversions(converter, input) { #expect(output == "0123456789abcdef[XYZ]0123456789[XYZ]") }
  }

  @Test("ASCII is skipped a word at a time unless many ASCII bytes start keys")
  func asciiFastPathIsKept() throws {
    let withoutASCIIKeys: [ConversionConfig] = [.s2t, .t2s, .s2tw, .tw2s, .s2hk, .hk2s, .t2tw, .tw2t]
    for config in withoutASCIIKeys { #expect(try Converter(config).matcher.asciiKeyStarts.isEmpty, "\(config)") }
    for config in ConversionConfig.allCases {
      // None or few (U of U盤): the word-at-a-time skip stays.
      let matcher = try Converter(config).matcher
      #expect(matcher.asciiKeyStarts.isEmpty || matcher.asciiProbes.0 != TableMatcher.noProbe, "\(config)")
    }
    let many = try Self.converter([("iPhone", "愛瘋"), ("Android", "安卓"), ("C语言", "C語言"), ("OK", "好")])
    #expect(many.matcher.asciiProbes.0 == TableMatcher.noProbe)
    #expect(many.convert("an iPhone, an Android, C语言 and OK") == "an 愛瘋, an 安卓, C語言 and 好")
  }

  @Test("the built-in keys that start with ASCII match (U盘 in the vocabulary tables)")
  func builtInASCIIKeysMatch() throws {
    #expect(try Converter(.s2twp).convert("插上U盘。abcdefghU盘") == "插上隨身碟。abcdefgh隨身碟")
    #expect(try Converter(.s2hkp).convert("插上U盘") == "插上USB手指")
    #expect(try Converter(.hk2sp).convert("插上USB手指") == "插上U盘")
  }

  @Test("a single character's value longer than 127 bytes is written whole")
  func longSingleCharacterValue() throws {
    let long = String(repeating: "長", count: 100) + "end"
    let converter = try Self.converter([("马", long), ("𠮷", long + "!")])
    for output in try Self.conversions(converter, "马上𠮷") { #expect(output == long + "上" + long + "!") }
  }

  @Test("more than 16 MiB of single-character values: every entry keeps its own value")
  func manySingleCharacterValues() throws {
    // 140,000 astral-plane keys with 124-byte values: about 17 MB of values.
    let first: UInt32 = 0x20000, count: UInt32 = 140_000
    var pairs: [(String, String)] = []
    pairs.reserveCapacity(Int(count))
    for code in first..<first + count {
      let key = String(Unicode.Scalar(code)!)
      pairs.append((key, String(repeating: key, count: 31)))
    }
    let converter = try Self.converter(pairs)
    for code in [first, first + 1, first + count / 2, first + count - 2, first + count - 1] {
      let key = String(Unicode.Scalar(code)!)
      #expect(converter.convert("马" + key + "b") == "馬" + String(repeating: key, count: 31) + "b")
    }
  }

  @Test("a matcher error names the dictionary file and line the entry came from")
  func matcherErrorsCarryProvenance() throws {
    let entries: [TableMatcher.Entry] = [
      .init(key: Array("好".utf8), value: Array("好".utf8), origin: .init(source: "a.txt", line: 3)),
      .init(key: [0xFF, 0x41], value: Array("x".utf8), origin: .init(source: "mine.txt", line: 42)),
    ]
    #expect(throws: FanjianError.malformedDictionary(source: "mine.txt", line: 42, reason: "a key is empty or not UTF-8")) {
      try TableMatcher.build(entries: entries, source: "s2t")
    }
  }

  @Test("dictionary entries remember the line they were read from")
  func entriesRememberTheirLines() throws {
    let dictionary = try ConversionDictionary(parsing: "# comment\n\n马\t馬\n鼠标\t滑鼠\n", source: "mine.txt")
    #expect(dictionary.lines == [3, 4])
    let overlaid = Converter.overlay([dictionary], on: [(Array("马".utf8), Array("馬".utf8))])
    #expect(overlaid.map(\.origin) == [.init(source: "mine.txt", line: 3), .init(source: "mine.txt", line: 4)])
  }
}
