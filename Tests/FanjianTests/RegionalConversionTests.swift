import Fanjian
import Testing

/// Pins every configuration on realistic sentences, with the exact text a careful
/// writer of each standard would produce (t: 爲 着 裏 說 羣 衆 線; Taiwan: 為 著 裡 說 群
/// 眾 線 and Taiwan vocabulary under `p`; Hong Kong: 為 着 裏 啟 衞 羣 說 眾 線).
/// The expected strings come from the language, never from a converter's output.
@Suite("Regional conversions")
struct RegionalConversionTests {
  enum Converters {
    static let s2t = try! Converter(.s2t)
    static let t2s = try! Converter(.t2s)
    static let s2tw = try! Converter(.s2tw)
    static let tw2s = try! Converter(.tw2s)
    static let s2twp = try! Converter(.s2twp)
    static let tw2sp = try! Converter(.tw2sp)
    static let s2hk = try! Converter(.s2hk)
    static let hk2s = try! Converter(.hk2s)
    static let s2hkp = try! Converter(.s2hkp)
    static let hk2sp = try! Converter(.hk2sp)
    static let t2tw = try! Converter(.t2tw)
    static let t2hk = try! Converter(.t2hk)
    static let tw2t = try! Converter(.tw2t)
    static let hk2t = try! Converter(.hk2t)
  }

  // MARK: Simplified ↔ t

  @Test("s2t: OpenCC standard forms", arguments: [
    ("为了这个项目，他们着急地在里面讨论。", "爲了這個項目，他們着急地在裏面討論。"),
    ("他说：“群众的眼睛是雪亮的。”", "他說：“羣衆的眼睛是雪亮的。”"),
    ("她剪了头发，买了一本书。", "她剪了頭髮，買了一本書。"),
    ("关系、联系、系统、体系", "關係、聯繫、系統、體系"),
    ("佢系我朋友，系唔系？", "佢係我朋友，係唔係？"),
    ("我系学生都很努力。", "我系學生都很努力。"),
  ])
  func s2t(input: String, expected: String) {
    #expect(Converters.s2t.convert(input) == expected)
  }

  @Test("t2s", arguments: [
    ("爲了這個項目，他們着急地在裏面討論。", "为了这个项目，他们着急地在里面讨论。"),
    ("頭髮乾燥，後來發現了原因。", "头发干燥，后来发现了原因。"),
    ("他看着我，這本著作很有名。", "他看着我，这本著作很有名。"),
    ("他説：“羣衆的眼睛是雪亮的。”", "他说：“群众的眼睛是雪亮的。”"),
  ])
  func t2s(input: String, expected: String) {
    #expect(Converters.t2s.convert(input) == expected)
  }

  // MARK: Taiwan

  @Test("s2tw: Taiwan standard forms, no vocabulary", arguments: [
    ("为了这个项目，他们着急地在里面讨论。", "為了這個項目，他們著急地在裡面討論。"),
    ("他说：“群众的眼睛是雪亮的。”", "他說：“群眾的眼睛是雪亮的。”"),
    ("我们沿着海岸线走到山峰，启程回家。", "我們沿著海岸線走到山峰，啟程回家。"),
    ("注意卫生，保护自己。", "注意衛生，保護自己。"),
    ("请输入账号和密码。", "請輸入帳號和密碼。"),
    ("他的软件和鼠标。", "他的軟件和鼠標。"),
  ])
  func s2tw(input: String, expected: String) {
    #expect(Converters.s2tw.convert(input) == expected)
  }

  @Test("tw2s", arguments: [
    ("為了這個項目，他們著急地在裡面討論。", "为了这个项目，他们着急地在里面讨论。"),
    ("這本著作很有名，他看著我笑了。", "这本著作很有名，他看着我笑了。"),
    ("請輸入帳號。", "请输入账号。"),
    ("他睡著了，成果很顯著。", "他睡着了，成果很显著。"),
  ])
  func tw2s(input: String, expected: String) {
    #expect(Converters.tw2s.convert(input) == expected)
  }

  @Test("s2twp: Taiwan forms and vocabulary", arguments: [
    ("我的软件和鼠标都坏了，只好用打印机打印文件。", "我的軟體和滑鼠都壞了，只好用印表機列印文件。"),
    ("他在悉尼和新西兰工作，后来去了意大利。", "他在雪梨和紐西蘭工作，後來去了義大利。"),
    ("这个视频很有意思。", "這個影片很有意思。"),
    ("请把内存条插好，再连上网络。", "請把記憶體模組插好，再連上網路。"),
    ("我们坐出租车去机场。", "我們坐計程車去機場。"),
    ("请出示身份证。", "請出示身份證。"),
    ("数据库服务器的硬盘满了。", "資料庫伺服器的硬碟滿了。"),
  ])
  func s2twp(input: String, expected: String) {
    #expect(Converters.s2twp.convert(input) == expected)
  }

