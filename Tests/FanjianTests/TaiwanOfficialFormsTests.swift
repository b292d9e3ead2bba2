import Fanjian
import Testing

/// Taiwan as everyday text writes it (`s2tw`, `s2twp`, `t2tw`) against Taiwan's official
/// forms (`s2two`, `s2twpo`, `t2two`): the official layer (`data/curated/tw-official-*.txt`)
/// writes 臺 占 瞭解 布景 化粧品 where everyday Taiwan text, software and documentation write
/// 台 佔 了解 佈景 化妝品. Everything outside those forms is the same in both. Expected strings
/// are correct text in each standard, decided from the language and the dev-set counts in
/// `data/README.md`, never copied from a converter.
@Suite("Taiwan official forms")
struct TaiwanOfficialFormsTests {
  static let converters: [ConversionConfig: Converter] = {
    var all: [ConversionConfig: Converter] = [:]
    for config in [ConversionConfig.s2tw, .s2twp, .t2tw, .s2two, .s2twpo, .t2two] {
      all[config] = try! Converter(config)
    }
    return all
  }()

  static func convert(_ config: ConversionConfig, _ text: String) -> String {
    converters[config]!.convert(text)
  }

  @Test("s2two writes the official forms", arguments: [
    ("台湾的平台发布了", "臺灣的平臺發布了"),
    ("他们占用了台北的会议室，我了解情况。", "他們占用了臺北的會議室，我瞭解情況。"),
    ("这台电脑的控制台和后台都很慢。", "這臺電腦的控制臺和後臺都很慢。"),
    ("新版布景主题已发布，欢迎下载。", "新版布景主題已發布，歡迎下載。"),
    ("我们要了解化妆品的分布。", "我們要瞭解化粧品的分布。"),
    ("本法自公布日施行，新台币一千元。", "本法自公布日施行，新臺幣一千元。"),
  ])
  func simplifiedToOfficial(input: String, expected: String) {
    #expect(Self.convert(.s2two, input) == expected)
  }

  @Test("s2tw writes the everyday forms", arguments: [
    ("台湾的平台发布了", "台灣的平台發布了"),
    ("他们占用了台北的会议室，我了解情况。", "他們佔用了台北的會議室，我了解情況。"),
    ("这台电脑的控制台和后台都很慢。", "這台電腦的控制台和後台都很慢。"),
    ("新版布景主题已发布，欢迎下载。", "新版佈景主題已發布，歡迎下載。"),
    ("我们要了解化妆品的分布。", "我們要了解化妝品的分布。"),
    ("本法自公布日施行，新台币一千元。", "本法自公布日施行，新台幣一千元。"),
  ])
  func simplifiedToEveryday(input: String, expected: String) {
    #expect(Self.convert(.s2tw, input) == expected)
  }

  @Test("both keep what every standard writes: 了 in 为了解决, 占卜, 台 in names", arguments: [
    (ConversionConfig.s2tw, "为了解决问题，他去占卜。郭台铭在天台山。", "為了解決問題，他去占卜。郭台銘在天台山。"),
    (.s2two, "为了解决问题，他去占卜。郭台铭在天台山。", "為了解決問題，他去占卜。郭台銘在天台山。"),
    (.s2tw, "站在月台，在舞台上。", "站在月台，在舞台上。"),
    (.s2two, "站在月台，在舞台上。", "站在月台，在舞台上。"),
  ])
  func sharedForms(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("s2twpo is s2twp's vocabulary with the official forms", arguments: [
    (ConversionConfig.s2twpo, "软件平台和网络，台湾的跨平台软件占用内存。", "軟體平臺和網路，臺灣的跨平臺軟體占用記憶體。"),
    (.s2twp, "软件平台和网络，台湾的跨平台软件占用内存。", "軟體平台和網路，台灣的跨平台軟體佔用記憶體。"),
  ])
  func vocabularyWithOfficialForms(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("t2two and t2tw from OpenCC-standard Traditional", arguments: [
    (ConversionConfig.t2two, "臺灣的平臺發佈了，佔用土地，我瞭解情況。這臺電腦的佈景主題。", "臺灣的平臺發布了，占用土地，我瞭解情況。這臺電腦的布景主題。"),
    (.t2tw, "臺灣的平臺發佈了，佔用土地，我瞭解情況。這臺電腦的佈景主題。", "台灣的平台發布了，佔用土地，我了解情況。這台電腦的佈景主題。"),
  ])
  func traditionalToTaiwan(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("detection takes both the everyday and the official forms for Taiwan's", arguments: [
    "臺灣的法律為人民而設，這裡的機關占用土地，應於公布後瞭解情況並著手處理，臺北市政府說。",
    "台灣的軟體為人民而設，這裡的程式佔用記憶體，了解情況並著手處理，台北說。",
  ])
  func detectionOfBothTaiwanForms(text: String) {
    #expect(Script.detect(in: text).standard == .taiwan)
  }
}
