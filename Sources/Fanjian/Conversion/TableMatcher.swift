/// One configuration's tables, compiled into the structure the conversion loop walks.
///
/// Layout, chosen so that the common case costs one load per character:
/// - `charEntries`: a direct table of 65,536 `UInt32`s, one per BMP code point.
///   Zero means "copy as is"; otherwise bit 31 says the character starts a
///   multi-character key, bits 24–30 hold the byte length of its own
///   replacement (0: none) and bits 0–23 its offset in `values`.
///   Characters outside the BMP use the small `astralEntries` map.
/// - Multi-character keys are grouped by their first two scalars in an
///   open-addressing hash (`pairKeys`/`pairRanges`); each group lists its
///   phrases longest first, so the first byte-equal key is the leftmost-longest
///   match.
/// - Replacement values are stored once, pre-encoded as UTF-8, in `values`.
///
/// Immutable after construction and shared freely between threads.
final class TableMatcher: @unchecked Sendable {
  static let startsPhraseBit: UInt32 = 1 << 31

  /// One multi-character key and its replacement.
  struct Phrase {
    var keyOffset: UInt32
    var keyLength: UInt32
    var valueOffset: UInt32
    var valueLength: UInt32
  }

  let charEntries: UnsafeMutablePointer<UInt32>
  let astralEntries: [UInt32: UInt32]
  let pairKeys: UnsafeMutablePointer<UInt64>
  let pairRanges: UnsafeMutablePointer<UInt64>
  let pairMask: Int
  let phrases: UnsafeMutablePointer<Phrase>
  let phraseCount: Int
  let keyBytes: UnsafeMutablePointer<UInt8>
  let values: UnsafeMutablePointer<UInt8>
  /// The longest key in bytes: a stream must hold this much look-ahead.
  let maxKeyBytes: Int
  /// How many entries the table was built from.
  let entryCount: Int

  /// Builds the matcher from entries whose keys are unique.
  ///
  /// - Parameter entries: UTF-8 key and value pairs; keys must be valid UTF-8
  ///   and non-empty (the dictionary readers guarantee both).
  init(entries: [(key: [UInt8], value: [UInt8])], source: String) throws(FanjianError) {
    entryCount = entries.count
    let chars = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    chars.initialize(repeating: 0, count: 0x10000)
    var astral: [UInt32: UInt32] = [:]
    var valuePool: [UInt8] = []
    var keyPool: [UInt8] = []
    var longest = 4
    // Multi-character keys, grouped by their first two scalars.
    var groups: [UInt64: [(key: [UInt8], value: [UInt8])]] = [:]

    func entry(for scalar: UInt32) -> UInt32 {
      scalar < 0x10000 ? chars[Int(scalar)] : astral[scalar, default: 0]
    }
    func setEntry(_ value: UInt32, for scalar: UInt32) {
      if scalar < 0x10000 { chars[Int(scalar)] = value } else { astral[scalar] = value }
    }

    for (key, value) in entries {
      let scalars = key.withUnsafeBufferPointer { Self.scalars(of: $0, limit: 2) }
      guard let first = scalars.first else {
        chars.deallocate()
        throw .malformedDictionary(source: source, line: 0, reason: "empty key")
      }
      longest = max(longest, key.count)
      if scalars.count == 1 {
        if key == value { continue }
        guard value.count < 128 else {
          chars.deallocate()
          throw .malformedDictionary(
            source: source, line: 0,
            reason: "the replacement for a single character is longer than 127 bytes")
        }
        let offset = UInt32(valuePool.count)
        valuePool.append(contentsOf: value)
        let flags = entry(for: first) & Self.startsPhraseBit
        setEntry(flags | UInt32(value.count) << 24 | offset, for: first)
      } else {
        setEntry(entry(for: first) | Self.startsPhraseBit, for: first)
        groups[Self.pairKey(first, scalars[1]), default: []].append((key, value))
      }
    }

    charEntries = chars
    var capacity = 16
    while capacity < groups.count * 2 { capacity <<= 1 }
    pairMask = capacity - 1
    pairKeys = .allocate(capacity: capacity)
    pairKeys.initialize(repeating: 0, count: capacity)
    pairRanges = .allocate(capacity: capacity)
    pairRanges.initialize(repeating: 0, count: capacity)
    let total = groups.values.reduce(0) { $0 + $1.count }
    phraseCount = total
    phrases = .allocate(capacity: max(total, 1))
    var next = 0
    // Sorted for a reproducible layout.
    for pair in groups.keys.sorted() {
      let members = groups[pair]!.sorted { $0.key.count > $1.key.count }
      var slot = Self.slot(for: pair, mask: pairMask)
      while pairKeys[slot] != 0 { slot = (slot + 1) & pairMask }
      pairKeys[slot] = pair
      pairRanges[slot] = UInt64(next) << 32 | UInt64(members.count)
      for (key, value) in members {
        (phrases + next).initialize(to: Phrase(
          keyOffset: UInt32(keyPool.count), keyLength: UInt32(key.count),
          valueOffset: UInt32(valuePool.count), valueLength: UInt32(value.count)))
        keyPool.append(contentsOf: key)
        valuePool.append(contentsOf: value)
        next += 1
      }
    }
    keyBytes = .allocate(capacity: max(keyPool.count, 1))
    keyBytes.initialize(from: keyPool, count: keyPool.count)
    values = .allocate(capacity: max(valuePool.count, 1))
    values.initialize(from: valuePool, count: valuePool.count)
    astralEntries = astral
    maxKeyBytes = longest
  }

  deinit {
    charEntries.deallocate()
    pairKeys.deallocate()
    pairRanges.deallocate()
    phrases.deallocate()
    keyBytes.deallocate()
    values.deallocate()
  }

  /// Bytes of memory the compiled tables hold.
  var memoryFootprint: Int {
    0x10000 * 4 + (pairMask + 1) * 16 + phraseCount * MemoryLayout<Phrase>.stride
      + astralEntries.count * 16
  }

  @inline(__always)
  static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(first) << 21 | UInt64(second)
  }

  @inline(__always)
  static func slot(for pair: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// The first `limit` scalars of a valid UTF-8 key.
  static func scalars(of key: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt32] {
    var result: [UInt32] = []
    var i = 0
    guard let base = key.baseAddress else { return result }
    while i < key.count && result.count < limit {
      let (scalar, length) = UTF8Scanner.decode(base, at: i, end: key.count)
      guard length > 0 else { break }
      result.append(scalar)
      i += length
    }
    return result
  }
}