  /// A vocabulary key matches anywhere, so it must not eat across a word boundary,
  /// and words that Taiwan uses as they are must stay.
  @Test("s2twp does not over-convert", arguments: [
    ("电视频道", "電視頻道"),
    ("这个电视频段很干净。", "這個電視頻段很乾淨。"),
    ("改变量子态", "改變量子態"),
    ("体内存在毒素", "體內存在毒素"),
    ("国内存款利率", "國內存款利率"),
    ("文件、项目、数据、消息、参数", "文件、項目、數據、消息、參數"),
    ("法律程序和设置机构", "法律程序和設置機構"),
  ])
  func s2twpGuards(input: String, expected: String) {
    #expect(Converters.s2twp.convert(input) == expected)
  }

  /// Taiwan-written text, put into Simplified characters: `p` must give back the same
  /// Taiwan text as plain `s2tw`, since there is no mainland vocabulary in it.
  @Test("s2twp is not worse than s2tw on Taiwan-written text", arguments: [
    ("我用滑鼠点选资料夹中的档案，程式就会开启。", "我用滑鼠點選資料夾中的檔案，程式就會開啟。"),
    ("我们在网路上搜寻资讯，发现这个软体的品质很好。", "我們在網路上搜尋資訊，發現這個軟體的品質很好。"),
  ])
  func s2twpOnTaiwanText(input: String, expected: String) {
    #expect(Converters.s2tw.convert(input) == expected)
    #expect(Converters.s2twp.convert(input) == expected)
  }

  @Test("tw2sp: mainland vocabulary", arguments: [
    ("我的軟體和滑鼠都壞了，只好用印表機列印文件。", "我的软件和鼠标都坏了，只好用打印机打印文件。"),
    ("他在雪梨和紐西蘭工作，後來去了義大利。", "他在悉尼和新西兰工作，后来去了意大利。"),
    ("資料庫伺服器的記憶體不足。", "数据库服务器的内存不足。"),
    ("這些資料很重要。", "这些资料很重要。"),
    ("他寫程式，也解方程式。", "他写程序，也解方程式。"),
    ("缺少欄位，雜湊演算法，螢幕解析度，唯讀，匯流排，外掛程式，運算元，若且唯若。", "缺少字段，哈希算法，屏幕分辨率，只读，总线，插件，操作数，当且仅当。"),
    ("十進位的軟連結，連接埠與控制項，副檔名；一個資源，一個資料庫。", "十进制的软链接，端口与控件，扩展名；一个资源，一个数据库。"),
  ])
  func tw2sp(input: String, expected: String) {
    #expect(Converters.tw2sp.convert(input) == expected)
  }

  // Hong Kong's vocabulary (s2hkp / hk2sp, configurations OpenCC lacks): only words whose
  // mainland form Hong Kong does not write; 鼠標 and 新西蘭, which Hong Kong writes too, stay.
  @Test("s2hkp: Hong Kong vocabulary, with words Hong Kong shares left alone", arguments: [
    ("坐出租车去加油站，买冰淇淋和三明治，冰箱里有奶酪。", "坐的士去油站，買雪糕和三文治，雪櫃裏有芝士。"),
    ("服务器的内存不足，应用程序的默认值，屏幕分辨率，超链接。", "伺服器的記憶體不足，應用程式的預設值，屏幕解像度，超連結。"),
    ("软件和网络信息，鼠标，新西兰，骏马奔驰，佢系老师。", "軟件和網絡信息，鼠標，新西蘭，駿馬奔馳，佢係老師。"),
  ])
  func s2hkp(input: String, expected: String) {
    #expect(Converters.s2hkp.convert(input) == expected)
  }

  @Test("hk2sp: mainland vocabulary from Hong Kong text", arguments: [
    ("坐的士去油站，買雪糕同三文治，用伺服器同記憶體。", "坐出租车去加油站，买冰淇淋同三明治，用服务器同内存。"),
    ("搭巴士，踩單車，平治天下。", "搭巴士，踩单车，平治天下。"),
    ("跟隨軟連結，更新作業系統，適合程式設計師，個人資料私隱。", "跟随软链接，更新操作系统，适合程序员，个人资料隐私。"),
  ])
  func hk2sp(input: String, expected: String) {
    #expect(Converters.hk2sp.convert(input) == expected)
  }

