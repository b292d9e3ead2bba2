/// Decodes text in some encoding to UTF-8, a chunk at a time, with ICU.
///
/// Chunks may be split anywhere, even inside a character: ICU keeps the
/// partial sequence for the next chunk. Memory stays bounded whatever the
/// length of the input.
///
/// ```swift
/// let decoder = try TextDecoder(.gb18030)
/// var utf8: [UInt8] = []
/// for chunk in chunks { try decoder.decode(chunk, appendingTo: &utf8) }
/// try decoder.finish(appendingTo: &utf8)
/// ```
///
/// A byte order mark is decoded as U+FEFF like any character, so writing the
/// text back keeps it. A decoder is a stream: use one per input, on one thread.
public final class TextDecoder {
  /// The encoding this decoder reads.
  public let encoding: TextEncoding
  /// Whether invalid bytes become U+FFFD (`true`) or throw (`false`).
  public let isLossy: Bool
  private let converter: _CharsetConverter

  /// Opens a decoder.
  ///
  /// - Parameters:
  ///   - encoding: the encoding of the input.
  ///   - lossy: decode each invalid byte sequence as U+FFFD (and count it in
  ///     ``replacementCount``) instead of throwing.
  /// - Throws: `FanjianError.encodingFailed` when ICU cannot open the converter.
  public init(_ encoding: TextEncoding, lossy: Bool = false) throws(FanjianError) {
    self.encoding = encoding
    self.isLossy = lossy
    converter = try _CharsetConverter(encoding, encode: false, lossy: lossy)
  }

  /// How many invalid byte sequences a lossy decoder replaced so far.
  public var replacementCount: Int { converter.substitutions }

  /// Decodes `chunk` and appends the UTF-8 to `output`.
  ///
  /// - Throws: `FanjianError.invalidBytes` with the offset of the first bad
  ///   byte from the start of the stream (strict decoders only).
  public func decode(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    try converter.convert(chunk, flush: false, appendingTo: &output)
  }

  /// Decodes `chunk`; see ``decode(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
  public func decode(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    let result = chunk.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try decode(bytes, appendingTo: &output) }
    }
    try result.get()
  }

  /// Ends the stream.
  ///
  /// - Throws: `FanjianError.invalidBytes` when the input ended inside a character.
  public func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    try converter.convert(UnsafeRawBufferPointer(start: nil, count: 0), flush: true, appendingTo: &output)
  }
}
