import Fanjian
import Testing

@Suite struct TransliteratorTests {
  @Test func opensICUTransliteratorsById() throws {
    #expect(try Transliterator(id: "Simplified-Traditional").transliterate("头发") == "頭髮")
    #expect(try Transliterator(id: "Traditional-Simplified").transliterate("頭髮") == "头发")
    #expect(try Transliterator(id: "Han-Latin").transliterate("中文") == "zhōng wén")
  }

  @Test func compoundIdsWork() throws {
    let compound = try Transliterator(id: "Traditional-Simplified; Han-Latin")
    #expect(try compound.transliterate("中國") == "zhōng guó")
  }

  @Test func unknownIdThrowsATypedErrorNamingTheId() {
    #expect(throws: FanjianError.unknownTransliterator(id: "No-Such-Thing", icuError: "U_INVALID_ID")) {
      try Transliterator(id: "No-Such-Thing")
    }
  }

  @Test func rulesAreReadable() throws {
    let rules = try Transliterator(id: "Simplified-Traditional").rules()
    #expect(rules.contains(" > "))
  }
}
