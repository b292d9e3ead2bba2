#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One configuration's tables, compiled into the structure the conversion loop walks.
///
/// Layout, chosen so that the common case costs one load per character:
/// - `charEntries`: a direct table of 65,536 `UInt32`s, one per BMP code point.
///   Zero means "copy as is"; otherwise bit 31 says the character starts a
///   multi-character key and bits 24–30 the byte length of its own
///   replacement (0: none), whose offset in `values` is in bits 0–23. A
///   replacement of 127 bytes or more, or one lying beyond the first 16 MiB
///   of `values` (only user dictionaries get there), has length 127 (`farLength`)
///   and bits 0–23 index `farValues` instead, which holds its full offset and
///   length: no length or size limit, and the common case stays one word.
///   Characters outside the BMP use the small `astralEntries` map.
/// - `asciiKeyStarts`: the ASCII bytes that begin a key. Most built-in tables
///   have none, so the loop skips ASCII eight bytes at a time; with keys such
///   as `U盤` (s2twp) or a user dictionary's `iPhone`, ASCII bytes in this set
///   are looked up like any other character, and when there are at most three
///   such bytes (`asciiProbes`) ASCII words holding none of them are still
///   skipped whole.
/// - Multi-character keys are grouped by the UTF-8 bytes of their first two
///   characters (at most 8 bytes, read from the input as one unaligned load)
///   in an open-addressing hash (`pairKeys`/`pairRanges`), fronted by a
///   128 Kibit, two-bit filter (`pairFilter`, 16 KiB, stays in L1) that
///   rejects most pairs without touching the hash. Each group lists its phrases so that the
///   first byte-equal key is the leftmost-longest match.
/// - Keys and replacement values are stored once, pre-encoded as UTF-8, with
///   8 bytes of padding so that short copies and compares can use whole words.
///
/// Immutable after construction and shared freely between threads.
final class TableMatcher: @unchecked Sendable {
  static let startsPhraseBit: UInt32 = 1 << 31
  static let padding = 8
  /// A probe word that matches no ASCII byte.
  static let noProbe: UInt64 = 0x8080_8080_8080_8080
  /// The length field of a character entry whose replacement is in `farValues`.
  static let farLength: UInt32 = 0x7F

  /// One multi-character key and its replacement.
  struct Phrase {
    var keyOffset: UInt32
    var keyLength: UInt32
    var valueOffset: UInt32
    var valueLength: UInt32
  }

  /// A single character's replacement that does not fit in its entry word.
  struct FarValue {
    var offset: Int
    var length: Int
  }

  /// Where one entry's key and value lie in a byte buffer.
  struct Span {
    var keyOffset: Int
    var keyLength: Int
    var valueOffset: Int
    var valueLength: Int
  }

  /// Where an entry was written: a dictionary file (or name) and line.
  struct Origin: Equatable {
    var source: String
    var line: Int
  }

  /// One entry to build from, with where it came from (`nil`: the built-in tables).
  struct Entry {
    var key: [UInt8]
    var value: [UInt8]
    var origin: Origin?
  }

