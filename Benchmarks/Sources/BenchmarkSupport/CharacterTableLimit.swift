import Fanjian

/// The speed limit a table-driven converter is measured against: a plain
/// per-character table on raw UTF-8, with no phrases.
///
/// It decodes each character, looks it up in a direct table of the 65,536
/// BMP code points and writes the table's replacement (or the character),
/// copying ASCII a byte at a time. It does what any character-by-character
/// converter must do and nothing more, so a real converter's MB/s divided by
/// this loop's MB/s on the same input and machine is the fraction of the
/// limit it reaches: what the phrase matching, run copying and everything
/// else costs. Its output is not a correct conversion (it ignores phrases).
///
/// The table is taken from a converter through its public API, one
/// character at a time, so it holds that configuration's own single-character
/// replacements.
public final class CharacterTableLimit: @unchecked Sendable {
  /// Per BMP code point: the replacement's UTF-8 length (high byte) and its
  /// offset in `values`, or zero to copy the character.
  private let entries: UnsafeMutablePointer<UInt32>
  /// The replacements, padded so that eight bytes can always be read.
  private let values: [UInt8]
  /// The largest ratio of a replacement's length to its character's, for sizing the output.
  private let growth: Int

  /// Builds the table of `converter`'s single-character replacements in the
  /// BMP (about 40 ms: 65,536 one-character conversions).
  public init(_ converter: Converter) {
    entries = .allocate(capacity: 0x10000)
    entries.initialize(repeating: 0, count: 0x10000)
    var pool: [UInt8] = []
    var growth = 1
    for value in 0x80..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let character = String(Character(scalar))
      let converted = converter.convert(character)
      guard converted != character, converted.utf8.count < 128 else { continue }
      entries[value] = UInt32(converted.utf8.count) << 24 | UInt32(pool.count)
      pool += converted.utf8
      growth = max(growth, (converted.utf8.count + character.utf8.count - 1) / character.utf8.count)
    }
    self.growth = growth
    values = pool + [UInt8](repeating: 0, count: 8)
  }

  deinit {
    entries.deallocate()
  }

  /// Converts `input` character by character into `output` (cleared first,
  /// capacity kept); returns the number of bytes written.
  @discardableResult
  public func convert(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Int {
    let capacity = input.count * growth + 16
    if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
    return output.withUnsafeMutableBufferPointer { out -> Int in
      values.withUnsafeBufferPointer { pool -> Int in
        guard let p = input.baseAddress?.assumingMemoryBound(to: UInt8.self), let o = out.baseAddress,
          let v = pool.baseAddress
        else { return 0 }
        let end = input.count
        var i = 0
        var written = 0
        while i < end {
          let b0 = UInt32(p[i])
          var scalar: UInt32
          var length: Int
          if b0 < 0x80 {
            o[written] = UInt8(b0)
            written &+= 1
            i &+= 1
            continue
          } else if b0 < 0xE0 {
            guard i &+ 1 < end else { break }
            scalar = (b0 & 0x1F) << 6 | UInt32(p[i &+ 1]) & 0x3F
            length = 2
          } else if b0 < 0xF0 {
            guard i &+ 2 < end else { break }
            scalar = (b0 & 0x0F) << 12 | (UInt32(p[i &+ 1]) & 0x3F) << 6 | UInt32(p[i &+ 2]) & 0x3F
            length = 3
          } else {
            scalar = 0x10000  // outside the table: copied
            length = 4
          }
          let entry = scalar < 0x10000 ? entries[Int(scalar)] : 0
          if entry == 0 {
            // Copy the character itself: one 4-byte move where the input allows.
            let n = min(length, end &- i)
            if i &+ 4 <= end && written &+ 4 <= capacity {
              UnsafeMutableRawPointer(o + written).storeBytes(
                of: UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self), as: UInt32.self)
            } else {
              for k in 0..<n { o[written &+ k] = p[i &+ k] }
            }
            written &+= n
          } else if entry >> 24 <= 8 && written &+ 8 <= capacity {
            // One 8-byte move of the padded replacement.
            UnsafeMutableRawPointer(o + written).storeBytes(
              of: UnsafeRawPointer(v + Int(entry & 0xFF_FFFF)).loadUnaligned(as: UInt64.self), as: UInt64.self)
            written &+= Int(entry >> 24)
          } else {
            let offset = Int(entry & 0xFF_FFFF)
            for k in 0..<Int(entry >> 24) { o[written &+ k] = v[offset &+ k] }
            written &+= Int(entry >> 24)
          }
          i &+= length
        }
        return written
      }
    }
  }
}
