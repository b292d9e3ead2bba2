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
  private let maximumConcurrency: Int
  /// Bytes received but not converted yet: the tail of the last chunk after
  /// its last line break (or, in a very long line, after the last point
  /// where no key can reach past the end).
  private var pending: [UInt8] = []
  /// Bytes of the stream converted so far, for error offsets.
  private var consumed = 0

  init(converter: Converter, maximumConcurrency: Int = 1) {
    self.converter = converter
    self.maximumConcurrency = max(1, maximumConcurrency)
  }

  /// Bytes received but not converted yet (at most the longest key, plus an
  /// incomplete character, plus a line not ended yet).
  public var pendingByteCount: Int { pending.count }

  /// Converts what can be decided of `chunk` and appends it to `output`.
  ///
  /// A chunk is converted where it lies: only the unfinished line at its end
  /// is copied and held back. With `maximumConcurrency` above one, the
  /// complete lines of a chunk of a megabyte or more are converted on several
  /// threads (see ``Converter/convert(utf8:appendingTo:maximumConcurrency:)``).
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset counted from the
  ///   start of the stream.
  public mutating func convert(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    guard converter.transliterator == nil else {
      pending.append(contentsOf: chunk)
      try drainWholeLines(isFinal: false, into: &output)
      return
    }
    var rest = chunk
    if !pending.isEmpty {
      // Complete the held-back line with the chunk's first line, and convert it alone.
      guard let firstBreak = chunk.firstIndex(of: 0x0A) else {
        pending.append(contentsOf: chunk)
        try convertPending(isFinal: false, into: &output)
        return
      }
      pending.append(contentsOf: chunk[...firstBreak])
      try convertPending(isFinal: true, into: &output)
      rest = UnsafeRawBufferPointer(rebasing: chunk[(firstBreak + 1)...])
    }
    let done = try convert(rest, isFinal: false, into: &output)
    pending.append(contentsOf: rest[done...])
  }

  /// Converts `chunk` (an array of UTF-8 bytes); see ``convert(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
  public mutating func convert(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    let result = chunk.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try convert(bytes, appendingTo: &output) }
    }
    try result.get()
  }

  /// Converts everything still held and ends the stream.
  ///
  /// - Throws: `FanjianError.invalidUTF8` when the input ended inside a character.
  public mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    guard converter.transliterator == nil else {
      try drainWholeLines(isFinal: true, into: &output)
      return
    }
    try convertPending(isFinal: true, into: &output)
  }

  /// Converts what can be decided of the held-back bytes and keeps the rest.
  private mutating func convertPending(isFinal: Bool, into output: inout [UInt8]) throws(FanjianError) {
    guard !pending.isEmpty else { return }
    var held = pending
    pending = []
    let result = held.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) -> Int in try convert(bytes, isFinal: isFinal, into: &output) }
    }
    let done = try result.get()
    held.removeFirst(done)
    pending = held
  }

  /// Converts the longest decided prefix of `bytes`: every complete line,
  /// then as much of the last line as no key can reach past.
  ///
  /// - Returns: how many bytes were converted (all of them when `isFinal`).
  private mutating func convert(
    _ bytes: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]
  ) throws(FanjianError) -> Int {
    guard !bytes.isEmpty else { return 0 }
    let base = consumed
    var done = 0
    // A line break never occurs inside a key, so a line is always complete.
    if !isFinal, let lastBreak = bytes.lastIndex(of: 0x0A) {
      let lines = UnsafeRawBufferPointer(rebasing: bytes[...lastBreak])
      do {
        try converter.convert(utf8: lines, appendingTo: &output, maximumConcurrency: maximumConcurrency)
      } catch {
        throw Self.offsetting(error, by: base)
      }
      done = lastBreak + 1
    }
    var writer = ByteWriter(capacity: bytes.count - done + 16)
    defer { writer.deallocate() }
    do {
      done += try converter.matcher.convert(
        UnsafeRawBufferPointer(rebasing: bytes[done...]), isFinal: isFinal, into: &writer)
    } catch {
      output.append(contentsOf: writer.bytes)
      throw Self.offsetting(error, by: base + done)
    }
    output.append(contentsOf: writer.bytes)
    consumed += done
    return done
  }

  /// An error with its byte offset counted from the start of the stream.
  private static func offsetting(_ error: FanjianError, by base: Int) -> FanjianError {
    if case .invalidUTF8(let offset) = error { return .invalidUTF8(byteOffset: base + offset) }
    return error
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
