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
    }
  }
}
