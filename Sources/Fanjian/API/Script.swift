/// Which script a text is written in: Simplified, Traditional, a mix, or
/// not enough evidence to say.
///
/// ```swift
/// let detection = Script.detect(in: "這是一段繁體中文的句子，裡面有為和著，還有說話與學習。")
/// detection.script     // .traditional
/// detection.standard   // .taiwan (為 著 裡 are Taiwan's forms)
/// ```
public enum Script: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// Simplified Chinese: only Simplified-only characters decide.
  case simplified
  /// Traditional Chinese: only Traditional-only characters decide.
  case traditional
  /// Both scripts' own characters, each too many to be a stray quotation.
  case mixed
  /// Too few deciding characters: a short text, a text made only of
  /// characters both scripts write (中文, 人口), or no Chinese at all.
  case undetermined

  /// The name as reports print it ("traditional").
  public var description: String { rawValue }

  /// Detects the script of `text` from the characters only one script writes.
  ///
  /// The deciding characters are derived from the built-in tables: a
  /// character is Simplified-only when `s2t` converts it on its own, `t2s`
  /// leaves it, and no `s2t` phrase keeps it (将 确 对; not 后 or 于, which
  /// Traditional text writes in 皇后 and 于丹); Traditional-only is the
  /// mirror image (將 確 對; not 乾 or 著, kept in 乾隆 and 著名). Characters
  /// both scripts write (中 文 人) do not count.
  ///
  /// The verdict:
  /// - ``undetermined`` with fewer than ``ScriptDetection/minimumEvidence``
  ///   deciding characters in all;
  /// - ``mixed`` when each script has at least 2 deciding characters and the
  ///   smaller side is at least 1% of the deciding characters;
  /// - otherwise the script with more deciding characters (a single stray
  ///   character of the other script does not make a text mixed).
  ///
  /// For Traditional (and mostly-Traditional mixed) text, the regional
  /// standard is guessed from the variant characters present: 爲 着 裏 are
  /// t's, 為 著 裡 Taiwan's, 為 着 裏 衞 Hong Kong's; see
  /// ``ScriptDetection/standard``.
  ///
  /// Complexity: O(n), one set lookup per character.
  public static func detect(in text: String) -> ScriptDetection {
    var detector = ScriptDetector(inventory: .builtIn)
    for scalar in text.unicodeScalars { detector.add(scalar.value) }
    return detector.result
  }

  /// Detects the script of UTF-8 bytes; invalid sequences are skipped.
  public static func detect(utf8 bytes: [UInt8]) -> ScriptDetection {
    detect(in: String(decoding: bytes, as: UTF8.self))
  }
}

/// The verdict of ``Script/detect(in:)`` with the evidence behind it.
public struct ScriptDetection: Sendable, Hashable {
  /// How many deciding characters a verdict other than ``Script/undetermined`` needs.
  public static let minimumEvidence = 5

  /// The verdict.
  public var script: Script
  /// How many characters only Simplified writes (each occurrence counts).
  public var simplifiedCount: Int
  /// How many characters only Traditional writes.
  public var traditionalCount: Int
  /// How many Han characters the text has in all, deciding or not.
  public var hanCount: Int
  /// For Traditional text (or mixed text that is mostly Traditional), the
  /// regional standard its variant characters point to; `nil` when no
  /// variant character decides, or two standards fit equally (為 alone fits
  /// Taiwan and Hong Kong).
  public var standard: Standard?
  /// For each Traditional standard, how many of the text's characters that
  /// standard writes differently (爲 counts against Taiwan and Hong Kong,
  /// 為 against t). The best guess has the fewest.
  public var variantMismatches: [Standard: Int]

  /// Makes a detection from its parts.
  public init(
    script: Script, simplifiedCount: Int, traditionalCount: Int, hanCount: Int, standard: Standard?,
    variantMismatches: [Standard: Int]
  ) {
    self.script = script
    self.simplifiedCount = simplifiedCount
    self.traditionalCount = traditionalCount
    self.hanCount = hanCount
    self.standard = standard
    self.variantMismatches = variantMismatches
  }
}
