/// Encodes UTF-8 text in some encoding, a chunk at a time, with ICU.
///
/// ```swift
/// let encoder = try TextEncoder(.big5)
/// var bytes: [UInt8] = []
/// try encoder.encode(Array("漢字".utf8), appendingTo: &bytes)
/// try encoder.finish(appendingTo: &bytes)
/// ```
///
/// The input must be valid UTF-8 (what ``Converter`` and ``TextDecoder``
/// produce). An encoder is a stream: use one per output, on one thread.
public final class TextEncoder {
  /// The encoding this encoder writes.
  public let encoding: TextEncoding
  /// Whether characters the encoding lacks are substituted (`true`) or throw (`false`).
  public let isLossy: Bool
  private let converter: _CharsetConverter

  /// Opens an encoder.
  ///
  /// - Parameters:
  ///   - encoding: the encoding of the output.
  ///   - lossy: write the encoding's substitution character (often `?` or
  ///     `0x1A`) for a character it lacks, counted in ``substitutionCount``,
  ///     instead of throwing.
  /// - Throws: `FanjianError.encodingFailed` when ICU cannot open the converter.
  public init(_ encoding: TextEncoding, lossy: Bool = false) throws(FanjianError) {
    self.encoding = encoding
    self.isLossy = lossy
    converter = try _CharsetConverter(encoding, encode: true, lossy: lossy)
  }

  /// How many characters a lossy encoder substituted so far.
  public var substitutionCount: Int { converter.substitutions }

  /// Encodes the UTF-8 `chunk` and appends the bytes to `output`.
  ///
  /// - Throws: `FanjianError.unencodableCharacter` for a character the
  ///   encoding lacks (strict encoders only).
  public func encode(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    try converter.convert(chunk, flush: false, appendingTo: &output)
  }

  /// Encodes `chunk`; see ``encode(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
  public func encode(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(FanjianError) {
    let result = chunk.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try encode(bytes, appendingTo: &output) }
    }
    try result.get()
  }

  /// Ends the stream, writing anything the encoding still holds.
  public func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
    try converter.convert(UnsafeRawBufferPointer(start: nil, count: 0), flush: true, appendingTo: &output)
  }
}
