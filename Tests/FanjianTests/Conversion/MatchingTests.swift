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
