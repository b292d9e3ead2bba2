/// Which dictionary files of `data/` make up each configuration, stage by stage.
///
/// A configuration is a pipeline of stages, as in OpenCC (s2twp: Simplified to
/// Traditional, then Taiwan vocabulary, then Taiwan variant forms). Within a
/// stage the files are merged; for a key found in several files, the file
/// listed first wins, so curated tables come before generated ones. The table
/// compiler composes each pipeline into one table that converts in one pass.
package enum TableRecipe {
  package static let simplifiedToTraditional = [
    "curated/st-phrases.txt", "curated/st-cantonese-phrases.txt", "curated/st-characters.txt",
    "generated/st-everyday.txt", "generated/st-phrases.txt", "icu/st-phrases.txt", "icu/st-characters.txt",
  ]
  package static let traditionalToSimplified = [
    "curated/ts-phrases.txt", "curated/ts-characters.txt", "generated/ts-characters.txt", "generated/ts-phrases.txt",
    "icu/ts-phrases.txt", "icu/ts-characters.txt",
  ]
  package static let toTaiwan = [
    "curated/tw-variant-phrases.txt", "curated/tw-variants.txt", "generated/tw-everyday.txt",
  ]
  /// s2two, s2twpo and t2two: Taiwan's official forms (臺灣 占用 發布 瞭解) over the
  /// everyday Taiwan stage. One stage, official files first: an official entry
  /// overrides the everyday entry with the same key (臺灣 stays 臺灣 where `toTaiwan`
  /// writes 台灣), and everything else is what s2tw writes.
  package static let toTaiwanOfficial =
    ["curated/tw-official-phrases.txt", "curated/tw-official-variants.txt"] + toTaiwan
  package static let fromTaiwan = ["curated/tw-reverse-phrases.txt", "curated/tw-reverse-variants.txt"]
  /// s2twp's words, then the names of countries and currencies that Taiwan
  /// writes otherwise (CLDR, through `scripts/generate-cldr-names`).
  package static let taiwanVocabulary = ["curated/tw-vocabulary.txt", "generated/tw-cldr-names.txt"]
  package static let taiwanVocabularyReverse = ["curated/tw-vocabulary-reverse.txt", "generated/tw-cldr-names-reverse.txt"]
  package static let toHongKong = ["curated/hk-variant-phrases.txt", "curated/hk-variants.txt"]
  /// s2hkp's words, then the names of countries and currencies that Hong Kong
  /// writes otherwise (CLDR's zh_Hant_HK, through `scripts/generate-cldr-names`).
  package static let hongKongVocabulary = ["curated/hk-vocabulary.txt", "generated/hk-cldr-names.txt"]
  package static let hongKongVocabularyReverse = ["curated/hk-vocabulary-reverse.txt", "generated/hk-cldr-names-reverse.txt"]
  /// s2hk only: the readings of Hong Kong's written Cantonese (the copula 係, the
  /// particle 晒, the classifier 隻); t2hk does not run it.
  package static let hongKongCantonese = ["curated/hk-cantonese.txt", "generated/hk-copula-blockers.txt"]
  package static let fromHongKong = ["curated/hk-reverse-phrases.txt", "curated/hk-reverse-variants.txt"]
  package static let toJapanese = ["curated/jp-shinjitai-phrases.txt", "curated/jp-shinjitai-characters.txt"]
  package static let fromJapanese = ["curated/jp-kyujitai-phrases.txt", "curated/jp-kyujitai-characters.txt"]

  /// The stages of a configuration, each a list of files relative to `data/`.
  package static func stages(of config: ConversionConfig) -> [[String]] {
    switch config {
    case .s2t: return [simplifiedToTraditional]
    case .t2s: return [traditionalToSimplified]
    case .s2tw: return [simplifiedToTraditional, toTaiwan]
    case .tw2s: return [fromTaiwan, traditionalToSimplified]
    case .s2twp: return [simplifiedToTraditional, taiwanVocabulary, toTaiwan]
    case .tw2sp: return [taiwanVocabularyReverse, fromTaiwan, traditionalToSimplified]
    case .s2two: return [simplifiedToTraditional, toTaiwanOfficial]
    case .s2twpo: return [simplifiedToTraditional, taiwanVocabulary, toTaiwanOfficial]
    case .s2hk: return [simplifiedToTraditional, hongKongCantonese, toHongKong]
    case .hk2s: return [fromHongKong, traditionalToSimplified]
    case .s2hkp: return [simplifiedToTraditional, hongKongCantonese, hongKongVocabulary, toHongKong]
    case .hk2sp: return [hongKongVocabularyReverse, fromHongKong, traditionalToSimplified]
    case .t2tw: return [toTaiwan]
    case .t2two: return [toTaiwanOfficial]
    case .t2hk: return [toHongKong]
    case .tw2t: return [fromTaiwan]
    case .hk2t: return [fromHongKong]
    case .t2jp: return [toJapanese]
    case .jp2t: return [fromJapanese]
    }
  }

  /// Every file any configuration reads.
  package static var allFiles: [String] {
    var seen = Set<String>()
    return ConversionConfig.allCases.flatMap { stages(of: $0).flatMap { $0 } }.filter { seen.insert($0).inserted }
  }
}
