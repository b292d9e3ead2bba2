import Fanjian
import Testing

/// Pins the hard cases fixed while widening the tables (issue 3): words the generated
/// CC-CEDICT table must get right, keys it must not let cross a word boundary, curated
/// fixes found on the dev sets and the laws corpus, and the Taiwan vocabulary that `p`
/// must leave alone because Taiwan writes it too. Expected strings are correct text in
/// each standard, decided from the language, never copied from a converter.
@Suite("Table regressions")
struct TableRegressionTests {
  static let converters: [ConversionConfig: Converter] = {
    var all: [ConversionConfig: Converter] = [:]
    for config in [ConversionConfig.s2t, .t2s, .s2tw, .s2twp, .s2two, .s2twpo, .s2hk, .tw2s, .tw2sp, .s2hkp, .hk2sp] {
      all[config] = try! Converter(config)
    }
    return all
  }()

  static func convert(_ config: ConversionConfig, _ text: String) -> String {
    converters[config]!.convert(text)
  }

  @Test("generated words: one-to-many characters take the form the word needs", arguments: [
    (ConversionConfig.s2t, "系统冗余的复印机坏了。", "系統冗餘的複印機壞了。"),
    (.s2t, "请把价格标签贴在书签旁边。", "請把價格標籤貼在書籤旁邊。"),
    (.s2t, "剧团巡回演出，农历新年前一周回来。", "劇團巡迴演出，農曆新年前一週回來。"),
    (.s2t, "他举起酒杯说：“干杯！”然后吃了一碗乌冬面。", "他舉起酒杯說：“乾杯！”然後吃了一碗烏冬麵。"),
    (.s2t, "复合材料一览无余地摆在桌上。", "複合材料一覽無餘地擺在桌上。"),
    (.s2t, "剃须刀、发胶和松饼都放在下周的清单上。", "剃鬚刀、髮膠和鬆餅都放在下週的清單上。"),
  ])
  func generatedWords(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("no key crosses a word boundary", arguments: [
    (ConversionConfig.s2t, "恢复试验结果后公开发布。", "恢復試驗結果後公開發佈。"),
    (.s2t, "法院驳回复议申请，他回复议员的邮件，撤回复议。", "法院駁回復議申請，他回覆議員的郵件，撤回復議。"),
    (.s2t, "省政府制定、调整并公布标准。", "省政府制定、調整並公佈標準。"),
    (.s2t, "银行交存存款准备金。", "銀行交存存款準備金。"),
    (.s2t, "建立劳动争议仲裁制度。", "建立勞動爭議仲裁制度。"),
    (.s2t, "各奖种获奖者和共青团代表出席。", "各獎種獲獎者和共青團代表出席。"),
    (.s2t, "如有反对表示，应当在上面的栏目说明。", "如有反對表示，應當在上面的欄目說明。"),
    (.s2t, "三天后会到期，这里根本没有人。", "三天後會到期，這裏根本沒有人。"),
    (.s2t, "战斗部队开发网站，经济爆发式增长。", "戰鬥部隊開發網站，經濟爆發式增長。"),
    (.s2t, "列出目录堆叠中的条目。", "列出目錄堆疊中的條目。"),
    (.s2t, "这只对屏幕保护程序有效，这只适用于新卡片。", "這只對屏幕保護程序有效，這只適用於新卡片。"),
  ])
  func boundaries(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("names and transliterations keep their characters", arguments: [
    (ConversionConfig.s2t, "托洛茨基和布列塔尼都在苏家屯吗？", "托洛茨基和布列塔尼都在蘇家屯嗎？"),
    (.s2t, "姜堰人爱喝杜松子酒。", "姜堰人愛喝杜松子酒。"),
    (.s2t, "提格里尼亚语和厄立特里安语。", "提格里尼亞語和厄立特里安語。"),
    (.s2t, "他用 for 回圈遍历列表。", "他用 for 迴圈遍歷列表。"),
  ])
  func names(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("t2s keeps 俱 姊 乾 著 and the surname 於 where Simplified does, and simplifies rarer forms", arguments: [
    (ConversionConfig.t2s, "一應俱全的俱樂部裏，姊妹倆一箭雙鵰。", "一应俱全的俱乐部里，姊妹俩一箭双雕。"),
    (.t2s, "小兒痲痺曾經很常見。", "小儿麻痹曾经很常见。"),
    (.t2s, "乾隆皇帝察微知著，反覆無常。", "乾隆皇帝察微知著，反复无常。"),
    (.t2s, "孩子們在衚衕裏盪鞦韆，遙望五嶽。", "孩子们在胡同里荡秋千，遥望五岳。"),
    (.t2s, "於梨華生於上海，這位姓於的作家，於姓在於陵一帶。", "於梨华生于上海，这位姓於的作家，於姓在於陵一带。"),
  ])
  func traditionalToSimplified(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Everyday Taiwan (s2tw) writes 佈景 as software does (UI 28:3); the official forms (s2two) 布景.
  @Test("regional forms: Taiwan 佈景 and 迴圈, official 布景, Hong Kong 佈景", arguments: [
    (ConversionConfig.s2tw, "游标布景名称", "游標佈景名稱"),
    (.s2two, "游标布景名称", "游標布景名稱"),
    (.s2tw, "用 for 回圈处理每个文件", "用 for 迴圈處理每個文件"),
    (.s2hk, "游标布景名称", "游標佈景名稱"),
  ])
  func regionalForms(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("s2twp leaves words that Taiwan writes too", arguments: [
    (ConversionConfig.s2twp, "需要身份验证才能登录。", "需要身份驗證才能登錄。"),
    (.s2twp, "请带上身份证。", "請帶上身份證。"),
    (.s2twp, "按快捷键打开对话框。", "按快捷鍵打開對話框。"),
    (.s2twp, "系统平台和舞台剧", "系統平台和舞台劇"),
    (.s2twp, "走上水平台阶。", "走上水平台階。"),
    (.s2twpo, "走上水平台阶。", "走上水平臺階。"),
  ])
  func taiwanVocabulary(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Taiwan's own variant choices (issue "Tables at full breadth"), found on tw-laws-dev:
  // Taiwan writes 公布 發布 宣布 分布 散布 頒布 (the Ministry of Education's forms; laws
  // 128:1, 248:2), 計畫 (2,064:40), 評鑑 鑑定 (533:1), 一併 併計 併科 併同 (for "together",
  // 並 for "and"), 僱用 受僱 聘僱 解僱 but 雇主 雇員, 菸 for tobacco, 迴避 洩漏 占用 彙整 複驗
  // 准駁 簽註 填製 產製, and 舞台 月台 工作台. Blockers keep the word boundaries.
  @Test("s2tw: Taiwan's variant choices", arguments: [
    (ConversionConfig.s2tw, "本法自公布日施行，由主管机关发布并宣布。", "本法自公布日施行，由主管機關發布並宣布。"),
    (.s2tw, "人口分布广，谣言散布快，政府颁布新法。", "人口分布廣，謠言散布快，政府頒布新法。"),
    (.s2tw, "年度工作计划应于计划经济时代拟订。", "年度工作計畫應於計畫經濟時代擬訂。"),
    (.s2tw, "设计划分为三区，统计划分标准。", "設計劃分為三區，統計劃分標準。"),
    (.s2tw, "评鉴结果应送请鉴定，并加盖印鉴。", "評鑑結果應送請鑑定，並加蓋印鑑。"),
    (.s2tw, "应一并检附，并计其年资，并科罚金，并同办理。", "應一併檢附，併計其年資，併科罰金，併同辦理。"),
    (.s2tw, "统一并规范，并同时通知，并同意办理。", "統一並規範，並同時通知，並同意辦理。"),
    (.s2tw, "雇主雇用受雇人，聘雇外国人，不得任意解雇雇员。", "雇主僱用受僱人，聘僱外國人，不得任意解僱雇員。"),
    (.s2tw, "受雇主指挥。", "受雇主指揮。"),
    (.s2tw, "吸烟区禁止贩卖烟品、烟酒与香烟，戒烟者远离二手烟。", "吸菸區禁止販賣菸品、菸酒與香菸，戒菸者遠離二手菸。"),
    (.s2tw, "烟雾弥漫，烟火灿烂，烟囱冒烟。", "煙霧瀰漫，煙火燦爛，煙囪冒煙。"),
    (.s2tw, "申请回避，不得泄漏秘密，占用土地。", "申請迴避，不得洩漏秘密，佔用土地。"),
    (.s2two, "申请回避，不得泄漏秘密，占用土地。", "申請迴避，不得洩漏秘密，占用土地。"),
    (.s2tw, "收回避免损失。", "收回避免損失。"),
    (.s2tw, "汇整资料后汇送主管机关，申请复验，予以准驳并签注意见。", "彙整資料後彙送主管機關，申請複驗，予以准駁並簽註意見。"),
    (.s2tw, "产制之烟品，夫妻财产制，生产制度。", "產製之菸品，夫妻財產制，生產制度。"),
    (.s2tw, "填制传票，编制准则，编制员额。", "填製傳票，編製準則，編制員額。"),
    (.s2tw, "特制定本办法，依规定制定。", "特制定本辦法，依規定制定。"),
    (.s2tw, "并发给许可证，注意并发症。", "並發給許可證，注意併發症。"),
    (.s2tw, "在舞台上，站在月台，工作台底板。", "在舞台上，站在月台，工作台底板。"),
    (.s2tw, "新台币、台湾、电台。", "新台幣、台灣、電台。"),
    (.s2two, "新台币、台湾、电台。", "新臺幣、臺灣、電臺。"),
  ])
  func taiwanVariantChoices(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // s2twp rules kept or dropped on Taiwan-written text (tw-laws-dev, corpus counts):
  // Taiwan writes 自行車 (19:2 腳踏車), 空調 (14:3 冷氣), 紙巾 (3:0 面紙), so those rules are
  // gone; 電子計算機 (the laws' term) stays and 黑客松 (g0v's word) is blocked; 網路 (306:10),
  // 儲存 for storage space (存儲 alone is the laws' word), 塑膠 (22:2) and 平台 stay; 網絡 stays
  // for networks that are not the net.
  @Test("s2twp on Taiwan-written text", arguments: [
    (ConversionConfig.s2twp, "自行车穿越道线与空调型建筑物，备有擦手纸巾。", "自行車穿越道線與空調型建築物，備有擦手紙巾。"),
    (.s2twp, "电子计算机与周边设备，参加黑客松，会比特定标记更有效。", "電子計算機與周邊設備，參加黑客松，會比特定標記更有效。"),
    (.s2twp, "网络上的软件存储空间在服务器。", "網路上的軟體儲存空間在伺服器。"),
    (.s2twp, "医疗网络与社会网络不是网络服务器。", "醫療網絡與社會網絡不是網路伺服器。"),
    (.s2twp, "吸烟有害健康，请勿抽烟。", "吸菸有害健康，請勿抽菸。"),
    (.s2twp, "本法自公布日施行，计划由服务平台发布。", "本法自公布日施行，計畫由服務平台發布。"),
    (.s2twpo, "本法自公布日施行，计划由服务平台发布。", "本法自公布日施行，計畫由服務平臺發布。"),
  ])
  func taiwanVocabularyOnTaiwanText(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Rules dropped by the one-in-ten rule of tw-vocabulary.txt, counted on the tuning pool
  // (devsets/local/tw-laws-train, 15,305 Taiwan lines) and the zh_TW catalogs: 平臺 (61 平臺 :
  // 28 平台; 平台 stays for computing platforms), 域名 (8:2), 回收站 (7:0), 複印 (6:19),
  // 公共汽車 (5:7). And Taiwan keys that must not start inside another word: 進製程 (先進製程),
  // 帶寬度, 繪圖標定. 進制 itself is out (issue #11), so 十六進制 stays.
  @Test("s2twp leaves words Taiwan writes one time in ten", arguments: [
    (ConversionConfig.s2twp, "设置避难平台，登录服务平台，跨平台软件在硬件平台上运行。", "設置避難平台，登錄服務平台，跨平台軟體在硬體平台上運行。"),
    (.s2twpo, "设置避难平台，登录服务平台，跨平台软件在硬件平台上运行。", "設置避難平臺，登錄服務平臺，跨平臺軟體在硬體平臺上運行。"),
    (.s2twp, "注册域名，设置区域性回收站，复印文件，搭乘公共汽车。", "註冊域名，設置區域性回收站，複印文件，搭乘公共汽車。"),
    (.s2twp, "复印件交给我，用复印机打印。", "影本交給我，用複印機列印。"),
    (.s2twp, "先进制程，有效绿带宽度，绘图标定，十六进制数。", "先進製程，有效綠帶寬度，繪圖標定，十六進制數。"),
  ])
  func taiwanVocabularyOneInTen(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Computing words that tw-gettext-cnvocab showed missing (欄位 套件 雜湊 演算法 介面 唯讀 匯流排 可攜式
  // 運算元 解析度 若且唯若), with blockers for the laws' 預算法 決算法 計算法 結算法令 and
  // chemistry's 界面活性劑. 插件 → 外掛程式 was dropped later (Taiwan writes 插件 too), so 插件 stays.
  @Test("s2twp converts computing vocabulary and keeps 預算法 and 界面活性劑", arguments: [
    (ConversionConfig.s2twp, "缺少字段，安装软件包，哈希算法，用户界面，只读文件，总线地址，便携式设备，插件，操作数。", "缺少欄位，安裝套件，雜湊演算法，使用者介面，唯讀文件，匯流排地址，可攜式設備，插件，運算元。"),
    (.s2twp, "依预算法第三条、决算法及计算法，结算法令；界面活性剂；屏幕分辨率；当且仅当。", "依預算法第三條、決算法及計算法，結算法令；界面活性劑；螢幕解析度；若且唯若。"),
  ])
  func taiwanComputingVocabulary(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // The composed table must not let an identity entry (a phrase's output, kept as it is for
  // idempotence) hide a phrase that starts inside it: 列印 is its own simplified form, so the
  // identity was dropped and s2t's 印制 → 印製 is reached.
  @Test("an output kept as it is does not hide a phrase starting inside it", arguments: [
    (ConversionConfig.s2twp, "资料列印制发。", "資料列印製發。"),
  ])
  func identityDoesNotHidePhrases(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Issue #11: s2twp must not rewrite a word that Taiwan-written text also writes. Counted on the
  // expected side of tw-gettext and tw-{ui,docs,prose,laws}-dev (mainland word : Taiwan word):
  // 變量 18:142 and 進制 9:36 (LibreOffice help writes 使用者變量, 八進制, 十進制), 概率 2:16,
  // 實時時鐘 1:0, 字符 36:335 (25 of them the hyphen 連字符; the catalogs write 無效的字符),
  // 線程 1:9 (所有線程), 老撾語 1:0; by libchewing's Taiwan frequencies 身份證 1046:1010,
  // 土豆 73:158 (Taiwan's 土豆 is the peanut), 快餐 43:247, 酸奶 17:52, 導彈 137:971.
  // Blockers: 連字符, 文字段; 計算機率 (計算機率密度函式) stays, as 計算機 is no rule of its own.
  @Test("s2twp leaves words that Taiwan's software text and everyday text write too", arguments: [
    (ConversionConfig.s2twp, "插入连字符，文字段落，计算机率密度函数，读取实时时钟，所有线程。", "插入連字符，文字段落，計算機率密度函數，讀取實時時鐘，所有線程。"),
    (.s2twp, "用户变量的值，八进制与十进制数，误差概率，无效的字符。", "用戶變量的值，八進制與十進制數，誤差概率，無效的字符。"),
    (.s2twp, "土豆丝和酸奶，快餐店，导弹试射，请出示身份证，老挝语键盘。", "土豆絲和酸奶，快餐店，導彈試射，請出示身份證，老撾語鍵盤。"),
  ])
  func taiwanVocabularyLeftAlone(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // What issue #11 narrowed instead of dropping: compounds of 字符, 線程 and 變量 that the dev text
  // writes only the Taiwan way (字元集 字元編碼 個字元 跳脫字元 萬用字元; 執行緒池 單執行緒 個執行緒;
  // 環境變數), and the rules whose Taiwan word dominates: 位元組 (字節 1 : 位元組 70, 位元組數 9,
  // 個位元組 8), 伺服器, 滑鼠, 寮國, 盧安達. 綁定 stays (綁定 10 : 繫結 2), and 字符合 is 符合.
  @Test("s2twp keeps the rules whose Taiwan word dominates Taiwan-written text", arguments: [
    (ConversionConfig.s2twp, "字符串中有无效字符，字节顺序错误，存储于仓库。", "字串中有無效字元，位元組順序錯誤，存儲於倉庫。"),
    (.s2twp, "强化塑料，发布最新信息，老挝和卢旺达，计算机和鼠标。", "強化塑膠，發布最新資訊，寮國和盧安達，計算機和滑鼠。"),
    (.s2twp, "字符集与字符编码，每个字符，特殊字符，转义字符，通配符，字符串。", "字元集與字元編碼，每個字元，特殊字元，跳脫字元，萬用字元，字串。"),
    (.s2twp, "设置环境变量和全局变量，线程池，多线程，主线程，线程安全，线程数。", "設置環境變數和全域變數，執行緒池，多執行緒，主執行緒，執行緒安全，執行緒數。"),
    (.s2twp, "这个字符合要求，字节数为 8 个字节，绑定端口。", "這個字符合要求，位元組數為 8 個位元組，綁定連接埠。"),
  ])
  func taiwanVocabularyKept(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // The review of every s2twp rule by scripts/vocab-evidence (libchewing's Taiwan word frequencies,
  // mainland : Taiwan word, and the tuning pool plus the zh_TW catalogs): dropped where Taiwan writes
  // the mainland word too: 計算機 (Taiwan's calculator and 計算機概論: chewing 2,167, pool 16 : 173),
  // 存儲 (the laws' deposits and stores: pool 17 : 206), 文件夾 (the office folder: 119 : 0), 音頻
  // (70 : 184), 航天 (47 : 0), 複印機 (50 : 31), 厄瓜多爾 (36 : 0), 文萊 (12 : 0), and by knowledge
  // 澳大利亞 (Taiwan's official name), 摩托車 and 文件格式 (開放文件格式); 意大利 stays (258 : 2,374).
  @Test("s2twp leaves mainland words that libchewing shows Taiwan writes", arguments: [
    (ConversionConfig.s2twp, "计算机概论考试，用计算机算账，专户存储，文件夹里的资料，音频信号，航天工业，澳大利亚和意大利，骑摩托车，开放文件格式，文莱和厄瓜多尔。", "計算機概論考試，用計算機算帳，專戶存儲，文件夾裡的資料，音頻信號，航天工業，澳大利亞和義大利，騎摩托車，開放文件格式，文萊和厄瓜多爾。"),
  ])
  func taiwanVocabularyChewingDropped(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // What the review narrowed to unambiguous computing compounds, and what it kept on purpose:
  // 信息 (chewing 975 : 99,928 資訊) and 界面 (a homophone tie in chewing; Taiwan text 1 : 40 介面).
  @Test("s2twp keeps the computing compounds of the words it no longer rewrites alone", arguments: [
    (ConversionConfig.s2twp, "个人计算机感染计算机病毒，存储空间不足，插入存储卡，新建文件夹和子文件夹，音频输出，航天员，发布最新信息，用户界面。", "個人電腦感染電腦病毒，儲存空間不足，插入記憶卡，新增資料夾和子資料夾，音訊輸出，太空人，發布最新資訊，使用者介面。"),
  ])
  func taiwanVocabularyChewingNarrowed(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Errors of s2hk on devsets/hk-cantonese-dev (HKCanCor): the copula 係 after 但 一 定 已經 或者 …
  // and before Cantonese particles, with blockers that keep Mandarin's 系統 系列 系數 and the
  // sociology department; the particle 晒, the classifier 隻, the suffix 吓; Hong Kong's 台 and 舖.
  @Test("Hong Kong Cantonese: 係 晒 隻 吓, with Mandarin's 系統 系列 系數 kept", arguments: [
    (ConversionConfig.s2hk, "但系呢，佢已经系老师，一系你去，或者系佢啊。", "但係呢，佢已經係老師，一係你去，或者係佢啊。"),
    (.s2hk, "系啊，系我讲嘅，你识晒啦，嗰只碟睇吓先。", "係啊，係我講嘅，你識晒啦，嗰隻碟睇吓先。"),
    (.s2hk, "但系统有问题，一系列事情，恒定系数，社会系学生，如果系统坏了。", "但系統有問題，一系列事情，恆定系數，社會系學生，如果系統壞了。"),
    (.s2hk, "请系好安全带，在台湾电视台和香港天文台附近的店铺铺路。", "請繫好安全帶，在台灣電視台和香港天文台附近的店舖鋪路。"),
    (.s2t, "但系我哋一系去台北。", "但係我哋一係去臺北。"),
  ])
  func hongKongCantonese(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Errors of s2tw on devsets/tw-laws-dev (tuning round 2): one-to-many choices in context
  // (S→T: 編製 for compiling, the formal copula 係, 准 "permit", 餘 豬隻 託管 代徵 廳舍 捲胴 複委託,
  // blockers 體制作 禁制品 豬只是) and Taiwan's own forms (撫卹 給卹 兄弟姊妹 槍砲 事蹟 奇蹟 迴轉
  // 以下併稱 占總 調理台 信號台 上台; counts in the dev half of the corpus, e.g. 撫卹 173:1, 槍砲 38:0).
  @Test("s2tw: context choices from the Taiwan laws dev half", arguments: [
    (ConversionConfig.s2tw, "各机关应编制年度预算，人员编制表另定之；当选证书之制发由本会办理。", "各機關應編製年度預算，人員編制表另定之；當選證書之製發由本會辦理。"),
    (.s2tw, "如系法人，其代理权系以法律规定；本法所称系统，系指资讯系统。", "如係法人，其代理權係以法律規定；本法所稱系統，係指資訊系統。"),
    (.s2tw, "教学媒体制作及立体制图，不得运送禁制品。", "教學媒體製作及立體製圖，不得運送禁制品。"),
    (.s2tw, "猪只经检测合格后，始得屠宰；这头猪只是饿了。", "豬隻經檢測合格後，始得屠宰；這頭豬只是餓了。"),
    (.s2tw, "收支余绌表及余氯测定，由联合国托管之区域办理。", "收支餘絀表及餘氯測定，由聯合國託管之區域辦理。"),
    (.s2tw, "核准后为准驳之处分，准于抵达后申请，标准于明年实施。", "核准後為准駁之處分，准於抵達後申請，標準於明年實施。"),
    (.s2tw, "回复原职务，并将结果回复申请人；机关调整并公布后，代征人依法办理。", "回復原職務，並將結果回覆申請人；機關調整並公布後，代徵人依法辦理。"),
    (.s2tw, "办公厅舍与园舍之调配，受刑人舍房。", "辦公廳舍與園舍之調配，受刑人舍房。"),
    (.s2tw, "兄弟姐妹之抚恤金及给恤年限，依枪炮弹药管理条例。", "兄弟姊妹之撫卹金及給卹年限，依槍砲彈藥管理條例。"),
    (.s2tw, "优良事迹、奇迹；车辆于回转道回转，退回转发。", "優良事蹟、奇蹟；車輛於迴轉道迴轉，退回轉發。"),
    (.s2tw, "调理台及信号台；他上台演讲后北上台北。", "調理台及信號台；他上台演講後北上台北。"),
    (.s2two, "调理台及信号台；他上台演讲后北上台北。", "調理台及信號台；他上台演講後北上臺北。"),
    (.s2tw, "以下并称本办法，成绩占总成绩百分之六十。", "以下併稱本辦法，成績佔總成績百分之六十。"),
    (.s2two, "以下并称本办法，成绩占总成绩百分之六十。", "以下併稱本辦法，成績占總成績百分之六十。"),
    (.s2tw, "卷胴式吊笼；复委托他人复勘；挖土斗及斗式掘削机；加干手设备。", "捲胴式吊籠；複委託他人複勘；挖土斗及斗式掘削機；加乾手設備。"),
    (.s2t, "全长五十余公里。", "全長五十餘公里。"),
  ])
  func taiwanLawsContextChoices(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Errors of s2tw on the tuning pool (devsets/local/tw-laws-train, 15,305 Taiwan lines; round 3;
  // 編製 "compile" after what is compiled and before 傳票 經費 概算, 編制 "staffing" in 組織編制 人員編制;
  // round 4: 權利回復 複丈 服制 化學製 委製 准單 製粉, the copula in 係偽造 係用以 而係, blockers 核發型式
  // 長徵詢; Taiwan's 占 (the Ministry's form, pool 114:27), 疏濬, 菸、酒; 准 "permit" is now the default
  // for a lone 准, 準 coming from words (標準 準備 準確 瞄準 準用 準據, 很準 準沒錯); keys that crossed a
  // word boundary in the mainland laws corpus (大干旱 相冲突 小范围 缩短发车 颁发型号 作出征收 市长征得),
  // 餘 in 萬餘 餘壓 餘值 餘刑, and 包乾 (CC-CEDICT), not 包幹); every two-character key X制 → X製 gets
  // blockers X制度 X制定 where the laws write them (規定制定 56 times, 記錄制度 44, 特制定 22); 臺賬;
  // Taiwan and Hong Kong write 家具 where t has 傢具); and keys found crossing a boundary by a scan
  // for a phrase match whose first character ends a CC-CEDICT word with the character before it
  // (要求|簽訂 not 求籤, 決定|不准許, 變更|准駕, 防控|干預, 司長|須, 施工|致, 核心|系統)).
  // S→T words that a shorter key cut wrongly (履歷書 not 履曆書, 化學製品 not 化學制品, 公文採購,
  // 眷舍, 於禁建 now that the name 于禁 is gone), 餘 and 准 in legal prose, 沖 for offsetting
  // (沖減 沖抵 沖退), 回復 for restoring, 里長 for the village head (村裡長大 kept), 復議 for
  // reconsideration, 複訓 複決, blockers 關註銷 指定制裁 文採購, 豎 as t writes it; and
  // Taiwan's own forms with their pool counts: 洩 (129:1), 簷 (12:0), 蒐證 (7:0), 陞遷 (26:3),
  // 占缺 獨占 侵占 (10:0, 8:2, 5:0), 砲彈 砲兵 火砲 (8:0, 4:0, 2:0),
  // 昇降機 (43:4), 託運 (8:0), 函復 (9:2), 填註 (8:0), the note label 註： (56:0), 轉僱 (6:0).
  @Test("s2tw: context choices from the Taiwan tuning pool", arguments: [
    (ConversionConfig.s2tw, "检附履历书，化学制品之公文采购，眷舍之配住。", "檢附履歷書，化學製品之公文採購，眷舍之配住。"),
    (.s2tw, "受理于禁建范围内之申请；余由各机关负担，所余款项，仅准动支。", "受理於禁建範圍內之申請；餘由各機關負擔，所餘款項，僅准動支。"),
    (.s2tw, "准备金冲减后，冲抵税额，冲退税款；回复正常、回复国籍。", "準備金沖減後，沖抵稅額，沖退稅款；回復正常、回復國籍。"),
    (.s2tw, "村里长及邻长；竖立标志；屋檐下不得泄漏废水。", "村里長及鄰長；豎立標誌；屋簷下不得洩漏廢水。"),
    (.s2two, "搜证后办理升迁；占缺人员侵占公款，独占市场；机关调整并公布，仲裁并通知。", "蒐證後辦理陞遷；占缺人員侵占公款，獨占市場；機關調整並公布，仲裁並通知。"),
    (.s2tw, "搜证后办理升迁；占缺人员侵占公款，独占市场；机关调整并公布，仲裁并通知。", "蒐證後辦理陞遷；佔缺人員侵佔公款，獨佔市場；機關調整並公布，仲裁並通知。"),
    (.s2tw, "炮兵以火炮发射炮弹。", "砲兵以火砲發射砲彈。"),
    (.s2tw, "预先制妥传票，自行制存，制具凭证，制给证明，节目制播；控制器。", "預先製妥傳票，自行製存，製具憑證，製給證明，節目製播；控制器。"),
    (.s2tw, "在这里长大，心里长出希望，在村里长大。", "在這裡長大，心裡長出希望，在村裡長大。"),
    (.s2tw, "办理村里长及里长选举，村（里）之编组；指定制裁之对象，机关注销登记。", "辦理村里長及里長選舉，村（里）之編組；指定制裁之對象，機關註銷登記。"),
    (.s2tw, "行政复议，创制复决，定期复训；艺文采购之累计编制，回复至原状。", "行政復議，創制複決，定期複訓；藝文採購之累計編製，回復至原狀。"),
    (.s2tw, "注：升降机与升降设备之托运，函复申请人并填注表格，转雇至他船。", "註：昇降機與昇降設備之託運，函復申請人並填註表格，轉僱至他船。"),
    (.s2t, "检附履历书；竖立标志；屋檐下泄漏。", "檢附履歷書；豎立標誌；屋檐下泄漏。"),
    (.s2tw, "被害者权利回复条例；交回复议；土地复丈；本条例服制图说；化学制造程序；委制商；核发型式认证。", "被害者權利回復條例；交回復議；土地複丈；本條例服制圖說；化學製造程序；委製商；核發型式認證。"),
    (.s2tw, "由院长征询意见；转运准单；应为准许；制粉工厂；护照系伪造，保险费系用以购买，而系就所收取，而系统正常。", "由院長徵詢意見；轉運准單；應為准許；製粉工廠；護照係偽造，保險費係用以購買，而係就所收取，而系統正常。"),
    (.s2tw, "成绩占百分之六十，港湾疏浚工程，禁止贩卖烟、酒。", "成績佔百分之六十，港灣疏濬工程，禁止販賣菸、酒。"),
    (.s2two, "成绩占百分之六十，港湾疏浚工程，禁止贩卖烟、酒。", "成績占百分之六十，港灣疏濬工程，禁止販賣菸、酒。"),
    (.s2t, "获赔万余元，余压与余值，余刑；大干旱时疏干排水，实行包干；缩短发车间隔，颁发型号证书；相冲突，小范围。", "獲賠萬餘元，餘壓與餘值，餘刑；大乾旱時疏乾排水，實行包乾；縮短發車間隔，頒發型號證書；相衝突，小範圍。"),
    (.s2t, "作出征收决定，广东征求意见，市长征得同意，出征地补偿；大军出征。", "作出徵收決定，廣東徵求意見，市長徵得同意，出徵地補償；大軍出征。"),
    (.s2t, "依照规定制定，特制定本办法；记录制度，考试制度，认定制度；业务台账；定制家具，录制节目。", "依照規定制定，特制定本辦法；記錄制度，考試制度，認定制度；業務臺賬；定製傢具，錄製節目。"),
    (.s2tw, "依照规定制定，特制定本办法；记录制度；定制家具。", "依照規定制定，特制定本辦法；記錄制度；定製家具。"),
    (.s2t, "低丰度同位素，丰富的资源。", "低豐度同位素，豐富的資源。"),
    (.s2t, "率领周天子的军队，周天子驾崩。", "率領周天子的軍隊，周天子駕崩。"),
    (.s2t, "与诸侯上下周旋，如果干不成，白面孔，有云彩；应加注意，加注意见，姓名签章；以最低者为准予以判定。", "與諸侯上下周旋，如果幹不成，白面孔，有雲彩；應加注意，加註意見，姓名簽章；以最低者爲準予以判定。"),
    (.s2t, "要求签订合同，决定不准许，变更准驾车型，防控干预，司长须每年报告；核心系统，心系祖国。", "要求簽訂合同，決定不准許，變更准駕車型，防控干預，司長須每年報告；核心系統，心繫祖國。"),
    (.s2tw, "因施工致影响交通，做工精致；与其系所合作。", "因施工致影響交通，做工精緻；與其系所合作。"),
    (.s2t, "非法制造，视为准予，特制订本办法，报关注册，调解书签收，驳回复审申请，有关系统，对准许的事项，应当凭借款合同，固定制式；书签，对准目标。", "非法製造，視爲准予，特制訂本辦法，報關註冊，調解書簽收，駁回複審申請，有關系統，對准許的事項，應當憑借款合同，固定制式；書籤，對準目標。"),
    (.s2t, "船舶只准使用，方准进口；准用前条规定；平准基金之准据，查核准则。", "船舶只准使用，方准進口；準用前條規定；平準基金之準據，查核準則。"),
    (.s2t, "他算得很准，准没错；标准、准备、准确、瞄准、准时都不变，不准吸烟。", "他算得很準，準沒錯；標準、準備、準確、瞄準、準時都不變，不准吸煙。"),
    (.s2tw, "预算之编制及财务报告编制准则，定期编制经费报表；组织编制事项，人员编制，编制内人员。", "預算之編製及財務報告編製準則，定期編製經費報表；組織編制事項，人員編制，編制內人員。"),
  ])
  func taiwanPoolContextChoices(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // s2hk's Cantonese stage (data/curated/hk-cantonese.txt, s2hk only): a lone 系 is the copula 係,
  // kept as 系 in CC-CEDICT's words and in departments; 繫好 is "is very" unless something is
  // tied; 曬 is the particle 晒 except in words for the sun; 隻 with no numeral; t2hk keeps what a
  // Traditional text chose.
  @Test("s2hk reads 系 晒 只 as Hong Kong's written Cantonese does", arguments: [
    (ConversionConfig.s2hk, "佢系老师，我系讲紧，系咪？行为人系初犯。", "佢係老師，我係講緊，係咪？行為人係初犯。"),
    (.s2hk, "他是中文系的学生，系主任说操作系统和关系都要改，按钮系结字型族系。", "他是中文系的學生，系主任說操作系統和關係都要改，按鈕繫結字型族系。"),
    (.s2hk, "请系好安全带，佢系好专业。", "請繫好安全帶，佢係好專業。"),
    (.s2hk, "食晒啦，换晒衫，离晒谱；晒太阳，晒干衣服，日晒雨淋。", "食晒啦，換晒衫，離晒譜；曬太陽，曬乾衣服，日曬雨淋。"),
    (.s2hk, "擺低只手，呢只碟，十蚊只；不只手机，只眼前利益。", "擺低隻手，呢隻碟，十蚊隻；不只手機，只眼前利益。"),
    (.s2hk, "吓，咁都得喇吓？去晒衫。", "吓，咁都得喇吓？去曬衫。"),
  ])
  func hongKongCantoneseStage(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("t2hk keeps the 系 and 曬 a Traditional text chose")
  func traditionalToHongKongKeepsChoices() throws {
    #expect(try Converter(.t2hk).convert("我系講緊，換曬衫，擺低只手。") == "我系講緊，換曬衫，擺低只手。")
  }

  // Errors of s2hk on devsets/hk-cantonese-dev (tuning round 2): 係 before 喺 冇 嚹 呃 跟住 好多 好似
  // 上面 and after 應該 (with Mandarin's 應該繫好 應該系統 kept), the particle 晒 before 啲 佢 囖 喇 …
  // (曬太陽 stays), Hong Kong's 厘米 and 秘書台.
  @Test("Hong Kong Cantonese: more 係 and 晒, Hong Kong's 厘米", arguments: [
    (ConversionConfig.s2hk, "应该系喺呢度，系冇问题，佢贴晒啲嘢，系好多人，系上面。", "應該係喺呢度，係冇問題，佢貼晒啲嘢，係好多人，係上面。"),
    (.s2hk, "你应该系好安全带，应该系统地学习，晒太阳，晒衣服。", "你應該繫好安全帶，應該系統地學習，曬太陽，曬衣服。"),
    (.s2hk, "画四厘米长，打去秘书台留言。", "畫四厘米長，打去秘書台留言。"),
    (.s2t, "画四厘米长，你应该系好安全带。", "畫四釐米長，你應該繫好安全帶。"),
  ])
  func hongKongCantoneseMore(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("everyday words: dried food 乾, noodles 麵, names keep 台 周 干 里 (issue 11)", arguments: [
    (ConversionConfig.s2t, "香蕉干、草莓干、葡萄干和肉干。", "香蕉乾、草莓乾、葡萄乾和肉乾。"),
    (.s2tw, "细面、牛腩面、拉面和面条。", "細麵、牛腩麵、拉麵和麵條。"),
    (.s2tw, "郭台铭和龙应台看了今周刊，走过干诺道。", "郭台銘和龍應台看了今周刊，走過干諾道。"),
    (.s2hk, "郭台铭在干诺道。", "郭台銘在干諾道。"),
    (.s2tw, "梅里达的卡里亚语，这里达到了。", "梅里達的卡里亞語，這裡達到了。"),
    (.s2t, "克里斯和帕特里克在这里达成协议，他在心里克制自己，家里亚麻布。",
     "克里斯和帕特里克在這裏達成協議，他在心裏克制自己，家裏亞麻布。"),
    (.s2tw, "托付、托梦、交托。", "託付、託夢、交託。"),
    (.s2tw, "内卷、妆发、星露谷物语。", "內捲、妝髮、星露谷物語。"),
  ])
  func everydayWords(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("Taiwan usage: 想像, 剷除 in s2tw; t keeps 想象, 鏟除 (issue 11)", arguments: [
    (ConversionConfig.s2tw, "想象力可以铲除偏见，好象是这样。", "想像力可以剷除偏見，好像是這樣。"),
    (.s2t, "想象力可以铲除偏见。", "想象力可以鏟除偏見。"),
    (.s2tw, "大多象形文字都有异象。", "大多象形文字都有異象。"),
  ])
  func taiwanUsage(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  @Test("s2twp: 字节 is 位元組; 菠萝 and 弗洛伊德, which Taiwan writes too, stay (issue 11)", arguments: [
    (ConversionConfig.s2twp, "一个字节，菠萝包和菠萝，弗洛伊德。", "一個位元組，菠蘿包和菠蘿，弗洛伊德。"),
  ])
  func taiwanSoftwareVocabulary(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // From the dev-side tuning pools (devsets/local/tw-{ui,docs,prose}-train.tsv), s2twp against s2tw
  // line by line: Taiwan writes 社交媒體 too (Firefox's 封鎖社交媒體追蹤器), so that rule is out while
  // 社交網絡 → 社群網路 stays; 因變數組 is Taiwan's 因變數 (dependent variable) + 組, which 數組 → 陣列
  // must not split, while the mainland's 可變數組 still becomes 可變陣列.
  @Test("s2twp: 社交媒體 and 因變數組 stay, 可變數組 and 社交網絡 are rewritten (issue 11)", arguments: [
    (ConversionConfig.s2twp, "封锁社交媒体追踪器，用因变数组画图，可变数组，社交网络。", "封鎖社交媒體追蹤器，用因變數組畫圖，可變陣列，社群網路。"),
  ])
  func taiwanVocabularyFromPools(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // The review of the rules whose value differs in length from the key, or whose mainland word
  // Taiwan also writes (data/curated/tw-vocabulary.txt, its header): 插件 源碼 網卡 顯卡 are out,
  // 算法 alone is out (這種算法, 預算法) while its algorithm compounds stay, 文件名稱 用戶名稱 突尼斯市
  // 數碼寶貝 are blocked (用戶名 made 用戶名稱 使用者名稱稱), and mainland-only words stay rewritten.
  @Test("s2twp: words Taiwan writes too stay, algorithm compounds and mainland-only words are rewritten (issue 11)", arguments: [
    (ConversionConfig.s2twp, "浏览器插件可以有简单功能，查看源码，安装无线网卡和显卡。", "瀏覽器插件可以有簡單功能，查看源碼，安裝無線網卡和顯卡。"),
    (.s2twp, "这种算法不对，依预算法第三条；加密算法与排序算法，未知的哈希算法，算法复杂度。", "這種算法不對，依預算法第三條；加密演算法與排序演算法，未知的雜湊演算法，演算法複雜度。"),
    (.s2twp, "文件名称，用户名称，用户名；突尼斯市在突尼斯；数码宝贝，数码相机。", "文件名稱，用戶名稱，使用者名稱；突尼斯市在突尼西亞；數碼寶貝，數位相機。"),
    (.s2twp, "内存条，闪存，U盘，编程，程序员，触屏，端口，计算器。", "記憶體模組，快閃記憶體，隨身碟，程式設計，程式設計師，觸控螢幕，連接埠，計算機。"),
  ])
  func taiwanVocabularyLengthReview(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // A scan of every phrase against the shorter keys inside it (a phrase must agree with them
  // unless another word explains the difference) found 宿舍里 → 宿捨裏, 里贝里 → 里貝裏,
  // 淋漓尽致 → 淋灕盡致 and 魂不守舍 → 魂不守捨; 舍 now defaults to 舍 (宿舍 校舍 鴿舍 女九舍:
  // an open set of buildings) and 捨 comes from its closed set of verbs (捨得 捨棄 捨入 斷捨離);
  // 年历 no longer takes the 历 of 历史 (二十年历史 was 二十年曆史).
  @Test("s2t: 舍 for buildings and 捨 for giving up, 年歷史, nautical 海里, and phrases that agree with the words inside them (issue 11)", arguments: [
    (ConversionConfig.s2t, "女生宿舍里住着四个人，鸽舍和兽舍都要打扫。", "女生宿舍裏住着四個人，鴿舍和獸舍都要打掃。"),
    (.s2t, "他舍不得这份工作，四舍五入后舍去小数，断舍离之后也不后悔。", "他捨不得這份工作，四捨五入後捨去小數，斷捨離之後也不後悔。"),
    (.s2t, "这家店有二十年历史，一万年历史太久；他翻开年历。", "這家店有二十年歷史，一萬年歷史太久；他翻開年曆。"),
    (.s2t, "领海宽度为十二海里，一海里约一千八百五十二米。", "領海寬度爲十二海里，一海里約一千八百五十二米。"),
    (.s2t, "里贝里踢得淋漓尽致，魂不守舍的后卫追不上。", "里貝里踢得淋漓盡致，魂不守舍的後衛追不上。"),
    (.s2hk, "你舍唔舍得先？", "你捨唔捨得先？"),
    (.s2tw, "她的笑容非常艳丽，像实况主斗内那样。", "她的笑容非常豔麗，像實況主斗內那樣。"),
    (.s2tw, "他叼着一根烟斗，海关查获私烟。", "他叼著一根煙斗，海關查獲私菸。"),
    (.s2tw, "各里里民大会由村里长召集，这里的家里。", "各里里民大會由村里長召集，這裡的家裡。"),
  ])
  func buildingsAndPhraseAgreement(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // scripts/boundary-scan on the dev-side Taiwan UI, documentation and prose input and on
  // hk-cantonese-dev: keys that took the first character of the next word (修表 in 编修表格,
  // 联系 in 关联系数, 下卷 in 按一下卷轴, 下周 in 试下周围).
  @Test("keys found crossing a word boundary in UI text and Cantonese stay inside their word (issue 11)", arguments: [
    (ConversionConfig.s2tw, "编修表格，代码表格，关联系数，传回复数。", "編修表格，代碼表格，關聯係數，傳回複數。"),
    (.s2tw, "按一下卷轴的箭头，留下注解，来自游标所在位置。", "按一下捲軸的箭頭，留下註解，來自游標所在位置。"),
    (.s2hk, "你试下周围行下，玩下游戏，完全系唔同。", "你試下周圍行下，玩下遊戲，完全係唔同。"),
    (.s2hk, "三点钟会有人来，几分钟会到，闹钟会响；邓艾钟会伐蜀。", "三點鐘會有人來，幾分鐘會到，鬧鐘會響；鄧艾鍾會伐蜀。"),
    (.s2t, "下周围绕主题开会，看看上下游产业。", "下週圍繞主題開會，看看上下游產業。"),
  ])
  func boundariesInEverydayText(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Names of countries and currencies from CLDR (scripts/generate-cldr-names): each region's
  // own names in its p configs, both ways; names Taiwan also writes (澳大利亞, 印度尼西亞) stay,
  // and s2tw, which converts no vocabulary, leaves them all.
  @Test("p configs write each region's CLDR names of countries and currencies (issue 11)", arguments: [
    (ConversionConfig.s2twp, "科特迪瓦和布基纳法索，波斯尼亚和黑塞哥维那，斯威士兰，新西兰元。澳大利亚和印度尼西亚。",
     "象牙海岸和布吉納法索，波士尼亞與赫塞哥維納，史瓦帝尼，紐西蘭幣。澳大利亞和印度尼西亞。"),
    (.tw2sp, "象牙海岸和布吉納法索，波士尼亞與赫塞哥維納，史瓦帝尼。", "科特迪瓦和布基纳法索，波斯尼亚和黑塞哥维那，斯威士兰。"),
    (.s2hkp, "阿塞拜疆和巴布亚新几内亚，毛里求斯。", "亞塞拜疆和巴布亞新畿內亞，毛里裘斯。"),
    (.hk2sp, "亞塞拜疆和巴布亞新畿內亞，毛里裘斯。", "阿塞拜疆和巴布亚新几内亚，毛里求斯。"),
    (.s2tw, "科特迪瓦和布基纳法索", "科特迪瓦和布基納法索"),
    (.s2twp, "贝宁、乍得和也门，增加纳税人，更加蓬勃。", "貝南、查德和葉門，增加納稅人，更加蓬勃。"),
    (.tw2sp, "貝南、查德和葉門", "贝宁、查德和也门"),
  ])
  func cldrNames(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // boundary-scan tw2s on the dev-side Taiwan text: ICU's phrase rules 畫一 → 划一 and 畫開 → 划开
  // (整齊畫一, 畫開) also matched 畫一個圓 and 動畫開始; drawing is the default now.
  @Test("tw2s draws with 画 and divides with 划 (issue 11)", arguments: [
    (ConversionConfig.tw2s, "我畫一個圓，他畫一張畫，動畫開始，畫分鏡，畫清楚。", "我画一个圆，他画一张画，动画开始，画分镜，画清楚。"),
    (.tw2s, "整齊畫一，畫清界線，區畫，計畫。", "整齐划一，划清界线，区划，计划。"),
  ])
  func drawingAndDividing(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // boundary-scan s2t on the zh_CN catalogs and man pages: 数只 → 數隻 (数只羊) and 数里 → 數里
  // (方圆数里) also matched after the 数 of 参数 and 函数, and 码表 → 碼錶 before 示.
  @Test("s2t: 参数只能 and 函数里 keep their word; 数只羊 and 方圆数里 are still counted (issue 11)", arguments: [
    (ConversionConfig.s2t, "该参数只能是整数，函数里看不到，状态码表示成功。", "該參數只能是整數，函數裏看不到，狀態碼表示成功。"),
    (.s2t, "草地上有数只羊，方圆数里，无数只鸟。", "草地上有數隻羊，方圓數里，無數隻鳥。"),
  ])
  func numbersBeforeOnlyAndInside(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }

  // Everyday words chosen by libchewing's Taiwan frequencies (scripts/generate-tables: more
  // one-to-many characters in EVERYDAY_ST, Taiwan's variant shapes in EVERYDAY_TW), and the
  // curated 抑制剂 and 布施, which the ICU phrases wrote 抑製劑 and 佈施.
  @Test("everyday words take the form Taiwan's word list writes 5 times as often (issue 11)", arguments: [
    (ConversionConfig.s2t, "欢迎咨询，抑制剂，布施，喂食，回响，震荡，当铺。", "歡迎諮詢，抑制劑，布施，餵食，迴響，震盪，當鋪。"),
    (.s2tw, "欢迎咨询，抑制剂，布施，喂食，回响，震荡，品尝，炮台，当铺。", "歡迎諮詢，抑制劑，布施，餵食，迴響，震盪，品嚐，砲台，當舖。"),
    (.s2tw, "痴迷，棱镜，凭吊，吞咽，剪彩，侄子，每月分期付款，湿地。", "癡迷，稜鏡，憑弔，吞嚥，剪綵，姪子，每月分期付款，濕地。"),
    (.s2tw, "线性回归，回归自然，北回归线，周数，周次，尽可能。", "線性迴歸，回歸自然，北迴歸線，週數，週次，盡可能。"),
    (.s2two, "尽可能", "儘可能"),
    (.s2tw, "柜台前轻轻松松地尝尝总汇三明治，证券柜台买卖，台中大里与后里，悠游卡。", "櫃台前輕輕鬆鬆地嚐嚐總匯三明治，證券櫃檯買賣，台中大里與后里，悠遊卡。"),
    (.s2tw, "神迹与奇迹，伤口愈合，鳄鱼，碱。", "神蹟與奇蹟，傷口癒合，鱷魚，鹼。"),
    (.s2two, "柜台", "櫃檯"),
    (.s2t, "尼采读西游记，拿破仑看斗牛，鸡只与猪只，县志，干哥，复诵，苏醒。", "尼采讀西遊記，拿破崙看鬥牛，雞隻與豬隻，縣志，乾哥，複誦，甦醒。"),
    (.s2t, "事前制定，出台制度，迂回向前，互相克制，调整只需，本国历史。", "事前制定，出臺制度，迂迴向前，互相克制，調整只需，本國歷史。"),
    (.s2tw, "三周后，旭日东升，彷徨，艰巨，稻草席，气势磅礴。", "三週後，旭日東昇，徬徨，艱鉅，稻草蓆，氣勢磅礡。"),
    (.s2tw, "第一次尝鲜，占有欲，总统杯黑客松，一杯水。", "第一次嚐鮮，佔有慾，總統盃黑客松，一杯水。"),
  ])
  func everydayWordsByFrequency(config: ConversionConfig, input: String, expected: String) {
    #expect(Self.convert(config, input) == expected)
  }
}
