/// A written standard of Chinese: Simplified, or one of the Traditional standards.
///
/// The short names are the ones configuration names use: `s`, `t` (OpenCC's
/// Traditional standard: 爲 着 裏), `tw` (Taiwan: 為 著 裡) and `hk` (Hong Kong:
/// 為 着 裏).
///
/// ```swift
/// let normalizer = try Normalizer(target: .taiwan)
/// Standard(name: "tw")  // .taiwan
/// ```
public enum Standard: String, CaseIterable, Sendable, Hashable, Codable {
  /// Simplified Chinese.
  case simplified = "s"
  /// Traditional Chinese in OpenCC's standard forms (爲 着 裏), what `s2t` writes.
  case traditional = "t"
  /// Traditional Chinese, Taiwan standard forms (為 著 裡), what `s2tw` writes.
  case taiwan = "tw"
  /// Traditional Chinese, Hong Kong standard forms (為 着 裏), what `s2hk` writes.
  case hongKong = "hk"

  /// Looks a standard up by its short name (`"s"`, `"t"`, `"tw"`, `"hk"`, any
  /// case); `nil` for any other name.
  public init?(name: String) {
    self.init(rawValue: name.lowercased())
  }

  /// Whether this is one of the Traditional standards.
  public var isTraditional: Bool { self != .simplified }

  /// The standard's name in English, for messages ("Taiwan Traditional").
  public var summary: String {
    switch self {
    case .simplified: return "Simplified"
    case .traditional: return "Traditional (OpenCC standard forms: 爲 着 裏)"
    case .taiwan: return "Traditional, Taiwan standard forms (為 著 裡)"
    case .hongKong: return "Traditional, Hong Kong standard forms (為 着 裏)"
    }
  }

  /// The configuration that converts Simplified text into this standard
  /// (`nil` for `.simplified`).
  var fromSimplified: ConversionConfig? {
    switch self {
    case .simplified: return nil
    case .traditional: return .s2t
    case .taiwan: return .s2tw
    case .hongKong: return .s2hk
    }
  }

  /// The configurations that bring text in any Traditional standard into this
  /// one by variant form only, in order (`[]` for `.simplified`).
  var variantPipeline: [ConversionConfig] {
    switch self {
    case .simplified: return []
    case .traditional: return [.tw2t, .hk2t]
    case .taiwan: return [.hk2t, .t2tw]
    case .hongKong: return [.tw2t, .t2hk]
    }
  }
}
