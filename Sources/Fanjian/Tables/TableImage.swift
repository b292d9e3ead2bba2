/// Where the parts of a table image lie: the built matcher, serialized so
/// that loading it (``TableMatcher/init(image:)``) uses the pair index,
/// phrases, keys and values where they lie instead of building them again
/// at every start.
///
/// Layout (little-endian; every section starts at a multiple of 16 bytes
/// from the image's start, which must itself be 16-byte aligned):
/// - header: the magic `FJIM`, a `UInt32` version, then 13 `UInt64`s:
///   entry count, longest key, pair shift, pair mask, phrase count,
///   character count, far-value count, key bytes, value bytes, the two words
///   of the ASCII key-start set, the filter's word count, and the image size;
/// - the non-zero character entries, `(UInt32 scalar, UInt32 entry)` each;
/// - the far values, `(UInt64 offset, UInt64 length)` each;
/// - the pair filter (`UInt64` words), pair keys and pair ranges (`UInt64`
///   each, pair mask + 1 of them), the phrases (`TableMatcher.Phrase`), the
///   key bytes and the value bytes (each with its zero padding).
///
/// The embedded tables append an image to their entries (``TableBlob``);
/// `fanjian-tables compile` writes it, and `EmbeddedTablesTests` checks that
/// it is what building from the entries gives.
struct ImageLayout {
  static let magic: [UInt8] = Array("FJIM".utf8)
  static let version: UInt32 = 1
  static let headerSize = 8 + 13 * 8

  var entryCount = 0
  var maxKeyBytes = 0
  var pairShift: UInt64 = 0
  var pairMask = 0
  var phraseCount = 0
  var characterCount = 0
  var farCount = 0
  var keyByteCount = 0
  var valueByteCount = 0
  var asciiLow: UInt64 = 0
  var asciiHigh: UInt64 = 0
  var filterWords = 0
  var size = 0

  // Section offsets, derived from the counts.
  var characters = 0, far = 0, filter = 0, pairKeys = 0, pairRanges = 0, phrases = 0, keyBytes = 0, values = 0

  /// Places the sections after the header, from the counts.
  mutating func placeSections() {
    func aligned(_ offset: Int) -> Int { (offset + 15) & ~15 }
    characters = aligned(Self.headerSize)
    far = aligned(characters + characterCount * 8)
    filter = aligned(far + farCount * 16)
    pairKeys = aligned(filter + filterWords * 8)
    pairRanges = aligned(pairKeys + (pairMask + 1) * 8)
    phrases = aligned(pairRanges + (pairMask + 1) * 8)
    keyBytes = aligned(phrases + phraseCount * MemoryLayout<TableMatcher.Phrase>.stride)
    values = aligned(keyBytes + keyByteCount + TableMatcher.padding)
    size = aligned(values + valueByteCount + TableMatcher.padding)
  }

  /// Reads and checks the header of `image`; `nil` unless it is a whole
  /// image of this version, 16-byte aligned, on a little-endian machine.
  init?(reading image: UnsafeRawBufferPointer) {
    guard 1.littleEndian == 1, let base = image.baseAddress, UInt(bitPattern: base) % 16 == 0,
      image.count >= Self.headerSize, Array(image[0..<4]) == Self.magic,
      image.load(fromByteOffset: 4, as: UInt32.self) == Self.version
    else { return nil }
    func field(_ index: Int) -> UInt64 { image.load(fromByteOffset: 8 + 8 * index, as: UInt64.self) }
    // Counts far beyond any table mean damage: refuse before computing offsets with them.
    guard (0..<13).allSatisfy({ $0 == 9 || $0 == 10 || field($0) < 1 << 40 }) else { return nil }
    entryCount = Int(field(0))
    maxKeyBytes = Int(field(1))
    pairShift = field(2)
    pairMask = Int(field(3))
    phraseCount = Int(field(4))
    characterCount = Int(field(5))
    farCount = Int(field(6))
    keyByteCount = Int(field(7))
    valueByteCount = Int(field(8))
    asciiLow = field(9)
    asciiHigh = field(10)
    filterWords = Int(field(11))
    let recordedSize = Int(field(12))
    placeSections()
    guard filterWords == TableMatcher.filterWords, (pairMask + 1) & pairMask == 0, pairShift < 64,
      recordedSize == size, size == image.count
    else { return nil }
  }

  /// A layout to write, from a matcher's counts.
  init(of matcher: TableMatcher, characterCount: Int) {
    entryCount = matcher.entryCount
    maxKeyBytes = matcher.maxKeyBytes
    pairShift = matcher.pairShift
    pairMask = matcher.pairMask
    phraseCount = matcher.phraseCount
    self.characterCount = characterCount
    farCount = matcher.farValues.count
    keyByteCount = matcher.keyByteCount
    valueByteCount = matcher.valueByteCount
    asciiLow = matcher.asciiKeyStarts.low
    asciiHigh = matcher.asciiKeyStarts.high
    filterWords = TableMatcher.filterWords
    placeSections()
  }
}

extension TableMatcher {
  /// The matcher as a table image (see ``ImageLayout``), for ``init(image:)``.
  func image() -> [UInt8] {
    var characters: [(UInt32, UInt32)] = []
    for scalar in 0..<0x10000 where charEntries[scalar] != 0 { characters.append((UInt32(scalar), charEntries[scalar])) }
    for (scalar, entry) in astralEntries.sorted(by: { $0.key < $1.key }) where entry != 0 {
      characters.append((scalar, entry))
    }
    let layout = ImageLayout(of: self, characterCount: characters.count)
    var bytes = [UInt8](repeating: 0, count: layout.size)
    bytes.withUnsafeMutableBytes { image in
      func put<T>(_ value: T, at offset: Int) { image.storeBytes(of: value, toByteOffset: offset, as: T.self) }
      image.copyBytes(from: ImageLayout.magic)
      put(ImageLayout.version, at: 4)
      let fields: [UInt64] = [
        UInt64(layout.entryCount), UInt64(layout.maxKeyBytes), layout.pairShift, UInt64(layout.pairMask),
        UInt64(layout.phraseCount), UInt64(layout.characterCount), UInt64(layout.farCount),
        UInt64(layout.keyByteCount), UInt64(layout.valueByteCount), layout.asciiLow, layout.asciiHigh,
        UInt64(layout.filterWords), UInt64(layout.size),
      ]
      for (index, field) in fields.enumerated() { put(field.littleEndian, at: 8 + 8 * index) }
      for (index, (scalar, entry)) in characters.enumerated() {
        put(scalar.littleEndian, at: layout.characters + 8 * index)
        put(entry.littleEndian, at: layout.characters + 8 * index + 4)
      }
      for (index, value) in farValues.enumerated() {
        put(UInt64(value.offset).littleEndian, at: layout.far + 16 * index)
        put(UInt64(value.length).littleEndian, at: layout.far + 16 * index + 8)
      }
      let base = image.baseAddress!
      (base + layout.filter).copyMemory(from: pairFilter, byteCount: layout.filterWords * 8)
      (base + layout.pairKeys).copyMemory(from: pairKeys, byteCount: (pairMask + 1) * 8)
      (base + layout.pairRanges).copyMemory(from: pairRanges, byteCount: (pairMask + 1) * 8)
      (base + layout.phrases).copyMemory(from: phrases, byteCount: phraseCount * MemoryLayout<Phrase>.stride)
      (base + layout.keyBytes).copyMemory(from: keyBytes, byteCount: keyByteCount)
      (base + layout.values).copyMemory(from: values, byteCount: valueByteCount)
    }
    return bytes
  }
}
