import Testing

@testable import Fanjian

/// `Normalizer` on the real mixed article and on named cases.
@Suite struct NormalizerTests {
  static let overConversions = ["紮克伯格", "小紮", "隻是", "隻會", "隻要", "短闆", "導緻", "關系", "聯系", "盡管"]

  @Test func articleToTraditionalMatchesTheHandCheckedExpectation() throws {
    let result = try Normalizer(target: .traditional).normalize(ExampleArticle.mixed)
    #expect(result.text == (try ExampleArticle.normalized("t")))
  }

  @Test func articleToTaiwanMatchesTheHandCheckedExpectation() throws {
    let result = try Normalizer(target: .taiwan).normalize(ExampleArticle.mixed)
    #expect(result.text == (try ExampleArticle.normalized("tw")))
  }

  @Test(arguments: [Standard.traditional, .taiwan, .hongKong])
  func articleLeavesNoSimplifiedCharacterAndNoOverConversion(_ target: Standard) throws {
    let text = try Normalizer(target: target).normalize(ExampleArticle.mixed).text
    let inventory = CharacterInventory.builtIn
    let leftovers = text.unicodeScalars.filter { inventory.isForeign($0.value, to: target) }
    #expect(leftovers.isEmpty, "\(String(String.UnicodeScalarView(leftovers)))")
    for word in Self.overConversions {
      #expect(!text.contains(word), "\(word)")
    }
    for word in ["扎克伯格", "小扎", "只是", "只會", "只要", "短板", "導致", "關係", "聯繫", "儘管"] {
      #expect(text.contains(word), "\(word)")
    }
  }

  /// The article is the Simplified original pushed through a bad converter,
  /// so the fewest edits give exactly what the good converter makes of the original.
  @Test(arguments: [(Standard.traditional, ConversionConfig.s2t), (.taiwan, .s2tw), (.hongKong, .s2hk)])
  func articleNormalizesToTheConversionOfItsSimplifiedOriginal(_ target: Standard, _ config: ConversionConfig) throws {
    let normalized = try Normalizer(target: target).normalize(ExampleArticle.mixed).text
    #expect(normalized == (try Converter(config).convert(ExampleArticle.simplified)))
  }

  @Test func articleToSimplifiedEqualsTheSimplifiedVersion() throws {
    let result = try Normalizer(target: .simplified).normalize(ExampleArticle.mixed)
    #expect(result.text == (try ExampleArticle.simplified))
  }

  /// Every change replaces exactly its own characters; everything else is the input's.
  @Test(arguments: Standard.allCases)
  func articleChangesTouchNothingElse(_ target: Standard) throws {
    let input = try ExampleArticle.mixed
    let result = try Normalizer(target: target).normalize(input)
    var rebuilt: [UInt8] = []
    var cursor = 0
    let bytes = Array(input.utf8)
    for change in result.changes {
      #expect(Array(bytes[change.input]) == Array(change.original.utf8))
      rebuilt += bytes[cursor..<change.input.lowerBound]
      #expect(change.output.lowerBound == rebuilt.count)
      rebuilt += Array(change.replacement.utf8)
      cursor = change.input.upperBound
    }
    rebuilt += bytes[cursor...]
    #expect(String(decoding: rebuilt, as: UTF8.self) == result.text)
  }

  @Test(arguments: Standard.allCases)
  func normalizingTwiceChangesNothing(_ target: Standard) throws {
    let normalizer = try Normalizer(target: target)
    let once = normalizer.normalize(try ExampleArticle.mixed)
    let twice = normalizer.normalize(once.text)
    #expect(twice.changes.isEmpty, "\(twice.changes.prefix(3))")
    #expect(twice.text == once.text)
  }

  @Test func articleChangesHaveTheirReasons() throws {
    let changes = try Normalizer(target: .taiwan).normalize(ExampleArticle.mixed).changes
    func first(_ original: String) -> NormalizationResult.Change? { changes.first { $0.original == original } }
    #expect(first("标")?.reason == .leftover)
    #expect(first("标")?.position.description == "1:15")
    #expect(first("紮")?.reason == .overConversion)
    #expect(first("紮")?.phrase == "扎克伯格")
    #expect(first("隻")?.reason == .overConversion)
    #expect(first("闆")?.replacement == "板")
    #expect(first("系")?.reason == .contextForm)
    #expect(first("盡")?.reason == .contextForm)
    #expect(first("爲")?.reason == .variantForm)
    #expect(first("爲")?.replacement == "為")
    #expect(first("麽")?.reason == .variantForm)
  }

  // MARK: - Named cases

  @Test func shortMixedSentence() throws {
    let result = try Normalizer(target: .taiwan).normalize("小紮隻是对标了他們的産品")
    #expect(result.text == "小扎只是對標了他們的產品")
    #expect(result.changes.map(\.reason) == [.overConversion, .overConversion, .leftover, .variantForm])
    #expect(result.changes.map(\.original) == ["紮", "隻", "对标", "産"])
    #expect(result.changes.map(\.position.column) == [2, 3, 5, 11])
  }

  /// Where only a character's default disagrees, the author's valid character stays.
  @Test func authorsValidCharacterStaysWhereNoPhraseDecides() throws {
    let normalizer = try Normalizer(target: .traditional)
    for text in ["天氣很乾。", "他很幹練。", "皇后來了", "而後來了", "鐘錶店"] {
      let result = normalizer.normalize(text)
      #expect(result.text == text, "\(text)")
      #expect(result.changes.isEmpty, "\(text)")
    }
  }

  /// A shared character (后, 于) is kept where a phrase keeps it and
  /// converted elsewhere, like any leftover.
  @Test func sharedCharactersFollowThePhrases() throws {
    let normalizer = try Normalizer(target: .traditional)
    #expect(normalizer.normalize("皇后").text == "皇后")
    #expect(normalizer.normalize("以后").text == "以後")
    #expect(normalizer.normalize("Meta 于 2023 年").text == "Meta 於 2023 年")
  }

  @Test func variantFormsFollowTheTarget() throws {
    #expect(try Normalizer(target: .taiwan).normalize("爲了着裏面").text == "為了著裡面")
    #expect(try Normalizer(target: .traditional).normalize("為了看著裡面").text == "爲了看着裏面")
    #expect(try Normalizer(target: .hongKong).normalize("爲了看著").text == "為了看着")
  }

  @Test func textWithoutHanAndCleanTextAreUntouched() throws {
    for target in Standard.allCases {
      let normalizer = try Normalizer(target: target)
      for text in ["", "plain ASCII\r\nline two\n", "emoji 😀 𠮷 \u{FEFF}", "ひらがな"] {
        let result = normalizer.normalize(text)
        #expect(result.text == text)
        #expect(result.changes.isEmpty)
        #expect(result.offsets.isUniform)
      }
    }
  }

  @Test func invalidUTF8Throws() throws {
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 3)) {
      try Normalizer(target: .traditional).normalize(utf8: Array("对标".utf8.prefix(3)) + [0xFF])
    }
  }
}
