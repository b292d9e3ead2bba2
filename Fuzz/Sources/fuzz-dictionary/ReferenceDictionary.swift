/// OpenCC's text dictionary format read byte by byte, the way the library's
/// documentation describes it: the reference the parser is checked against.
enum ReferenceDictionary {
  struct Entry: Equatable, CustomStringConvertible {
    var key: [UInt8]
    var values: [[UInt8]]
    var shown: String { "\(String(decoding: key, as: UTF8.self).debugDescription)→\(values.map { String(decoding: $0, as: UTF8.self).debugDescription })" }
    var description: String { shown }
  }

  /// The entries, or the number of the first malformed line.
  static func parse(_ bytes: [UInt8]) -> Result<[Entry], LineError> {
    var entries: [Entry] = []
    var lineNumber = 0
    for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if line.last == 0x0D { line = line.dropLast() }
      if lineNumber == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
      guard let tab = line.firstIndex(of: 0x09) else { return .failure(LineError(line: lineNumber)) }
      let key = Array(line[..<tab])
      let values = line[(tab + 1)...].split(separator: 0x20).map { Array($0) }
      guard !values.isEmpty, !key.isEmpty, !containsControlOrNewline(key) else {
        return .failure(LineError(line: lineNumber))
      }
      entries.append(Entry(key: key, values: values))
    }
    return .success(entries)
  }

  struct LineError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var description: String { "error at line \(line)" }
  }

  /// Controls below U+0020 and the other line breaks (U+0085, U+2028, U+2029).
  static func containsControlOrNewline(_ key: [UInt8]) -> Bool {
    let scalars = String(decoding: key, as: UTF8.self).unicodeScalars
    return scalars.contains { $0.value < 0x20 || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
  }
}
