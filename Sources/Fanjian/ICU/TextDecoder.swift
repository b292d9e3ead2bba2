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

/// The ICU converter behind ``TextDecoder`` and ``TextEncoder``.
final class _CharsetConverter {
  private let handle: OpaquePointer
  private let encoding: TextEncoding

  init(_ encoding: TextEncoding, encode: Bool, lossy: Bool) throws(FanjianError) {
    switch ICUSeam.openCharset(encoding.icuName, encode: encode, lossy: lossy) {
    case .success(let handle): self.handle = handle
    case .failure(let failure): throw .encodingFailed(encoding: encoding.name, icuError: failure.name)
    }
    self.encoding = encoding
  }

  deinit {
    ICUSeam.closeCharset(handle)
  }

  var substitutions: Int { ICUSeam.substitutions(handle) }

  /// Converts all of `chunk`, growing `output` as needed.
  ///
  /// Cheap per chunk: `output` grows once by an estimate (four bytes out per
  /// byte in covers every encoding pair) and is trimmed after ICU wrote.
  func convert(_ chunk: UnsafeRawBufferPointer, flush: Bool, appendingTo output: inout [UInt8]) throws(FanjianError) {
    var remaining = chunk
    while true {
      let room = remaining.count * 2 + 256
      let start = output.count
      output.append(contentsOf: repeatElement(0, count: room))
      let step = output.withUnsafeMutableBytes { bytes in
        ICUSeam.convertCharset(
          handle, source: remaining, target: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]), flush: flush)
      }
      switch step {
      case .success(.done(_, let written)):
        output.removeLast(room - written)
        return
      case .success(.targetFull(let consumed, let written)):
        output.removeLast(room - written)
        remaining = UnsafeRawBufferPointer(rebasing: remaining[consumed...])
      case .success(.invalidBytes(let byteOffset)):
        output.removeLast(room)
        throw .invalidBytes(encoding: encoding.name, byteOffset: byteOffset)
      case .success(.unencodable(let codePoint)):
        output.removeLast(room)
        throw .unencodableCharacter(encoding: encoding.name, codePoint: codePoint)
      case .failure(let failure):
        output.removeLast(room)
        throw .encodingFailed(encoding: encoding.name, icuError: failure.name)
      }
    }
  }
}
