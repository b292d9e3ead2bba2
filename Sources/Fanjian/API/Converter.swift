import CFanjianTables

/// Converts Chinese text between scripts and regional standards.
///
/// ```swift
/// import Fanjian
///
/// let converter = try Converter(.s2tw)
/// converter.convert("头发和软件")  // "頭髮和軟件"
/// ```
///
/// A converter is immutable and `Sendable`: build it once and share it across
/// threads. Construction loads the matcher compiled into the library, used
/// where it lies (no text parsing, no building): about 0.2 ms; with user
/// dictionaries the matcher is built at construction, 1–3 ms.
/// Conversion is leftmost-longest matching over those tables, directly on
/// UTF-8: O(n) in the input length.
public final class Converter: Sendable {
  /// How a converter does its work.
  public enum Engine: String, Sendable, CaseIterable {
    /// Fanjian's own compiled tables (the default, and the fast one).
    case tables
    /// ICU's transliterator, for comparison. Runs `s2t`, `s2tw`, `s2hk` as ICU's
    /// "Simplified-Traditional" and `t2s`, `tw2s`, `hk2s` as
    /// "Traditional-Simplified"; other configurations are not supported.
    case icu
  }

  /// The configuration this converter runs.
  public let config: ConversionConfig
  /// The engine this converter runs on.
  public let engine: Engine
  let matcher: TableMatcher
  let transliterator: Transliterator?

  /// Makes a converter for a configuration.
  ///
  /// - Parameters:
  ///   - config: the conversion to run, such as `.s2tw`.
  ///   - engine: `.tables` (default) or `.icu` for comparison.
  ///   - dictionaries: extra conversions with priority over the built-in ones;
  ///     a later dictionary wins over an earlier one for the same key.
  /// - Throws: `FanjianError.corruptTables` if the embedded tables are damaged,
  ///   `FanjianError.unsupportedEngine` for a configuration ICU cannot run.
  public init(
    _ config: ConversionConfig, engine: Engine = .tables, dictionaries: [ConversionDictionary] = []
  ) throws(FanjianError) {
    self.config = config
    self.engine = engine
    let blob = try Self.embeddedTable(for: config)
    if dictionaries.isEmpty, let image = TableBlob.parts(of: blob).image, let loaded = TableMatcher(image: image) {
      // The matcher compiled into the binary, used where it lies.
      matcher = loaded
    } else if dictionaries.isEmpty {
      // Built straight from the embedded bytes: no per-entry copies.
      matcher = try TableMatcher(bytes: blob, spans: TableBlob.spans(in: blob, name: config.rawValue), source: config.rawValue)
    } else {
      let entries = Self.overlay(dictionaries, on: try TableBlob.decode(blob, name: config.rawValue))
      matcher = try TableMatcher.build(entries: entries, source: config.rawValue)
    }
    switch engine {
    case .tables:
      transliterator = nil
    case .icu:
      guard let id = Self.icuID(for: config) else {
        throw .unsupportedEngine(engine: engine.rawValue, config: config.rawValue)
      }
      transliterator = try Transliterator(id: id)
    }
  }

  /// Makes a converter from a configuration name such as `"s2tw"` (OpenCC's
  /// `"s2tw.json"` is accepted too).
  ///
  /// - Throws: `FanjianError.unknownConfig` for a name Fanjian does not know.
  public convenience init(
    config name: String, engine: Engine = .tables, dictionaries: [ConversionDictionary] = []
  ) throws(FanjianError) {
    guard let config = ConversionConfig(name: name) else { throw .unknownConfig(name: name) }
    try self.init(config, engine: engine, dictionaries: dictionaries)
  }

  /// Internal: a converter over explicit entries, used by table tooling and tests.
  package init(config: ConversionConfig, entries: [(key: [UInt8], value: [UInt8])]) throws(FanjianError) {
    self.config = config
    self.engine = .tables
    matcher = try TableMatcher.build(entries: entries, source: config.rawValue)
    transliterator = nil
  }

  /// Converts a string.
  ///
  /// Text outside the tables (ASCII, punctuation, other scripts, emoji) comes
  /// out byte-identical. With the `.icu` engine an ICU failure returns `text`
  /// unchanged.
  public func convert(_ text: String) -> String {
    if let transliterator {
      return (try? transliterator.transliterate(text)) ?? text
    }
    var text = text
    return text.withUTF8 { bytes in
      var writer = ByteWriter(capacity: bytes.count + bytes.count / 8 + 16)
      defer { writer.deallocate() }
      // A Swift string is always valid UTF-8, so this cannot throw.
      _ = try? matcher.convert(UnsafeRawBufferPointer(bytes), isFinal: true, into: &writer)
      return String(decoding: writer.bytes, as: UTF8.self)
    }
  }

