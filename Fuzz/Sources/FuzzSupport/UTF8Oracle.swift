/// An independent UTF-8 validator, written from the Unicode Standard's table of
/// well-formed byte sequences (chapter 3, table 3-7), to check the library's
/// own scanner against.
public enum UTF8Oracle {
  /// The length of the longest prefix of `bytes` that is well-formed UTF-8:
  /// `bytes.count` for valid input, else the offset of the first byte of the
  /// first ill-formed (or cut off) sequence.
  public static func validPrefixLength(_ bytes: UnsafeRawBufferPointer) -> Int {
    var i = 0
    let n = bytes.count
    while i < n {
      let b0 = bytes[i]
      // The lead byte gives the length and the range of the second byte.
      let length: Int
      var low: UInt8 = 0x80, high: UInt8 = 0xBF
      switch b0 {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i  // 80…C1, F5…FF never start a sequence
      }
      guard i + length <= n else { return i }
      if length > 1 {
        let b1 = bytes[i + 1]
        guard b1 >= low, b1 <= high else { return i }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      }
      i += length
    }
    return n
  }

  /// Whether `bytes` is well-formed UTF-8.
  public static func isValid(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { validPrefixLength($0) == $0.count }
  }
}
