import Foundation
@testable import Fanjian
import Testing

/// Pins `t2jp` and `jp2t` (Japanese Shinjitai) on Japanese sentences, with the exact
/// text a writer of each form would produce: modern Japanese writes 国 学 説 税 弁 台 予,
/// pre-reform Japanese and Traditional Chinese 國 學 說 稅 辯/辨/瓣 臺/颱 豫. The expected
/// strings come from the language, never from a converter's output.
@Suite("Japanese Shinjitai")
struct JapaneseConversionTests {
  enum Converters {
    static let t2jp = try! Converter(.t2jp)
    static let jp2t = try! Converter(.jp2t)
    static let s2t = try! Converter(.s2t)
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let modernJapanese = [
    "国語の学習は大切です。",
    "台湾の気候は温暖で、春には桜の花が咲く。",
    "彼は弁護士として法廷で証言した。",
    "説明書を読んでから、税金を払った。",
    "毎日、黄色い歩道を歩いて駅まで行く。",
    "戦争と平和、芸術と文学について議論する。",
    "予定より早く着いたので、余裕がある。",
    "台風の日に台所で弁当を食べた。",
    "会議の計画は来週に決まる。",
    "花弁の数を数えて弁別する。",
  ]

  // MARK: t2jp

  @Test("t2jp: old forms and t forms become Shinjitai", arguments: [
    ("國語の學習は大切です。", "国語の学習は大切です。"),
    ("臺灣の氣候は溫暖で、春には櫻の花が咲く。", "台湾の気候は温暖で、春には桜の花が咲く。"),
    ("彼は辯護士として法廷で證言した。", "彼は弁護士として法廷で証言した。"),
    ("說明書を讀んでから、稅金を拂った。", "説明書を読んでから、税金を払った。"),
    ("每日、黃色い步道を步いて驛まで行く。", "毎日、黄色い歩道を歩いて駅まで行く。"),
    ("戰爭と平和、藝術と文學について議論する。", "戦争と平和、芸術と文学について議論する。"),
    ("豫定より早く着いたので、餘裕がある。", "予定より早く着いたので、余裕がある。"),
    ("颱風の日に臺所で辨當を食べた。", "台風の日に台所で弁当を食べた。"),
    ("花瓣の數を數えて辨別する。辮髮。", "花弁の数を数えて弁別する。弁髪。"),
    ("雞肉と麵、鬥爭と舉手、羣衆。", "鶏肉と麺、闘争と挙手、群衆。"),
  ])
  func t2jp(input: String, expected: String) {
    #expect(Converters.t2jp.convert(input) == expected)
  }

  @Test("t2jp: kyūjitai spellings that t does not use also convert", arguments: [
    ("鷄と鄕と擧と鬪と麪", "鶏と郷と挙と闘と麺"),
    ("爲替と僞物、眞實", "為替と偽物、真実"),
  ])
  func t2jpKyujitai(input: String, expected: String) {
    #expect(Converters.t2jp.convert(input) == expected)
  }

  @Test("t2jp: Taiwan forms convert, characters Japan does not use pass through", arguments: [
    ("他們說這裡的眾人都啟程了。", "他們説這裏的衆人都啓程了。"),
    ("爲什麼着急？", "為什麼着急？"),
  ])
  func t2jpChineseText(input: String, expected: String) {
    #expect(Converters.t2jp.convert(input) == expected)
  }

  @Test("t2jp: names Japan writes with the old form keep it", arguments: [
    ("御嶽山に登った。", "御嶽山に登った。"),
    ("坂本龍馬と恐龍の化石。", "坂本龍馬と恐竜の化石。"),
  ])
  func t2jpNames(input: String, expected: String) {
    #expect(Converters.t2jp.convert(input) == expected)
  }

  @Test func simplifiedThroughS2tThenT2jp() {
    #expect(Converters.t2jp.convert(Converters.s2t.convert("国语学习和说明书")) == "国語学習和説明書")
  }

  // MARK: jp2t

  @Test("jp2t: Shinjitai become t forms", arguments: [
    ("国語の学習は大切です。", "國語の學習は大切です。"),
    ("台湾の気候は温暖で、春には桜の花が咲く。", "臺灣の氣候は溫暖で、春には櫻の花が咲く。"),
    ("説明書を読んでから、税金を払った。", "說明書を讀んでから、稅金を拂った。"),
    ("鶏肉と麺、闘争と挙手、群衆。", "雞肉と麵、鬥爭と舉手、羣衆。"),
    ("為替と偽物、真実。", "爲替と僞物、真實。"),
  ])
  func jp2t(input: String, expected: String) {
    #expect(Converters.jp2t.convert(input) == expected)
  }

  @Test("jp2t: a new form standing for several old ones, by word", arguments: [
    ("弁護士", "辯護士"), ("答弁", "答辯"), ("花弁", "花瓣"), ("安全弁", "安全瓣"), ("弁膜", "瓣膜"),
    ("弁別", "辨別"), ("弁証法", "辨證法"), ("弁償", "辨償"), ("弁当", "辨當"), ("弁髪", "辮髮"),
    ("予定", "豫定"), ("予約", "豫約"), ("余裕", "餘裕"), ("残余", "殘餘"),
    ("台風", "颱風"), ("舞台", "舞臺"), ("天台宗", "天台宗"),
    ("計画", "計劃"), ("企画", "企劃"), ("画家", "畫家"),
    ("欠席", "缺席"), ("欠伸", "欠伸"), ("芸術", "藝術"), ("芸香", "芸香"),
    ("缶詰", "罐詰"), ("毛糸", "毛絲"), ("昆虫", "昆蟲"), ("灯台", "燈臺"), ("証拠", "證據"),
  ])
  func jp2tAmbiguous(input: String, expected: String) {
    #expect(Converters.jp2t.convert(input) == expected)
  }

  // MARK: Properties

  @Test("kana, punctuation and non-Han text pass through byte-identical", arguments: [
    "ひらがな カタカナ ｶﾀｶﾅ ー・「」、。！？",
    "すもももももももものうち",
    "Tokyo 2020, ＡＢＣ １２３ 😀",
  ])
  func kanaPassesThrough(text: String) throws {
    for converter in [Converters.t2jp, Converters.jp2t] {
      #expect(try converter.convert(utf8: Array(text.utf8)) == Array(text.utf8))
    }
  }

  @Test func convertingTwiceChangesNothing() {
    let traditional = Self.modernJapanese.map(Converters.jp2t.convert).joined()
    let japanese = Converters.t2jp.convert(traditional)
    #expect(Converters.t2jp.convert(japanese) == japanese)
    #expect(Converters.jp2t.convert(traditional) == traditional)
  }

  @Test func modernJapaneseRoundTripsThroughTraditional() {
    for sentence in Self.modernJapanese {
      #expect(Converters.t2jp.convert(Converters.jp2t.convert(sentence)) == sentence)
    }
  }

  @Test func everyJp2tCharacterConvertsBackUnderT2jp() throws {
    let data = TableData(directory: Self.repositoryRoot.appendingPathComponent("data").path)
    let reverse = try data.dictionary("curated/jp-kyujitai-characters.txt")
    #expect(reverse.entries.count > 300)
    for entry in reverse.entries {
      #expect(Converters.t2jp.convert(entry.value) == entry.key, "\(entry.key) → \(entry.value)")
    }
  }

  @Test func icuHasNoJapaneseTransliterator() {
    #expect(throws: FanjianError.unsupportedEngine(engine: "icu", config: "t2jp")) {
      try Converter(.t2jp, engine: .icu)
    }
  }
}
