/// A growable output buffer of raw bytes for the conversion loop.
///
/// The hot loop appends a few bytes at a time; going through `Array.append`
/// would pay a uniqueness and capacity check per call, and `memmove` a call
/// per three-byte character, so this writes through a raw pointer, moves
/// short runs with word loads and stores, and grows (rarely) out of line.
/// Owns its memory: call `deallocate()` once the bytes have been handed over.
struct ByteWriter {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  @inline(__always)
  mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
    if count &+ n > capacity { grow(minimum: count &+ n) }
    let target = base + count
    if n <= 16 {
      // Two overlapping moves cover any length in a range, within bounds.
      if n >= 8 {
        UnsafeMutableRawPointer(target).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
        UnsafeMutableRawPointer(target + (n &- 8)).storeBytes(
          of: UnsafeRawPointer(source + (n &- 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
      } else if n >= 4 {
        UnsafeMutableRawPointer(target).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt32.self), as: UInt32.self)
        UnsafeMutableRawPointer(target + (n &- 4)).storeBytes(
          of: UnsafeRawPointer(source + (n &- 4)).loadUnaligned(as: UInt32.self), as: UInt32.self)
      } else if n > 0 {
        target[0] = source[0]
        target[n >> 1] = source[n >> 1]
        target[n &- 1] = source[n &- 1]
      }
    } else {
      target.update(from: source, count: n)
    }
    count &+= n
  }

  /// Appends a replacement from the tables, whose pool is padded so that
  /// eight bytes can always be read: a short value is one word move.
  @inline(__always)
  mutating func appendPadded(_ source: UnsafePointer<UInt8>, count n: Int) {
    if count &+ 8 > capacity || n > 8 {
      append(source, count: n)
      return
    }
    UnsafeMutableRawPointer(base + count).storeBytes(
      of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
    count &+= n
  }

  /// Appends a run of input bytes of which at least `readable` can be read.
  @inline(__always)
  mutating func appendRun(_ source: UnsafePointer<UInt8>, count n: Int, readable: Int) {
    if n == 0 { return }
    if n <= 8 && readable >= 8 && count &+ 8 <= capacity {
      UnsafeMutableRawPointer(base + count).storeBytes(
        of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
      count &+= n
      return
    }
    append(source, count: n)
  }

  @inline(never)
  private mutating func grow(minimum: Int) {
    let newCapacity = max(minimum, capacity &* 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// The bytes written so far.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  func deallocate() { base.deallocate() }
}
