/// A growable output buffer of raw bytes for the conversion loop.
///
/// The hot loop appends a few bytes at a time; going through `Array.append`
/// would pay a uniqueness and capacity check per call, so this writes through
/// a raw pointer and grows (rarely) out of line. Owns its memory: call
/// `deallocate()` once the bytes have been handed over.
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
    (base + count).update(from: source, count: n)
    count &+= n
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
