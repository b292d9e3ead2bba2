@testable import Fanjian
import Testing

/// Pins the matching rules on small explicit tables, independent of the shipped data.
@Suite struct MatchingTests {
  static func converter(_ pairs: [(String, String)]) throws -> Converter {
    try Converter(config: .s2t, entries: pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) })
  }

  @Test func longestKeyWinsAtEachPosition() throws {
    let converter = try Self.converter([("发", "發"), ("头发", "頭髮"), ("头", "頭"), ("发展", "發展")])
    #expect(converter.convert("头发发展") == "頭髮發展")
  }

  @Test func longestKeyWinsWhetherTheEntriesComeSortedOrNot() throws {
    // Sorted entries take the matcher's fast grouping (no sort); shuffled ones are sorted.
    let pairs = [
      ("头发", "頭髮"), ("头发展", "頭發展"), ("头发展开", "頭發展開"), ("头发长", "頭髮長"), ("头", "頭"),
      ("发", "發"), ("发展", "發展"), ("发展中", "發展中"), ("中", "中"),
    ]
    let sorted = pairs.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    let text = "头发展开头发长头发展头发发展中国头"
    let expected = "頭發展開頭髮長頭發展頭髮發展中国頭"
    #expect(try Self.converter(sorted).convert(text) == expected)
    #expect(try Self.converter(sorted.reversed()).convert(text) == expected)
    #expect(try Self.converter(pairs).convert(text) == expected)
  }

  @Test func leftmostMatchBlocksAnOverlappingLaterOne() throws {
    let converter = try Self.converter([("电视", "電視"), ("视频", "影片"), ("频", "頻")])
    #expect(converter.convert("电视频道") == "電視頻道")
  }

  @Test func identityPhraseKeepsCharactersFromTheirSingleCharacterEntry() throws {
    let converter = try Self.converter([("只", "隻"), ("只是", "只是")])
    #expect(converter.convert("只是一只") == "只是一隻")
  }

  @Test func phraseLongerThanTheRemainingInputIsNotMatched() throws {
    let converter = try Self.converter([("天干地支", "天干地支"), ("干", "幹")])
    #expect(converter.convert("天干") == "天幹")
  }

  @Test func charactersOutsideTheBasicPlaneAreMatched() throws {
    let converter = try Self.converter([("𠮷", "吉"), ("𠮷野", "吉野家")])
    #expect(converter.convert("a𠮷b𠮷野") == "a吉b吉野家")
  }

  @Test func unmappedTextBetweenReplacementsIsCopied() throws {
    let converter = try Self.converter([("汉", "漢")])
    #expect(converter.convert("ab汉cd漢e汉") == "ab漢cd漢e漢")
  }

  @Test func valuesMayBeLongerOrShorterThanKeys() throws {
    let converter = try Self.converter([("鼠标", "滑鼠墊子"), ("软件", "體")])
    #expect(converter.convert("x鼠标y软件z") == "x滑鼠墊子y體z")
  }
}
