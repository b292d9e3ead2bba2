/// Converts UTF-8 text that arrives in chunks, such as a pipe or a large file.
///
/// Feed chunks of any size, split anywhere (even inside a character); the
/// output is exactly what converting the whole input at once would give.
/// Everything up to the last line break of what has arrived is converted at
/// once, so a line-by-line producer sees each line's output without waiting;
/// within a very long line, only the last few characters (the longest key) are
/// held back, so memory stays bounded. (With the `.icu` engine, which needs
/// whole lines, a line is held until its line break arrives.)
///
/// ```swift
/// var stream = converter.makeStream()
/// var output: [UInt8] = []
/// for chunk in chunks { try stream.convert(chunk, appendingTo: &output) }
/// try stream.finish(appendingTo: &output)
/// ```
public struct ConversionStream {
  private let converter: Converter
  private var pending: [UInt8] = []
  private var consumed = 0

  init(converter: Converter) {
    self.converter = converter
  }

  /// Bytes received but not converted yet (at most the longest key, plus an
  /// incomplete character).
  public var pendingByteCount: Int { pending.count }

  /// Converts what can be decided of `chunk` and appends it to `output`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset counted from the
  ///   start of the stream.
  public mutating func convert(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    pending.append(contentsOf: chunk)
    try drain(isFinal: false, into: &output)
  }

  /// Converts `chunk` (an array of UTF-8 bytes); see ``convert(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
  public mutating func convert(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    pending.append(contentsOf: chunk)
    try drain(isFinal: false, into: &output)
  }

  /// Converts everything still held and ends the stream.
  ///
  /// - Throws: `FanjianError.invalidUTF8` when the input ended inside a character.
  public mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    try drain(isFinal: true, into: &output)
  }

  private mutating func drain(isFinal: Bool, into output: inout [UInt8]) throws(FanjianError) {
    guard !pending.isEmpty else { return }
    if converter.transliterator != nil {
      try drainWholeLines(isFinal: isFinal, into: &output)
      return
    }
    let matcher = converter.matcher
    var writer = ByteWriter(capacity: pending.count + pending.count / 8 + 16)
    defer { writer.deallocate() }
    let base = consumed
    var converted = 0
    let result: Result<Int, FanjianError> = pending.withUnsafeBytes { bytes in
      do throws(FanjianError) {
        // A line break never occurs inside a key, so a line is always complete.
        var done = 0
        if !isFinal, let lastBreak = bytes.lastIndex(of: 0x0A) {
          done = try matcher.convert(UnsafeRawBufferPointer(rebasing: bytes[0...lastBreak]), isFinal: true, into: &writer)
        }
        converted = done
        done += try matcher.convert(UnsafeRawBufferPointer(rebasing: bytes[done...]), isFinal: isFinal, into: &writer)
        return .success(done)
      } catch {
        if case .invalidUTF8(let offset) = error { return .failure(.invalidUTF8(byteOffset: base + converted + offset)) }
        return .failure(error)
      }
    }
    output.append(contentsOf: writer.bytes)
    switch result {
    case .success(let done):
      pending.removeFirst(done)
      consumed += done
    case .failure(let error):
      pending.removeAll()
      throw error
    }
  }

  /// The ICU engine's path: converts complete lines only (ICU's rules may look
  /// at a whole line), keeping a partial last line for the next chunk.
  private mutating func drainWholeLines(isFinal: Bool, into output: inout [UInt8]) throws(FanjianError) {
    let end: Int
    if isFinal {
      end = pending.count
    } else if let lastBreak = pending.lastIndex(of: 0x0A) {
      end = lastBreak + 1
    } else {
      return
    }
    let converter = self.converter
    let result = pending[..<end].withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try converter.convert(utf8: bytes, appendingTo: &output) }
    }
    if case .failure(.invalidUTF8(let offset)) = result {
      pending.removeAll()
      throw .invalidUTF8(byteOffset: consumed + offset)
    }
    try result.get()
    pending.removeFirst(end)
    consumed += end
  }
}
