/// Normalizes UTF-8 text that arrives in chunks, such as a pipe or a large
/// file, in bounded memory.
///
/// Feed chunks of any size, split anywhere (even inside a character). Every
/// complete line is normalized as soon as it arrives, so a line-by-line
/// producer sees each line's output without waiting; a line longer than
/// 64 KiB is cut into pieces where no table key can span (see
/// ``Normalizer``), so memory stays bounded by a window of that size plus
/// the chunk, whatever the input. The document's trust (how converted the
/// text looks so far) carries from one chunk to the next.
///
/// ```swift
/// var stream = try Normalizer(target: .taiwan).makeStream()
/// var output: [UInt8] = []
/// for chunk in chunks {
///   try stream.normalize(chunk, appendingTo: &output)
///   for change in stream.takeChanges() { print(change) }
/// }
/// try stream.finish(appendingTo: &output)
/// ```
///
/// The changes' offsets, lines and columns count from the start of the
/// stream, as in ``Normalizer/normalize(_:)``.
public struct NormalizationStream {
  private let normalizer: Normalizer
  private var builder: NormalizationBuilder
  private var pending: [UInt8] = []
  /// Bytes of the stream before `pending`.
  private var consumed = 0
  /// `pending[..<validated]` is valid UTF-8 ending at a character boundary.
  private var validated = 0
  /// `pending[start..<searched]` holds no line break.
  private var searched = 0

  init(normalizer: Normalizer, recordingChanges: Bool) {
    self.normalizer = normalizer
    builder = normalizer.makeBuilder(recording: recordingChanges ? .changes : .text)
  }

  /// Bytes received but not normalized yet (at most a window, plus a chunk).
  public var pendingByteCount: Int { pending.count }

  /// Normalizes what can be decided of `chunk` and appends it to `output`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset counted from the
  ///   start of the stream.
  public mutating func normalize(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    pending.append(contentsOf: chunk)
    try validate()
    drain(isFinal: false, into: &output)
  }

  /// Normalizes `chunk` (an array of UTF-8 bytes); see ``normalize(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
  public mutating func normalize(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    pending.append(contentsOf: chunk)
    try validate()
    drain(isFinal: false, into: &output)
  }

  /// Normalizes everything still held and ends the stream.
  ///
  /// - Throws: `FanjianError.invalidUTF8` when the input ended inside a character.
  public mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    if validated < pending.count { throw .invalidUTF8(byteOffset: consumed + validated) }
    drain(isFinal: true, into: &output)
  }

  /// The changes made since the last call, in text order.
  public mutating func takeChanges() -> [NormalizationResult.Change] {
    builder.takeChanges()
  }

  /// Checks the new bytes up to the last complete character.
  private mutating func validate() throws(FanjianError) {
    var complete = pending.count
    // Back over an unfinished character at the end (at most 3 bytes).
    var back = 0
    while back < 3 && complete - back > validated && pending[complete - back - 1] & 0xC0 == 0x80 { back += 1 }
    if complete - back > validated {
      let lead = pending[complete - back - 1]
      let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      if lead >= 0xC0 && length > back + 1 { complete -= back + 1 }
    }
    guard complete > validated else { return }
    let bad = pending.withUnsafeBytes { bytes in
      UTF8Scanner.firstInvalidOffset(in: UnsafeRawBufferPointer(rebasing: bytes[validated..<complete]))
    }
    if let bad { throw .invalidUTF8(byteOffset: consumed + validated + bad) }
    validated = complete
  }

  private mutating func drain(isFinal: Bool, into output: inout [UInt8]) {
    var start = 0
    let limit = isFinal ? pending.count : validated
    pending.withUnsafeBufferPointer { all in
      let bytes = UnsafeBufferPointer(rebasing: all[..<limit])
      while start < limit {
        let end: Int
        if !isFinal && limit - start <= Normalizer.segmentSize {
          // Complete lines only; the bytes searched before hold no break.
          var i = limit
          let floor = max(start, searched)
          while i > floor && bytes[i - 1] != 0x0A { i -= 1 }
          searched = limit
          guard i > floor else { break }
          end = i
        } else {
          end = Normalizer.segmentEnd(in: bytes, from: start, isFinal: isFinal) ?? limit
        }
        normalizer.process(UnsafeBufferPointer(rebasing: bytes[start..<end]), at: consumed + start, into: &builder)
        start = end
      }
    }
    builder.takeOutput(into: &output)
    if start > 0 {
      pending.removeFirst(start)
      consumed += start
      validated -= start
      searched = max(0, searched - start)
    }
  }
}
