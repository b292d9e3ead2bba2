/// A conversion between two Chinese scripts or regional standards.
///
/// The names and meanings are the ones OpenCC made standard: `s` is Simplified
/// Chinese, `t` is the traditional standard of OpenCC's tables (爲, 着, 裏),
/// `tw` and `hk` are the Taiwan and Hong Kong standard forms, and a trailing
/// `p` also converts regional vocabulary (软件 → 軟體); `jp` is Japanese
/// Shinjitai, the new character forms of Japan's Jōyō and Jinmeiyō lists (國 → 国).
/// A trailing `o` (`s2two`, `s2twpo`, `t2two`) writes Taiwan's official forms,
/// the Ministry of Education's standard characters as Taiwan's laws and
/// government write them (臺灣 占用 發布 瞭解), where `tw` writes Taiwan as
/// people write it in everyday text, software and the web (台灣 佔用 發佈 了解).
///
/// ```swift
/// let config = ConversionConfig(name: "s2tw")  // .s2tw
/// ```
public enum ConversionConfig: String, CaseIterable, Sendable, Hashable, Codable {
  /// Simplified to Traditional (OpenCC's standard forms).
  case s2t
  /// Traditional (OpenCC's standard forms) to Simplified.
  case t2s
  /// Simplified to Traditional, Taiwan standard forms as everyday Taiwan text,
  /// software and the web write them (台湾的平台 → 台灣的平台, 占用 → 佔用, 了解);
  /// ``s2two`` writes the official forms instead.
  case s2tw
  /// Traditional, Taiwan standard forms, to Simplified.
  case tw2s
  /// Simplified to Traditional, Taiwan standard forms and Taiwan vocabulary.
  case s2twp
  /// Traditional, Taiwan forms and vocabulary, to Simplified with mainland vocabulary.
  case tw2sp
  /// Simplified to Traditional, Taiwan official forms: the Ministry of Education's
  /// standard characters as Taiwan's laws and government write them (台湾的平台 →
  /// 臺灣的平臺, 占用, 發布, 瞭解), for government and legal text. Not one of
  /// OpenCC's names; named the way its configurations are.
  case s2two
  /// Simplified to Traditional, Taiwan official forms and Taiwan vocabulary
  /// (软件 → 軟體, 台湾 → 臺灣). Not one of OpenCC's names.
  case s2twpo
  /// Simplified to Traditional, Hong Kong standard forms.
  case s2hk
  /// Traditional, Hong Kong standard forms, to Simplified.
  case hk2s
  /// Simplified to Traditional, Hong Kong standard forms and Hong Kong vocabulary
  /// (出租车 → 的士). Not one of OpenCC's names; named the way its `p` configurations are.
  case s2hkp
  /// Traditional, Hong Kong forms and vocabulary, to Simplified with mainland vocabulary
  /// (的士 → 出租车). Not one of OpenCC's names; named the way its `p` configurations are.
  case hk2sp
  /// Traditional (OpenCC's standard) to Taiwan standard forms as everyday text
  /// writes them (臺灣 → 台灣); ``t2two`` writes the official forms.
  case t2tw
  /// Traditional (OpenCC's standard) to Taiwan official forms (佔用 → 占用,
  /// 發佈 → 發布). Not one of OpenCC's names.
  case t2two
  /// Traditional (OpenCC's standard) to Hong Kong standard forms.
  case t2hk
  /// Taiwan standard forms to Traditional (OpenCC's standard).
  case tw2t
  /// Hong Kong standard forms to Traditional (OpenCC's standard).
  case hk2t
  /// Traditional (OpenCC's standard) to Japanese Shinjitai (國語の學習 → 国語の学習);
  /// characters Japanese writes unchanged, kana and non-Han text pass through.
  case t2jp
  /// Japanese Shinjitai to Traditional (OpenCC's standard) (国語の学習 → 國語の學習),
  /// by phrase where a new form stands for several old ones (弁護 → 辯護, 花弁 → 花瓣).
  case jp2t

  /// Looks a configuration up by its name, accepting OpenCC's file names too
  /// (`"s2tw"`, `"S2TW"`, `"s2tw.json"`); `nil` when there is no such configuration.
  public init?(name: String) {
    var key = name.lowercased()
    if key.hasSuffix(".json") { key.removeLast(5) }
    self.init(rawValue: key)
  }

  /// A one-line description for listings such as `fanjian configs`.
  public var summary: String {
    switch self {
    case .s2t: return "Simplified → Traditional (OpenCC standard forms: 爲 着 裏)"
    case .t2s: return "Traditional → Simplified"
    case .s2tw: return "Simplified → Traditional, Taiwan forms as everyday text writes them (為 著 裡, 台灣 佔用)"
    case .tw2s: return "Traditional (Taiwan) → Simplified"
    case .s2twp: return "Simplified → Traditional (Taiwan) with Taiwan vocabulary (软件 → 軟體)"
    case .tw2sp: return "Traditional (Taiwan) → Simplified with mainland vocabulary (軟體 → 软件)"
    case .s2two: return "Simplified → Traditional, Taiwan official forms for government and legal text (臺灣 占用 發布)"
    case .s2twpo: return "Simplified → Traditional (Taiwan official forms) with Taiwan vocabulary (软件 → 軟體)"
    case .s2hk: return "Simplified → Traditional, Hong Kong standard forms (為 着 裏)"
    case .hk2s: return "Traditional (Hong Kong) → Simplified"
    case .s2hkp: return "Simplified → Traditional (Hong Kong) with Hong Kong vocabulary (出租车 → 的士)"
    case .hk2sp: return "Traditional (Hong Kong) → Simplified with mainland vocabulary (的士 → 出租车)"
    case .t2tw: return "Traditional (OpenCC standard) → Taiwan forms as everyday text writes them"
    case .t2two: return "Traditional (OpenCC standard) → Taiwan official forms (佔用 → 占用)"
    case .t2hk: return "Traditional (OpenCC standard) → Hong Kong standard forms"
    case .tw2t: return "Taiwan standard forms → Traditional (OpenCC standard)"
    case .hk2t: return "Hong Kong standard forms → Traditional (OpenCC standard)"
    case .t2jp: return "Traditional (OpenCC standard) → Japanese Shinjitai (國 → 国, 藝 → 芸)"
    case .jp2t: return "Japanese Shinjitai → Traditional (OpenCC standard) (国 → 國, 弁護 → 辯護)"
    }
  }
}