  /// A set of ASCII bytes, as two 64-bit words.
  struct ASCIISet: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
      (byte < 64 ? low &>> UInt64(byte) : high &>> UInt64(byte & 63)) & 1 != 0
    }

    mutating func insert(_ byte: UInt8) {
      if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte & 63) }
    }

    var isEmpty: Bool { low | high == 0 }
  }

  let charEntries: UnsafeMutablePointer<UInt32>
  let astralEntries: [UInt32: UInt32]
  let farValues: [FarValue]
  let asciiKeyStarts: ASCIISet
  /// When one to three ASCII bytes start keys, each broadcast to a word, for
  /// skipping ASCII a word at a time all the same; otherwise `noProbe`.
  let asciiProbes: (UInt64, UInt64, UInt64)
  let pairKeys: UnsafeMutablePointer<UInt64>
  let pairRanges: UnsafeMutablePointer<UInt64>
  let pairFilter: UnsafeMutablePointer<UInt64>
  let pairShift: UInt64
  let pairMask: Int
  let phrases: UnsafeMutablePointer<Phrase>
  let phraseCount: Int
  let keyBytes: UnsafeMutablePointer<UInt8>
  let values: UnsafeMutablePointer<UInt8>
  /// The longest key in bytes: a stream must hold this much look-ahead.
  let maxKeyBytes: Int
  /// How many entries the table was built from.
  let entryCount: Int
  /// Bytes used in `keyBytes` and `values` (each is followed by `padding` zero bytes).
  let keyByteCount: Int
  let valueByteCount: Int
  /// Whether the pair index, phrases, keys and values lie in a table image
  /// in static memory (``init(image:)``) rather than in memory of its own.
  let isBorrowingImage: Bool

  /// Builds the matcher from key and value pairs whose keys are unique.
  static func build(entries: [(key: [UInt8], value: [UInt8])], source: String) throws(FanjianError) -> TableMatcher {
    try build(entries: entries.map { Entry(key: $0.key, value: $0.value, origin: nil) }, source: source)
  }

  /// Builds the matcher from entries whose keys are unique; an error about an
  /// entry names its origin (or, for a built-in entry, `source` and its index).
  static func build(entries: [Entry], source: String) throws(FanjianError) -> TableMatcher {
    var bytes: [UInt8] = []
    var spans: [Span] = []
    spans.reserveCapacity(entries.count)
    for entry in entries {
      spans.append(Span(
        keyOffset: bytes.count, keyLength: entry.key.count, valueOffset: bytes.count + entry.key.count,
        valueLength: entry.value.count))
      bytes += entry.key
      bytes += entry.value
    }
    let origins = entries.map(\.origin)
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(FanjianError) in try TableMatcher(bytes: buffer, spans: spans, source: source, origins: origins) }
    }
    return try result.get()
  }

  /// Builds the matcher from entries lying in `bytes` (keys unique, valid UTF-8, non-empty).
  ///
  /// Everything that can fail is checked before any memory is allocated, so a
  /// thrown error leaks nothing.
  ///
  /// - Parameter origins: where each span's entry came from, for error
  ///   messages (empty, or one per span; `nil` for a built-in entry).
  init(bytes: UnsafeRawBufferPointer, spans: [Span], source: String, origins: [Origin?] = []) throws(FanjianError) {
    entryCount = spans.count
    let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
    func failure(at index: Int, _ reason: String) -> FanjianError {
      if index < origins.count, let origin = origins[index] {
        return .malformedDictionary(source: origin.source, line: origin.line, reason: reason)
      }
      return .malformedDictionary(source: source, line: index + 1, reason: reason)
    }

    // Pass 1, allocation-free: check every key, size the pools, find the
    // characters that start phrases.
    var longest = 4
    var singleValueBytes = 0, phraseKeyBytes = 0, phraseValueBytes = 0
    var asciiStarts = ASCIISet()
    var phraseStarts: [UInt32] = []
    // (pair key, span index) for every multi-character key.
    var grouped: [(pair: UInt64, index: Int)] = []
    grouped.reserveCapacity(spans.count)
    // Whether the multi-character keys come in ascending byte order (the
    // embedded tables' order), which makes the sort below unnecessary.
    var keysAscend = true
    var previousKey: Span?
    for (index, span) in spans.enumerated() {
      guard span.keyLength > 0 else { throw failure(at: index, "a key is empty or not UTF-8") }
      let (first, firstLength) = UTF8Scanner.decode(base + span.keyOffset, at: 0, end: span.keyLength)
      guard firstLength > 0 else { throw failure(at: index, "a key is empty or not UTF-8") }
      if first < 0x80 { asciiStarts.insert(UInt8(first)) }
      longest = max(longest, span.keyLength)
      if firstLength == span.keyLength {
        singleValueBytes += span.valueLength
      } else {
        let second = UTF8Scanner.decode(base + span.keyOffset, at: firstLength, end: span.keyLength).length
        guard second > 0 else { throw failure(at: index, "a key is not UTF-8") }
        grouped.append((Self.pairKey(base + span.keyOffset, count: firstLength + second), index))
        if keysAscend, let previous = previousKey {
          keysAscend = Self.precedes(base + previous.keyOffset, previous.keyLength, base + span.keyOffset, span.keyLength)
        }
        previousKey = span
        phraseKeyBytes += span.keyLength
        phraseValueBytes += span.valueLength
        phraseStarts.append(first)
      }
    }
    // Phrases address keys and values with 32-bit offsets.
    guard singleValueBytes + phraseValueBytes < Int(UInt32.max) - Self.padding,
      phraseKeyBytes < Int(UInt32.max) - Self.padding
    else {
      throw failure(
        at: max(0, spans.count - 1),
        "the dictionaries hold more than 4 GiB of keys or replacements; split the text instead")
    }

    // Pass 2: nothing below throws.
    // Zeroed by calloc, which for 256 KiB maps fresh zero pages: no memset at every start.
    guard let zeroed = calloc(0x10000, MemoryLayout<UInt32>.stride) else {
      fatalError("cannot allocate the character table (256 KiB)")
    }
    let chars = zeroed.bindMemory(to: UInt32.self, capacity: 0x10000)
    var astral: [UInt32: UInt32] = [:]
    func entry(for scalar: UInt32) -> UInt32 {
      scalar < 0x10000 ? chars[Int(scalar)] : astral[scalar, default: 0]
    }
    func setEntry(_ value: UInt32, for scalar: UInt32) {
      if scalar < 0x10000 { chars[Int(scalar)] = value } else { astral[scalar] = value }
    }
    for first in phraseStarts { setEntry(entry(for: first) | Self.startsPhraseBit, for: first) }

    let valuePool = UnsafeMutablePointer<UInt8>.allocate(capacity: singleValueBytes + phraseValueBytes + Self.padding)
    valuePool.initialize(repeating: 0, count: singleValueBytes + phraseValueBytes + Self.padding)
    let keyPool = UnsafeMutablePointer<UInt8>.allocate(capacity: phraseKeyBytes + Self.padding)
    keyPool.initialize(repeating: 0, count: phraseKeyBytes + Self.padding)
    var valueCount = 0, keyCount = 0
    var far: [FarValue] = []

    for span in spans {
      let (first, firstLength) = UTF8Scanner.decode(base + span.keyOffset, at: 0, end: span.keyLength)
      guard firstLength == span.keyLength else { continue }
      let isIdentity = span.keyLength == span.valueLength
        && memcmpBytes(base + span.keyOffset, base + span.valueOffset, span.keyLength)
      if isIdentity || span.valueLength == 0 { continue }
      (valuePool + valueCount).update(from: base + span.valueOffset, count: span.valueLength)
      let flags = entry(for: first) & Self.startsPhraseBit
      if span.valueLength < Int(Self.farLength) && valueCount < 1 << 24 {
        setEntry(flags | UInt32(span.valueLength) << 24 | UInt32(valueCount), for: first)
      } else {
        // At most one per code point (fewer than 2^21), so the index fits.
        setEntry(flags | Self.farLength << 24 | UInt32(far.count), for: first)
        far.append(FarValue(offset: valueCount, length: span.valueLength))
      }
      valueCount += span.valueLength
    }
    // Group phrases by pair, so that the first key of a group that matches is
    // the longest that matches.
    if keysAscend {
      // In byte order, the keys that share a pair are already together and
      // the keys that match at one place (prefixes of each other) shortest
      // first: each group reversed is what the sort would give, without its
      // cost at every start (about a third of building s2t's matcher).
      grouped.withUnsafeMutableBufferPointer { list in
        var start = 0
        while start < list.count {
          var stop = start + 1
          while stop < list.count && list[stop].pair == list[start].pair { stop += 1 }
          var (low, high) = (start, stop - 1)
          while low < high {
            list.swapAt(low, high)
            low += 1
            high -= 1
          }
          start = stop
        }
      }
    } else {
      grouped.sort { a, b in
        a.pair != b.pair ? a.pair < b.pair : spans[a.index].keyLength > spans[b.index].keyLength
      }
    }
    var groupCount = 0
    var previous: UInt64? = nil
    for item in grouped where item.pair != previous {
      groupCount += 1
      previous = item.pair
    }
    var bits = 4
    while (1 << bits) < groupCount * 2 { bits += 1 }
    let capacity = 1 << bits
    let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    keys.initialize(repeating: 0, count: capacity)
    let ranges = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    ranges.initialize(repeating: 0, count: capacity)
    let filter = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.filterWords)
    filter.initialize(repeating: 0, count: Self.filterWords)
    let phraseList = UnsafeMutablePointer<Phrase>.allocate(capacity: max(grouped.count, 1))
    let shift = UInt64(64 - bits)

    var start = 0
    while start < grouped.count {
      let pair = grouped[start].pair
      var stop = start
      while stop < grouped.count && grouped[stop].pair == pair {
        let span = spans[grouped[stop].index]
        (keyPool + keyCount).update(from: base + span.keyOffset, count: span.keyLength)
        (valuePool + valueCount).update(from: base + span.valueOffset, count: span.valueLength)
        (phraseList + stop).initialize(to: Phrase(
          keyOffset: UInt32(keyCount), keyLength: UInt32(span.keyLength),
          valueOffset: UInt32(valueCount), valueLength: UInt32(span.valueLength)))
        keyCount += span.keyLength
        valueCount += span.valueLength
        stop += 1
      }
      let hash = Self.hash(pair)
      var slot = Int(truncatingIfNeeded: hash &>> shift)
      while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = pair
      ranges[slot] = UInt64(start) << 32 | UInt64(stop - start)
      let (first, second) = Self.filterBits(pair)
      filter[Int(first &>> 6)] |= 1 &<< (first & 63)
      filter[Int(second &>> 6)] |= 1 &<< (second & 63)
      start = stop
    }

    charEntries = chars
    astralEntries = astral
    farValues = far
    asciiKeyStarts = asciiStarts
    asciiProbes = Self.probes(for: asciiStarts)
    pairKeys = keys
    pairRanges = ranges
    pairFilter = filter
    pairShift = shift
    pairMask = capacity - 1
    phrases = phraseList
    phraseCount = grouped.count
    keyBytes = keyPool
    values = valuePool
    maxKeyBytes = longest
    keyByteCount = keyCount
    valueByteCount = valueCount
    isBorrowingImage = false
  }

  /// Loads a matcher from a table image (``image()``) lying in memory that
  /// outlives it, such as the tables embedded in the binary: the pair index,
  /// phrases, keys and values are used where they lie, and only the
  /// character table is filled in (from its list of non-zero entries), so a
  /// start costs a fraction of building from entries. `nil` when the bytes
  /// are not an image of this version, or not aligned to 16 bytes.
  init?(image: UnsafeRawBufferPointer) {
    guard let layout = ImageLayout(reading: image) else { return nil }
    let base = image.baseAddress!
    guard let zeroed = calloc(0x10000, MemoryLayout<UInt32>.stride) else { return nil }
    let chars = zeroed.bindMemory(to: UInt32.self, capacity: 0x10000)
    var astral: [UInt32: UInt32] = [:]
    let list = (base + layout.characters).assumingMemoryBound(to: UInt32.self)
    for index in 0..<layout.characterCount {
      let scalar = list[2 * index], entry = list[2 * index + 1]
      if scalar < 0x10000 { chars[Int(scalar)] = entry } else { astral[scalar] = entry }
    }
    let farList = (base + layout.far).assumingMemoryBound(to: UInt64.self)
    farValues = (0..<layout.farCount).map { FarValue(offset: Int(farList[2 * $0]), length: Int(farList[2 * $0 + 1])) }
    charEntries = chars
    astralEntries = astral
    asciiKeyStarts = ASCIISet(low: layout.asciiLow, high: layout.asciiHigh)
    asciiProbes = Self.probes(for: asciiKeyStarts)
    pairKeys = UnsafeMutablePointer(mutating: (base + layout.pairKeys).assumingMemoryBound(to: UInt64.self))
    pairRanges = UnsafeMutablePointer(mutating: (base + layout.pairRanges).assumingMemoryBound(to: UInt64.self))
    pairFilter = UnsafeMutablePointer(mutating: (base + layout.filter).assumingMemoryBound(to: UInt64.self))
    pairShift = layout.pairShift
    pairMask = layout.pairMask
    phrases = UnsafeMutablePointer(mutating: (base + layout.phrases).assumingMemoryBound(to: Phrase.self))
    phraseCount = layout.phraseCount
    keyBytes = UnsafeMutablePointer(mutating: (base + layout.keyBytes).assumingMemoryBound(to: UInt8.self))
    values = UnsafeMutablePointer(mutating: (base + layout.values).assumingMemoryBound(to: UInt8.self))
    maxKeyBytes = layout.maxKeyBytes
    entryCount = layout.entryCount
    keyByteCount = layout.keyByteCount
    valueByteCount = layout.valueByteCount
    isBorrowingImage = true
  }

  /// Word probes for skipping ASCII when one to three ASCII bytes start keys.
  static func probes(for starts: ASCIISet) -> (UInt64, UInt64, UInt64) {
    let startBytes = (0..<UInt8(128)).filter(starts.contains).map { UInt64($0) &* 0x0101_0101_0101_0101 }
    guard !startBytes.isEmpty, startBytes.count <= 3 else { return (Self.noProbe, Self.noProbe, Self.noProbe) }
    let padded = startBytes + Array(repeating: startBytes[0], count: 3 - startBytes.count)
    return (padded[0], padded[1], padded[2])
  }

  deinit {
    free(charEntries)
    guard !isBorrowingImage else { return }
    pairKeys.deallocate()
    pairRanges.deallocate()
    pairFilter.deallocate()
    phrases.deallocate()
    keyBytes.deallocate()
    values.deallocate()
  }

  /// Bytes of memory the compiled tables hold.
  var memoryFootprint: Int {
    0x10000 * 4 + (pairMask + 1) * 16 + Self.filterWords * 8 + phraseCount * MemoryLayout<Phrase>.stride
      + astralEntries.count * 16 + farValues.count * MemoryLayout<FarValue>.stride
  }

  /// Where a character entry's own replacement lies in `values` (length 0: none).
  @inline(__always)
  func singleValue(_ entry: UInt32) -> (offset: Int, length: Int) {
    let length = (entry &>> 24) & 0x7F
    if length == Self.farLength {
      let value = farValues[Int(entry & 0xFF_FFFF)]
      return (value.offset, value.length)
    }
    return (Int(entry & 0xFF_FFFF), Int(length))
  }

  /// Whether key `a` comes strictly before key `b` in byte order.
  static func precedes(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Bool {
    let common = min(aCount, bCount)
    var index = 0
    while index < common {
      if a[index] != b[index] { return a[index] < b[index] }
      index += 1
    }
    return aCount < bCount
  }

  /// The pair key: the first `count` (≤ 8) bytes of a key, little-endian.
  @inline(__always)
  static func pairKey(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var key: UInt64 = 0
    for index in 0..<count { key |= UInt64(p[index]) << UInt64(8 * index) }
    return key
  }

  @inline(__always)
  static func hash(_ pair: UInt64) -> UInt64 {
    pair &* 0x9E37_79B9_7F4A_7C15
  }

  /// The pair filter: 2^17 bits (16 KiB, stays in L1), two bits per pair, each
  /// from the top bits of a multiplicative hash (the only bits that depend on
  /// every byte of the pair). With the ~9,700 pairs of s2twp about 2 % of
  /// absent pairs pass, against 14 % with one bit in 2^16 (s2twp: +5 %).
  static let filterWords = 1 << 11

  @inline(__always)
  static func filterBits(_ pair: UInt64) -> (UInt64, UInt64) {
    (hash(pair) &>> 47, (pair &* 0xD6E8_FEB8_6659_FD93) &>> 47)
  }
}

/// Byte equality of two short buffers.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var index = 0
  while index < count {
    if a[index] != b[index] { return false }
    index += 1
  }
  return true
}
