/// UTF-8 decoding for the conversion loop: one scalar at a time, validating as it goes.
enum UTF8Scanner {
  /// The result of decoding at one position.
  ///
  /// `length > 0`: a valid scalar of that many bytes. `length == 0`: the
  /// sequence is cut off by the end of the buffer (more input may complete it).
  /// `length < 0`: the bytes are not valid UTF-8.
  @inline(__always)
  static func decode(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 & 0xF0 == 0xE0 {
      guard i &+ 2 < end else { return truncated(p, at: i, end: end) }
      let b1 = UInt32(p[i &+ 1]) ^ 0x80, b2 = UInt32(p[i &+ 2]) ^ 0x80
      // Both continuation bytes (0x80…0xBF) in one compare.
      guard b1 | b2 < 0x40 else { return (0, -1) }
      let scalar = (b0 & 0x0F) << 12 | b1 << 6 | b2
      // Reject overlong forms (< U+0800) and UTF-16 surrogates; only the
      // lead bytes E0 and ED can produce them.
      if b0 == 0xE0 || b0 == 0xED {
        guard scalar >= 0x800, scalar & 0xF800 != 0xD800 else { return (0, -1) }
      }
      return (scalar, 3)
    }
    if b0 & 0xE0 == 0xC0 {
      guard b0 >= 0xC2 else { return (0, -1) }
      guard i &+ 1 < end else { return truncated(p, at: i, end: end) }
      let b1 = UInt32(p[i &+ 1])
      guard b1 & 0xC0 == 0x80 else { return (0, -1) }
      return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
    }
    if b0 & 0xF8 == 0xF0 {
      guard i &+ 3 < end else { return truncated(p, at: i, end: end) }
      let b1 = UInt32(p[i &+ 1]), b2 = UInt32(p[i &+ 2]), b3 = UInt32(p[i &+ 3])
      guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (0, -1) }
      let scalar = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
      guard scalar >= 0x10000, scalar <= 0x10FFFF else { return (0, -1) }
      return (scalar, 4)
    }
    return (0, -1)
  }

  /// Decides whether a sequence cut off by `end` could still become valid.
  @inline(never)
  static func truncated(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> (scalar: UInt32, length: Int) {
    let b0 = p[i]
    var j = i + 1
    while j < end {
      let b = p[j]
      guard b & 0xC0 == 0x80 else { return (0, -1) }
      if j == i + 1 {
        // The second byte's range is narrower for these lead bytes.
        if b0 == 0xE0 && b < 0xA0 { return (0, -1) }
        if b0 == 0xED && b > 0x9F { return (0, -1) }
        if b0 == 0xF0 && b < 0x90 { return (0, -1) }
        if b0 == 0xF4 && b > 0x8F { return (0, -1) }
      }
      j += 1
    }
    if b0 < 0xC2 || b0 > 0xF4 { return (0, -1) }
    return (0, 0)
  }

  /// Validates a whole buffer, returning the offset of the first invalid byte.
  static func firstInvalidOffset(in buffer: UnsafeRawBufferPointer) -> Int? {
    guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    var i = 0
    let end = buffer.count
    while i < end {
      if base[i] < 0x80 { i += 1; continue }
      let (_, length) = decode(base, at: i, end: end)
      if length <= 0 { return i }
      i += length
    }
    return nil
  }
}
