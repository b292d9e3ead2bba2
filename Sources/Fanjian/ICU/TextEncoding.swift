/// A character encoding that text files come in, such as UTF-8, GB18030 or Big5.
///
/// Fanjian converts UTF-8; ``TextDecoder`` and ``TextEncoder`` use ICU's
/// converters (`ucnv`) to read and write every other encoding ICU knows.
/// The Chinese encodings and the Unicode ones have names of their own:
///
/// ```swift
/// let big5 = try TextEncoding(name: "big5")        // or .big5
/// let bytes = try big5.encode("漢字")               // [0xBA, 0x7E, 0xA6, 0x72]
/// try big5.decode(bytes)                            // "漢字"
/// ```
///
/// Names are matched without regard to case, `-` or `_`; any other name or
/// alias ICU knows (`uconv -l`) works too.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
  /// The name shown to people, such as `"GB18030"` or `"Big5-HKSCS"`.
  public let name: String
  /// The name ICU's converter is opened with.
  let icuName: String

  /// UTF-8, Fanjian's own encoding (decoding and encoding are a copy).
  public static let utf8 = TextEncoding(name: "UTF-8", icuName: "UTF-8")
  /// UTF-16, little-endian.
  public static let utf16LittleEndian = TextEncoding(name: "UTF-16LE", icuName: "UTF-16LE")
  /// UTF-16, big-endian.
  public static let utf16BigEndian = TextEncoding(name: "UTF-16BE", icuName: "UTF-16BE")
  /// GB 18030, the mainland standard that covers all of Unicode.
  public static let gb18030 = TextEncoding(name: "GB18030", icuName: "GB18030")
  /// GBK (Windows code page 936).
  public static let gbk = TextEncoding(name: "GBK", icuName: "GBK")
  /// GB 2312 (EUC-CN), Simplified characters only.
  public static let gb2312 = TextEncoding(name: "GB2312", icuName: "GB2312")
  /// Big5 (Windows code page 950), Traditional characters.
  public static let big5 = TextEncoding(name: "Big5", icuName: "windows-950-2000")
  /// Big5 with the Hong Kong Supplementary Character Set.
  public static let big5HKSCS = TextEncoding(name: "Big5-HKSCS", icuName: "ibm-1375_P100-2008")

  /// The encodings that have names of their own.
  public static let common: [TextEncoding] = [
    .utf8, .utf16LittleEndian, .utf16BigEndian, .gb18030, .gbk, .gb2312, .big5, .big5HKSCS,
  ]

  private init(name: String, icuName: String) {
    self.name = name
    self.icuName = icuName
  }

  /// Finds an encoding by name.
  ///
  /// - Parameter name: `"utf-8"`, `"GB18030"`, `"big5_hkscs"`, or any name ICU knows.
  /// - Throws: `FanjianError.unknownEncoding` when neither Fanjian nor ICU knows it.
  public init(name: String) throws(FanjianError) {
    func key(_ text: String) -> String { text.lowercased().filter { $0 != "-" && $0 != "_" } }
    if let known = Self.common.first(where: { key($0.name) == key(name) }) {
      self = known
      return
    }
    guard !name.isEmpty, let canonical = ICUSeam.canonicalCharsetName(name) else {
      throw .unknownEncoding(name: name)
    }
    if let known = Self.common.first(where: { $0.icuName == canonical }) {
      self = known
    } else {
      self.init(name: name, icuName: canonical)
    }
  }

  /// The name shown to people.
  public var description: String { name }

  /// Whether this is UTF-8.
  public var isUTF8: Bool { icuName == "UTF-8" }

  /// Whether text in this encoding is made of bytes, so that a NUL byte means
  /// binary data (true for UTF-8, GB and Big5; false for UTF-16).
  public var hasByteUnits: Bool {
    !icuName.uppercased().hasPrefix("UTF-16") && !icuName.uppercased().hasPrefix("UTF-32")
  }

  /// Whether every Unicode character can be written in this encoding
  /// (UTF-8, UTF-16, GB18030), so nothing is ever lost when writing it.
  public var coversUnicode: Bool { icuName.uppercased().hasPrefix("UTF") || icuName == "GB18030" }

  /// The encoding a byte order mark at the start of `bytes` announces, and the
  /// mark's length: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`), UTF-16BE
  /// (`FE FF`) or GB18030 (`84 31 95 33`). `nil` when there is none.
  public static func detectByteOrderMark(_ bytes: some Collection<UInt8>) -> (encoding: TextEncoding, length: Int)? {
    let start = Array(bytes.prefix(4))
    if start.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if start.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    if start.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    if start.starts(with: [0x84, 0x31, 0x95, 0x33]) { return (.gb18030, 4) }
    return nil
  }

  /// Encodes `text` in this encoding.
  ///
  /// - Parameter lossy: substitute characters the encoding lacks instead of throwing.
  /// - Throws: `FanjianError.unencodableCharacter` for a character the encoding lacks.
  public func encode(_ text: String, lossy: Bool = false) throws(FanjianError) -> [UInt8] {
    let encoder = try TextEncoder(self, lossy: lossy)
    var output: [UInt8] = []
    try encoder.encode(Array(text.utf8), appendingTo: &output)
    try encoder.finish(appendingTo: &output)
    return output
  }

  /// Decodes `bytes` in this encoding.
  ///
  /// - Parameter lossy: decode invalid bytes as U+FFFD instead of throwing.
  /// - Throws: `FanjianError.invalidBytes` with the offset of the first bad byte.
  public func decode(_ bytes: [UInt8], lossy: Bool = false) throws(FanjianError) -> String {
    let decoder = try TextDecoder(self, lossy: lossy)
    var output: [UInt8] = []
    try decoder.decode(bytes, appendingTo: &output)
    try decoder.finish(appendingTo: &output)
    return String(decoding: output, as: UTF8.self)
  }
}