  @Test("t2tw", arguments: [
    ("爲了這個項目，他們着急地在裏面討論。", "為了這個項目，他們著急地在裡面討論。"),
    ("他説：“羣衆的眼睛是雪亮的。”", "他說：“群眾的眼睛是雪亮的。”"),
    ("衞生、綫路、山峯、麪條、牀上", "衛生、線路、山峰、麵條、床上"),
    ("請輸入賬號。", "請輸入帳號。"),
  ])
  func t2tw(input: String, expected: String) {
    #expect(Converters.t2tw.convert(input) == expected)
  }

  @Test("tw2t", arguments: [
    ("為了這個項目，他們著急地在裡面討論。", "爲了這個項目，他們着急地在裏面討論。"),
    ("他看著我說：「這本著作很有名。」", "他看着我說：「這本著作很有名。」"),
    ("擁有著作權的人", "擁有著作權的人"),
    ("結帳時請出示帳號，不要進帳篷。", "結賬時請出示賬號，不要進帳篷。"),
    ("衣著整齊，沉著應戰。", "衣着整齊，沉着應戰。"),
  ])
  func tw2t(input: String, expected: String) {
    #expect(Converters.tw2t.convert(input) == expected)
  }

  // MARK: Hong Kong

  @Test("s2hk: Hong Kong standard forms", arguments: [
    ("为了这个项目，他们着急地在里面讨论。", "為了這個項目，他們着急地在裏面討論。"),
    ("他说：“群众的眼睛是雪亮的。”", "他說：“羣眾的眼睛是雪亮的。”"),
    ("注意卫生，启动计划。", "注意衞生，啟動計劃。"),
    ("我们沿着海岸线走到山峰。", "我們沿着海岸線走到山峰。"),
    ("我搭荃湾线返工。", "我搭荃灣綫返工。"),
  ])
  func s2hk(input: String, expected: String) {
    #expect(Converters.s2hk.convert(input) == expected)
  }

  @Test("s2hk: Cantonese written in Simplified")
  func s2hkCantonese() {
    let input = """
      佢系我嘅朋友，系唔系？我哋真系好钟意食云吞面。你系咪想去东涌？唔该晒！
      佢哋琴日喺度食晒啲嘢，而家冇嘢食喇。就系统而言，佢话冇关系。
      """
    let expected = """
      佢係我嘅朋友，係唔係？我哋真係好鍾意食雲吞麵。你係咪想去東涌？唔該晒！
      佢哋琴日喺度食晒啲嘢，而家冇嘢食喇。就系統而言，佢話冇關係。
      """
    #expect(Converters.s2hk.convert(input) == expected)
  }

  @Test("hk2s", arguments: [
    ("為了這個項目，他們着急地在裏面討論。", "为了这个项目，他们着急地在里面讨论。"),
    ("佢係我嘅朋友，係唔係？", "佢系我嘅朋友，系唔系？"),
    ("注意衞生，啟動計劃。", "注意卫生，启动计划。"),
  ])
  func hk2s(input: String, expected: String) {
    #expect(Converters.hk2s.convert(input) == expected)
  }

  @Test("t2hk", arguments: [
    ("爲了這個項目，他們着急地在裏面討論。", "為了這個項目，他們着急地在裏面討論。"),
    ("他説：“羣衆的眼睛是雪亮的。”", "他說：“羣眾的眼睛是雪亮的。”"),
    ("衞生、綫路、山峯、麪條、啓事", "衞生、線路、山峰、麵條、啟事"),
    ("觀塘綫", "觀塘綫"),
  ])
  func t2hk(input: String, expected: String) {
    #expect(Converters.t2hk.convert(input) == expected)
  }

  @Test("hk2t", arguments: [
    ("為了這個項目，他們着急地在裏面討論。", "爲了這個項目，他們着急地在裏面討論。"),
    ("他說：「群眾的眼睛是雪亮的。」", "他說：「羣衆的眼睛是雪亮的。」"),
    ("為了線路、群眾，說話要小心。", "爲了線路、羣衆，說話要小心。"),
  ])
  func hk2t(input: String, expected: String) {
    #expect(Converters.hk2t.convert(input) == expected)
  }
}
