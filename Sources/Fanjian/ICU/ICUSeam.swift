import CICU

/// The one place where Swift calls into the ICU shim (`CICU`).
///
/// Every call goes through here so that the C boundary stays small and obvious.
enum ICUSeam {
  /// Calls a shim function that writes UTF-8 into a caller buffer and returns the
  /// needed length, retrying once with a buffer of the right size.
  static func readUTF8(
    initialCapacity: Int,
    _ body: (UnsafeMutablePointer<CChar>, Int, UnsafeMutablePointer<CChar>, Int) -> Int64
  ) -> Result<String, ICUFailure> {
    var capacity = max(initialCapacity, 64)
    for _ in 0..<2 {
      var output = [CChar](repeating: 0, count: capacity)
      var errorName = [CChar](repeating: 0, count: 64)
      let needed = output.withUnsafeMutableBufferPointer { out in
        errorName.withUnsafeMutableBufferPointer { err in
          body(out.baseAddress!, out.count, err.baseAddress!, err.count)
        }
      }
      if needed < 0 {
        return .failure(ICUFailure(name: cString(errorName)))
      }
      if Int(needed) <= capacity {
        let bytes = output[0..<Int(needed)].map { UInt8(bitPattern: $0) }
        return .success(String(decoding: bytes, as: UTF8.self))
      }
      capacity = Int(needed) + 1
    }
    return .failure(ICUFailure(name: "U_BUFFER_OVERFLOW_ERROR"))
  }

  static func open(id: String) -> Result<OpaquePointer, ICUFailure> {
    var errorName = [CChar](repeating: 0, count: 64)
    let handle = errorName.withUnsafeMutableBufferPointer { err in
      fj_transliterator_open(id, err.baseAddress!, err.count)
    }
    guard let handle else { return .failure(ICUFailure(name: cString(errorName))) }
    return .success(handle)
  }

  static func close(_ handle: OpaquePointer) {
    fj_transliterator_close(handle)
  }

  static func transliterate(_ handle: OpaquePointer, _ text: String) -> Result<String, ICUFailure> {
    var input = text
    return input.withUTF8 { bytes in
      readUTF8(initialCapacity: bytes.count * 2 + 16) { out, outCount, err, errCount in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          fj_transliterator_transliterate(handle, chars.baseAddress, chars.count, out, outCount, err, errCount)
        }
      }
    }
  }

  static func rules(_ handle: OpaquePointer) -> Result<String, ICUFailure> {
    readUTF8(initialCapacity: 1 << 16) { out, outCount, err, errCount in
      fj_transliterator_rules(handle, out, outCount, err, errCount)
    }
  }

  /// The text of a NUL-terminated C buffer.
  static func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    buffer.withUnsafeMutableBufferPointer { fj_icu_version($0.baseAddress!, $0.count) }
    return cString(buffer)
  }
}

/// An error name reported by ICU, such as `U_INVALID_ID`.
struct ICUFailure: Error {
  var name: String
}
