import CICU

/// The ICU character set converters (`ucnv_*`, through `CICU`'s `fj_charset_*`).
extension ICUSeam {
  /// What one call of ``convertCharset(_:source:target:flush:)`` ended with.
  enum CharsetStep {
    /// The whole source was consumed; `written` bytes went to the target.
    case done(consumed: Int, written: Int)
    /// The target filled up after consuming `consumed` bytes: call again.
    case targetFull(consumed: Int, written: Int)
    /// Decoding met invalid bytes at `byteOffset` (from the start of the stream).
    case invalidBytes(byteOffset: Int)
    /// Encoding met a character the encoding cannot represent.
    case unencodable(codePoint: UInt32)
  }

  /// ICU's canonical name for an encoding name or alias, or `nil` when unknown.
  static func canonicalCharsetName(_ name: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 128)
    let status = buffer.withUnsafeMutableBufferPointer { fj_charset_canonical_name(name, $0.baseAddress!, $0.count) }
    return status == 0 ? cString(buffer) : nil
  }

  static func openCharset(_ name: String, encode: Bool, lossy: Bool) -> Result<OpaquePointer, ICUFailure> {
    var errorName = [CChar](repeating: 0, count: 64)
    let handle = errorName.withUnsafeMutableBufferPointer { err in
      fj_charset_open(name, encode ? 1 : 0, lossy ? 1 : 0, err.baseAddress!, err.count)
    }
    guard let handle else { return .failure(ICUFailure(name: cString(errorName))) }
    return .success(handle)
  }

  static func closeCharset(_ handle: OpaquePointer) {
    fj_charset_close(handle)
  }

  static func substitutions(_ handle: OpaquePointer) -> Int {
    Int(fj_charset_substitutions(handle))
  }

  /// Converts as much of `source` into `target` as fits.
  static func convertCharset(
    _ handle: OpaquePointer, source: UnsafeRawBufferPointer, target: UnsafeMutableRawBufferPointer, flush: Bool
  ) -> Result<CharsetStep, ICUFailure> {
    let empty: CChar = 0
    return withUnsafePointer(to: empty) { emptyPointer in
      let sourceStart = source.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyPointer
      let targetStart = target.baseAddress!.assumingMemoryBound(to: CChar.self)
      var sourcePointer: UnsafePointer<CChar>? = sourceStart
      var targetPointer: UnsafeMutablePointer<CChar>? = targetStart
      var invalidOffset: Int64 = -1
      var codePoint: UInt32 = 0
      var errorName = [CChar](repeating: 0, count: 64)
      let status = errorName.withUnsafeMutableBufferPointer { err in
        fj_charset_convert(
          handle, &sourcePointer, sourceStart + source.count, &targetPointer, targetStart + target.count,
          flush ? 1 : 0, &invalidOffset, &codePoint, err.baseAddress!, err.count)
      }
      let consumed = sourcePointer.map { $0 - sourceStart } ?? 0
      let written = targetPointer.map { $0 - targetStart } ?? 0
      switch status {
      case FJ_CHARSET_DONE: return .success(.done(consumed: consumed, written: written))
      case FJ_CHARSET_TARGET_FULL: return .success(.targetFull(consumed: consumed, written: written))
      case FJ_CHARSET_INVALID:
        return .success(
          invalidOffset >= 0 ? .invalidBytes(byteOffset: Int(invalidOffset)) : .unencodable(codePoint: codePoint))
      default: return .failure(ICUFailure(name: cString(errorName)))
      }
    }
  }
}
