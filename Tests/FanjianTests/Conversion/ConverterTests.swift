import Fanjian
import Testing

@Suite struct ConverterTests {
  static let s2t = try! Converter(.s2t)

  @Test(arguments: [
    "",
    "plain ASCII text, with punctuation!?\t{}[]",
    "line one\r\nline two\r\n",
    "emoji 👍🏽👨‍👩‍👧 and flags 🇹🇼🇭🇰",
    "ひらがな カタカナ ｶﾀｶﾅ",
    "한국어 텍스트",
    "combining: e\u{301} a\u{308} \u{1E9B}\u{323}",
    "\u{FEFF}BOM at start",
    "Ελληνικά Кириллица العربية",
  ])
  func textWithoutHanPassesThroughByteIdentical(_ text: String) throws {
    for config in ConversionConfig.allCases {
      let converter = try Converter(config)
      #expect(converter.convert(text) == text, "config \(config)")
      #expect(try converter.convert(utf8: Array(text.utf8)) == Array(text.utf8), "config \(config)")
    }
  }

  @Test func bytesAndStringConversionsAgree() throws {
    let text = "简体中文转换：汉字、软件和头发。Mixed with ASCII 123."
    #expect(try Self.s2t.convert(utf8: Array(text.utf8)) == Array(Self.s2t.convert(text).utf8))
  }

  @Test func invalidUTF8IsReportedWithItsByteOffset() {
    let bytes: [UInt8] = Array("汉字".utf8) + [0xFF] + Array("ok".utf8)
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 6)) { try Self.s2t.convert(utf8: bytes) }
  }

  @Test(arguments: [
    [0xC0, 0x80] as [UInt8],  // overlong
    [0xED, 0xA0, 0x80],  // surrogate
    [0xE0, 0x9F, 0xBF],  // overlong three-byte form
    [0xE6, 0xB1],  // cut off at the end
    [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
    [0x80],  // lone continuation byte
  ])
  func malformedSequencesAreRejected(_ bytes: [UInt8]) {
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 1)) { try Self.s2t.convert(utf8: [0x41] + bytes) }
  }

  @Test func userDictionaryOverridesABuiltInEntry() throws {
    let builtIn = Self.s2t.convert("汉字")
    #expect(builtIn == "漢字")
    let mine = try ConversionDictionary(pairs: [("汉字", "漢字兒"), ("鼠标", "滑鼠")])
    let converter = try Converter(.s2t, dictionaries: [mine])
    #expect(converter.convert("汉字和鼠标") == "漢字兒和滑鼠")
  }

  @Test func laterUserDictionaryWinsOverAnEarlierOne() throws {
    let first = try ConversionDictionary(pairs: [("汉字", "甲")])
    let second = try ConversionDictionary(parsing: "# mine\n汉字\t乙 丙\n", source: "second.txt")
    #expect(second.entries.first?.alternatives == ["丙"])
    #expect(try Converter(.s2t, dictionaries: [first, second]).convert("汉字") == "乙")
  }

  @Test func malformedDictionaryLineIsReportedWithItsLineNumber() {
    #expect(throws: FanjianError.malformedDictionary(source: "user.txt", line: 3, reason: "expected 'key<TAB>value', found no tab")) {
      try ConversionDictionary(parsing: "# comment\n汉\t漢\n汉字 漢字\n", source: "user.txt")
    }
  }

  @Test func configurationsAreFoundByTheirOpenCCNames() throws {
    #expect(ConversionConfig(name: "S2TW") == .s2tw)
    #expect(ConversionConfig(name: "s2twp.json") == .s2twp)
    #expect(ConversionConfig(name: "s2two") == .s2two)
    #expect(ConversionConfig(name: "S2TWPO.json") == .s2twpo)
    #expect(ConversionConfig(name: "t2two") == .t2two)
    #expect(try Converter(config: "hk2s").config == .hk2s)
    #expect(throws: FanjianError.unknownConfig(name: "s2x")) { try Converter(config: "s2x") }
  }

  @Test func everyConfigurationLoadsItsEmbeddedTable() throws {
    for config in ConversionConfig.allCases {
      let converter = try Converter(config)
      #expect(converter.tableMemory > 0)
    }
  }

  @Test func icuEngineRunsICUsTransliterator() throws {
    let icu = try Converter(.s2t, engine: .icu)
    #expect(icu.convert("简体中文") == "簡體中文")
    #expect(throws: FanjianError.unsupportedEngine(engine: "icu", config: "t2tw")) {
      try Converter(.t2tw, engine: .icu)
    }
  }

  @Test func converterIsSharedSafelyAcrossTasks() async throws {
    let converter = Self.s2t
    let expected = converter.convert("汉字转换")
    let results = await withTaskGroup(of: String.self) { group in
      for _ in 0..<16 { group.addTask { converter.convert("汉字转换") } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.allSatisfy { $0 == expected })
  }
}

/// The converter's UTF-8 validation agrees with the standard library's on arbitrary bytes.
@Suite struct UTF8ValidationTests {
  /// Valid text made of boundary scalars, with one byte replaced in most
  /// samples, so that each sample tests one rule (overlong, surrogate, range,
  /// truncation, stray continuation byte).
  @Test func invalidInputIsRejectedExactlyWhenTheStandardLibraryRejectsIt() throws {
    let converter = try Converter(.s2t)
    let scalars: [UInt32] = [0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x6C49, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x20BB7, 0x10FFFF]
    let replacements: [UInt8] = [0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x41]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    var rejected = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<3 { bytes += Array(String(Unicode.Scalar(scalars[next(scalars.count)])!).utf8) }
      if next(4) != 0 { bytes[next(bytes.count)] = replacements[next(replacements.count)] }
      if next(8) == 0 { bytes.removeLast() }
      let valid = String(validating: bytes, as: UTF8.self) != nil
      let accepted = (try? converter.convert(utf8: bytes)) != nil
      #expect(valid == accepted, "\(bytes.map { String($0, radix: 16) })")
      if !valid { rejected += 1 }
    }
    #expect(rejected > 1_000 && rejected < 19_000, "the samples should mix valid and invalid text")
  }
}