  /// Converts UTF-8 bytes without going through `String`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte.
  public func convert(utf8 bytes: [UInt8]) throws(FanjianError) -> [UInt8] {
    var output: [UInt8] = []
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(FanjianError) in try convert(utf8: buffer, appendingTo: &output) }
    }
    try result.get()
    return output
  }

  /// Converts UTF-8 bytes held in an array and appends the result to `output`.
  ///
  /// ```swift
  /// let bytes: [UInt8] = Array("头发".utf8)
  /// var out: [UInt8] = []
  /// try converter.convert(utf8: bytes, appendingTo: &out)  // out: "頭髮" in UTF-8
  /// ```
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte;
  ///   the conversion of everything before it has been appended.
  public func convert(utf8 bytes: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(FanjianError) in try convert(utf8: buffer, appendingTo: &output) }
    }
    try result.get()
  }

  /// Converts UTF-8 bytes and appends the result to `output`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte;
  ///   the conversion of everything before it has been appended.
  public func convert(utf8 bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    if let transliterator {
      if let offset = UTF8Scanner.firstInvalidOffset(in: bytes) { throw .invalidUTF8(byteOffset: offset) }
      let text = try transliterator.transliterate(String(decoding: bytes, as: UTF8.self))
      output.append(contentsOf: text.utf8)
      return
    }
    var writer = ByteWriter(capacity: bytes.count + bytes.count / 8 + 16)
    defer { writer.deallocate() }
    do {
      _ = try matcher.convert(bytes, isFinal: true, into: &writer)
      output.append(contentsOf: writer.bytes)
    } catch {
      output.append(contentsOf: writer.bytes)
      throw error
    }
  }

  /// Starts converting a stream of UTF-8 that arrives in chunks of any size.
  ///
  /// See ``ConversionStream``.
  ///
  /// - Parameter maximumConcurrency: how many threads may convert the
  ///   complete lines of one large chunk (a megabyte or more); the
  ///   output is the same for any value. The default, 1, converts on the
  ///   calling thread only.
  public func makeStream(maximumConcurrency: Int = 1) -> ConversionStream {
    ConversionStream(converter: self, maximumConcurrency: maximumConcurrency)
  }

  /// How many bytes of memory this converter's compiled tables hold.
  public var tableMemory: Int { matcher.memoryFootprint }

  // MARK: - Tables

  /// The embedded table of a configuration (static memory, never freed).
  static func embeddedTable(for config: ConversionConfig) throws(FanjianError) -> UnsafeRawBufferPointer {
    var length = 0
    guard let pointer = fj_embedded_table(config.rawValue, &length) else {
      throw .corruptTables(config: config.rawValue, reason: "no table embedded")
    }
    return UnsafeRawBufferPointer(start: pointer, count: length)
  }

  /// The embedded table of a configuration, as its compact binary form.
  package static func embeddedBlob(for config: ConversionConfig) -> [UInt8] {
    var length = 0
    guard let pointer = fj_embedded_table(config.rawValue, &length) else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: length))
  }

  /// Puts user dictionaries over the built-in entries; later ones win.
  ///
  /// Each entry from a dictionary keeps its file (or name) and line, so that
  /// a problem found while compiling the tables names the line to fix.
  static func overlay(
    _ dictionaries: [ConversionDictionary], on entries: [(key: [UInt8], value: [UInt8])]
  ) -> [TableMatcher.Entry] {
    var index: [[UInt8]: Int] = [:]
    var merged = entries.map { TableMatcher.Entry(key: $0.key, value: $0.value, origin: nil) }
    for (position, entry) in merged.enumerated() { index[entry.key] = position }
    for dictionary in dictionaries {
      for (entry, line) in zip(dictionary.entries, dictionary.lines) {
        let key = Array(entry.key.utf8), value = Array(entry.value.utf8)
        let origin = TableMatcher.Origin(source: dictionary.source, line: line)
        if let position = index[key] {
          merged[position].value = value
          merged[position].origin = origin
        } else {
          index[key] = merged.count
          merged.append(TableMatcher.Entry(key: key, value: value, origin: origin))
        }
      }
    }
    return merged
  }

  static func icuID(for config: ConversionConfig) -> String? {
    switch config {
    case .s2t, .s2tw, .s2hk: return "Simplified-Traditional"
    case .t2s, .tw2s, .hk2s: return "Traditional-Simplified"
    default: return nil
    }
  }
}
