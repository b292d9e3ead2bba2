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
