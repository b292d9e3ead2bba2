import Testing

@testable import Fanjian

/// `Script.detect(in:)`: verdicts, counts and the regional guess.
@Suite struct ScriptDetectionTests {
  @Test func mixedArticleIsMixedAndMostlyTraditional() throws {
    let detection = Script.detect(in: try ExampleArticle.mixed)
    #expect(detection.script == .mixed)
    #expect(detection.traditionalCount > detection.simplifiedCount)
    #expect(detection.simplifiedCount >= 50)
  }

  @Test func simplifiedArticleIsSimplified() throws {
    let detection = Script.detect(in: try ExampleArticle.simplified)
    #expect(detection.script == .simplified)
    #expect(detection.traditionalCount == 0)
    #expect(detection.standard == nil)
  }

  @Test(arguments: [("t", Standard.traditional), ("tw", .taiwan)])
  func normalizedArticleIsTraditionalInItsStandard(_ name: String, _ standard: Standard) throws {
    let detection = Script.detect(in: try ExampleArticle.normalized(name))
    #expect(detection.script == .traditional)
    #expect(detection.simplifiedCount == 0)
    #expect(detection.standard == standard)
  }

  @Test func hongKongText() throws {
    let text = try Converter(.s2hk).convert(ExampleArticle.simplified)
    #expect(Script.detect(in: text).standard == .hongKong)
  }

  @Test(arguments: ["", "hello world", "中文", "中文人口大小", "汉字", "漢字", "这是", "今天天气很好"])
  func shortOrCommonTextIsUndetermined(_ text: String) {
    #expect(Script.detect(in: text).script == .undetermined, "\(text)")
  }

  @Test func oneStrayCharacterDoesNotMakeTextMixed() {
    #expect(Script.detect(in: "這是一段繁體中文的句子，裡面有為和著，还有").script == .traditional)
  }

  @Test func deciderCharactersComeFromTheTables() {
    let inventory = CharacterInventory.builtIn
    for character in "将确对这" { #expect(inventory.isSimplifiedOnly(character.unicodeScalars.first!.value)) }
    for character in "將確對這" { #expect(inventory.isTraditionalOnly(character.unicodeScalars.first!.value)) }
    // Written by both scripts somewhere: not deciding.
    for character in "后于里乾著中" {
      let scalar = character.unicodeScalars.first!.value
      #expect(!inventory.isSimplifiedOnly(scalar) && !inventory.isTraditionalOnly(scalar), "\(character)")
    }
  }
}
