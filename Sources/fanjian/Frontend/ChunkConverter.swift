import Fanjian

/// Converts input that arrives in chunks with either engine.
///
/// With the tables engine this is the library's ``ConversionStream``, which
/// emits each line as soon as it is complete and holds back only a few bytes
/// of a long line. `ConversionStream` always runs the tables, so for the ICU
/// engine this type collects whole lines and converts each complete run of
/// lines with ``Converter/convert(utf8:appendingTo:)``: memory then grows
/// with the longest line, which is acceptable for a comparison engine.
struct ChunkConverter {
  private enum State {
    case stream(ConversionStream)
    case lines(converter: Converter, pending: [UInt8], consumed: Int)
  }

  private var state: State

  /// Makes a chunk converter that runs `converter`.
  init(_ converter: Converter) {
    switch converter.engine {
    case .tables: state = .stream(converter.makeStream())
    case .icu: state = .lines(converter: converter, pending: [], consumed: 0)
    }
  }

  /// Converts what can be decided of `chunk` and appends it to `output`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset from the start of the input.
  mutating func convert(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    switch state {
    case .stream(var stream):
      defer { state = .stream(stream) }
      try stream.convert(chunk, appendingTo: &output)
    case .lines(let converter, var pending, let consumed):
      pending.append(contentsOf: chunk)
      guard let lastBreak = pending.lastIndex(of: 0x0A) else {
        state = .lines(converter: converter, pending: pending, consumed: consumed)
        return
      }
      try Self.convertLines(pending[...lastBreak], with: converter, at: consumed, appendingTo: &output)
      state = .lines(
        converter: converter, pending: Array(pending[(lastBreak + 1)...]), consumed: consumed + lastBreak + 1)
    }
  }

  /// Converts everything still held back.
  ///
  /// - Throws: `FanjianError.invalidUTF8` when the input ended inside a character.
  mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    switch state {
    case .stream(var stream):
      defer { state = .stream(stream) }
      try stream.finish(appendingTo: &output)
    case .lines(let converter, let pending, let consumed):
      state = .lines(converter: converter, pending: [], consumed: consumed + pending.count)
      try Self.convertLines(pending[...], with: converter, at: consumed, appendingTo: &output)
    }
  }

  private static func convertLines(
    _ lines: ArraySlice<UInt8>, with converter: Converter, at consumed: Int, appendingTo output: inout [UInt8]
  ) throws(FanjianError) {
    let result = lines.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try converter.convert(utf8: bytes, appendingTo: &output) }
    }
    do {
      try result.get()
    } catch {
      if case .invalidUTF8(let offset) = error { throw .invalidUTF8(byteOffset: consumed + offset) }
      throw error
    }
  }
}
