#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A list of conversions in OpenCC's text dictionary format.
///
/// One entry a line: `key<TAB>value`, where further space-separated values
/// after the first are alternatives (kept, but the first one is used). Empty
/// lines and lines starting with `#` are skipped. A file that OpenCC loads as
/// a `.txt` dictionary loads here too.
///
/// Pass dictionaries to ``Converter/init(_:engine:dictionaries:)`` to add or
/// override conversions; their keys are matched in the input text and their
/// values are written as they are, with priority over the built-in tables.
/// A key may start with any character, ASCII included (`iPhone`), and a value
/// may be of any length, for a single character as for a phrase.
///
/// ```swift
/// let mine = try ConversionDictionary(pairs: [("鼠标", "滑鼠")])
/// let converter = try Converter(.s2t, dictionaries: [mine])
/// ```
public struct ConversionDictionary: Sendable {
  /// One conversion: a key and its replacement with any alternatives.
  public struct Entry: Sendable, Equatable {
    /// The text to find.
    public var key: String
    /// The replacement (the first value on the line).
    public var value: String
    /// Further values listed after the first, if any.
    public var alternatives: [String]
  }

  /// Where the entries came from: a path, or a name for in-memory entries.
  public let source: String
  /// The entries in the order they were read.
  public let entries: [Entry]
  /// The line each entry was read from (its position for in-memory pairs),
  /// for error messages.
  let lines: [Int]

  /// Makes a dictionary from key and value pairs.
  ///
  /// - Throws: `FanjianError.malformedDictionary` for an empty key or value, or a
  ///   key that contains a line break.
  public init(pairs: [(String, String)], source: String = "in-memory dictionary") throws(FanjianError) {
    var entries: [Entry] = []
    for (index, (key, value)) in pairs.enumerated() {
      try Self.validate(key: key, value: value, source: source, line: index + 1)
      entries.append(Entry(key: key, value: value, alternatives: []))
    }
    self.source = source
    self.entries = entries
    self.lines = Array(entries.indices.map { $0 + 1 })
  }

  /// Reads a dictionary file in OpenCC's text format.
  ///
  /// - Throws: `FanjianError.unreadableDictionary` when the file cannot be read
  ///   or is not UTF-8; `FanjianError.malformedDictionary` naming the line that
  ///   is not `key<TAB>value`.
  public init(contentsOfFile path: String) throws(FanjianError) {
    let data = try Self.readFile(path)
    if let offset = data.withUnsafeBytes({ UTF8Scanner.firstInvalidOffset(in: $0) }) {
      throw .unreadableDictionary(
        path: path,
        reason: "not UTF-8 text (bad byte at offset \(offset)); binary .ocd2 dictionaries are not supported")
    }
    try self.init(parsing: String(decoding: data, as: UTF8.self), source: path)
  }

  /// The whole file's bytes, read with plain system calls: the library does
  /// not load Foundation (a command-line tool that links it starts faster).
  private static func readFile(_ path: String) throws(FanjianError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .unreadableDictionary(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw .unreadableDictionary(path: path, reason: String(cString: strerror(EISDIR)))
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadableDictionary(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// Parses dictionary text in OpenCC's format.
  ///
  /// - Parameters:
  ///   - text: the dictionary's contents.
  ///   - source: a name used in error messages, such as the file's path.
  public init(parsing text: String, source: String) throws(FanjianError) {
    var entries: [Entry] = []
    var lines: [Int] = []
    var lineNumber = 0
    // Lines, the tab and the spaces are found among Unicode scalars, not
    // Characters: "\r\n" is one Character, and so is a "#", a space or a tab
    // with a combining mark after it, which would hide them.
    let scalars = Array(text.unicodeScalars)
    func string(_ range: Range<Int>) -> String {
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars[range])
      return result
    }
    var start = 0
    while start < scalars.count {
      var end = start
      while end < scalars.count && scalars[end] != "\n" { end += 1 }
      let next = end + 1
      lineNumber += 1
      var lineStart = start
      var lineEnd = end
      if lineEnd > lineStart && scalars[lineEnd - 1] == "\r" { lineEnd -= 1 }
      if lineNumber == 1 && lineEnd > lineStart && scalars[lineStart] == "\u{FEFF}" { lineStart += 1 }
      start = next
      if lineStart == lineEnd || scalars[lineStart] == "#" { continue }
      guard let tab = scalars[lineStart..<lineEnd].firstIndex(of: "\t") else {
        throw .malformedDictionary(
          source: source, line: lineNumber, reason: "expected 'key<TAB>value', found no tab")
      }
      let key = string(lineStart..<tab)
      var values: [String] = []
      var valueStart = tab + 1
      for index in (tab + 1)...lineEnd where index == lineEnd || scalars[index] == " " {
        if index > valueStart { values.append(string(valueStart..<index)) }
        valueStart = index + 1
      }
      guard let value = values.first else {
        throw .malformedDictionary(source: source, line: lineNumber, reason: "'\(key)' has no value after the tab")
      }
      try Self.validate(key: key, value: value, source: source, line: lineNumber)
      entries.append(Entry(key: key, value: value, alternatives: Array(values.dropFirst())))
      lines.append(lineNumber)
    }
    self.source = source
    self.entries = entries
    self.lines = lines
  }

  private static func validate(key: String, value: String, source: String, line: Int) throws(FanjianError) {
    guard !key.isEmpty else {
      throw .malformedDictionary(source: source, line: line, reason: "empty key")
    }
    guard !value.isEmpty else {
      throw .malformedDictionary(source: source, line: line, reason: "'\(key)' has an empty value")
    }
    guard !key.contains(where: \.isNewline), !key.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
      throw .malformedDictionary(source: source, line: line, reason: "a key may not contain control characters or line breaks")
    }
  }

  /// The dictionary as OpenCC-format text, sorted by key, with an optional header comment.
  package func formatted(header: String? = nil) -> String {
    var text = ""
    if let header {
      for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
        text += "# \(line)\n"
      }
    }
    for entry in entries.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
      text += "\(entry.key)\t\(([entry.value] + entry.alternatives).joined(separator: " "))\n"
    }
    return text
  }
}
