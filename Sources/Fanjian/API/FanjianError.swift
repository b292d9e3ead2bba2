/// Everything that can go wrong in Fanjian, each with a message a user can act on.
public enum FanjianError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A configuration name that Fanjian does not know, such as `"s2x"`.
  case unknownConfig(name: String)
  /// ICU rejected a transliterator id.
  case unknownTransliterator(id: String, icuError: String)
  /// ICU reported an error while transliterating.
  case transliterationFailed(id: String, icuError: String)
  /// The input is not valid UTF-8; `byteOffset` is where the first bad byte is.
  case invalidUTF8(byteOffset: Int)
  /// A dictionary line could not be read as `key<TAB>value`.
  case malformedDictionary(source: String, line: Int, reason: String)
  /// A dictionary file could not be read.
  case unreadableDictionary(path: String, reason: String)
  /// The tables built into this copy of Fanjian failed their integrity check.
  case corruptTables(config: String, reason: String)
  /// The chosen engine cannot run this configuration.
  case unsupportedEngine(engine: String, config: String)
  /// An encoding name that ICU does not know, such as `"big6"`.
  case unknownEncoding(name: String)
  /// The input is not valid in the encoding it was read in; `byteOffset` is
  /// where the first bad byte is, counted from the start of the input.
  case invalidBytes(encoding: String, byteOffset: Int)
  /// The output encoding has no representation for a character.
  case unencodableCharacter(encoding: String, codePoint: UInt32)
  /// ICU's converter for an encoding reported another error.
  case encodingFailed(encoding: String, icuError: String)

  /// A one-line message naming what went wrong and what to do about it.
  public var description: String {
    switch self {
    case .unknownConfig(let name):
      let known = ConversionConfig.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown configuration '\(name)'; use one of: \(known)"
    case .unknownTransliterator(let id, let icuError):
      return "ICU has no transliterator with id '\(id)' (\(icuError)); `uconv -L` lists the ids this ICU knows"
    case .transliterationFailed(let id, let icuError):
      return "ICU transliterator '\(id)' failed (\(icuError))"
    case .invalidUTF8(let byteOffset):
      return "input is not valid UTF-8: bad byte sequence at byte offset \(byteOffset)"
    case .malformedDictionary(let source, let line, let reason):
      return "\(source):\(line): \(reason)"
    case .unreadableDictionary(let path, let reason):
      return "cannot read dictionary '\(path)': \(reason)"
    case .corruptTables(let config, let reason):
      return "the built-in tables for '\(config)' are damaged (\(reason)); rebuild Fanjian"
    case .unsupportedEngine(let engine, let config):
      return "the \(engine) engine cannot run '\(config)'; use the tables engine"
    case .unknownEncoding(let name):
      return "unknown encoding '\(name)'; use UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312, Big5, Big5-HKSCS "
        + "or another name `uconv -l` lists"
    case .invalidBytes(let encoding, let byteOffset):
      return "not valid \(encoding) at byte offset \(byteOffset); name the right encoding, "
        + "or decode lossily (bad bytes become U+FFFD)"
    case .unencodableCharacter(let encoding, let codePoint):
      let hex = String(codePoint, radix: 16, uppercase: true)
      let character = Unicode.Scalar(codePoint).map { " '\(Character($0))'" } ?? ""
      return "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)\(character) cannot be written in "
        + "\(encoding); choose another output encoding, or encode lossily"
    case .encodingFailed(let encoding, let icuError):
      return "ICU's \(encoding) converter failed (\(icuError))"
    }
  }
}
