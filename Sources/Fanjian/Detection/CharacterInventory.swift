/// What the built-in tables say about single characters: which script and
/// which regional standard writes each one.
///
/// Everything here is derived from the embedded tables, never from a hand
/// list, so it follows every table edit:
/// - a character `s2t` changes on its own but `t2s` leaves is **Simplified**
///   (将, 确, 于, 后); if some `s2t` phrase keeps it as it is (皇后, 于丹), it is
///   also written in Traditional text, only not everywhere: **shared**;
/// - a character `t2s` changes on its own but `s2t` leaves is **Traditional**
///   (將, 確, 後, 乾); if some `t2s` phrase keeps it (乾隆, 著名), it is
///   **shared** too;
/// - a character that the variant tables into a standard change on their
///   own is one that standard does not write: into Taiwan (`hk2t`, `t2tw`)
///   爲 着 裏 change, into Hong Kong (`tw2t`, `t2hk`) 爲 衛 裡 change, into t
///   (`tw2t`, `hk2t`) 為 裡 衞 change.
struct CharacterInventory: Sendable {
  /// Characters `s2t` changes on their own.
  let changedBySimplifiedToTraditional: Set<UInt32>
  /// Characters `t2s` changes on their own.
  let changedByTraditionalToSimplified: Set<UInt32>
  /// Characters of the first set that some `s2t` phrase keeps unchanged.
  let keptBySimplifiedToTraditionalPhrases: Set<UInt32>
  /// Characters of the second set that some `t2s` phrase keeps unchanged.
  let keptByTraditionalToSimplifiedPhrases: Set<UInt32>
  /// For each Traditional standard, the characters it does not write (a
  /// variant table converting into it changes them on their own).
  let notWrittenBy: [Standard: Set<UInt32>]
  /// For each standard, every character the tables into it ever write (the
  /// characters of every value of `s2t`, `s2tw`, `s2hk`, or `t2s`).
  let writtenBy: [Standard: ScalarSet]
  /// For each regional standard, the characters its variant table writes for
  /// a t character on its own (Taiwan's 台 for t's 臺): that standard's own
  /// forms, never leftovers of Simplified text in it.
  let writtenByVariantTable: [Standard: Set<UInt32>]
  /// For every BMP scalar, what ``ScriptDetector`` counts, as bits
  /// (``Flag``): one array lookup per character instead of five set lookups.
  let detectionFlags: [UInt8]

  /// The bits of ``detectionFlags``.
  enum Flag {
    static let simplifiedOnly: UInt8 = 1
    static let traditionalOnly: UInt8 = 2
    static let notWrittenByTraditional: UInt8 = 4
    static let notWrittenByTaiwan: UInt8 = 8
    static let notWrittenByHongKong: UInt8 = 16
  }

  /// The inventory of the tables built into this copy of Fanjian (empty if
  /// they cannot be read, which `Converter` reports on its own).
  static let builtIn: CharacterInventory = (try? CharacterInventory()) ?? CharacterInventory(empty: ())

  private init(empty: Void) {
    changedBySimplifiedToTraditional = []
    changedByTraditionalToSimplified = []
    keptBySimplifiedToTraditionalPhrases = []
    keptByTraditionalToSimplifiedPhrases = []
    notWrittenBy = [:]
    writtenBy = [:]
    writtenByVariantTable = [:]
    detectionFlags = [UInt8](repeating: 0, count: 0x10000)
  }

  private init() throws(FanjianError) {
    let s2t = try Self.entries(.s2t)
    let t2s = try Self.entries(.t2s)
    changedBySimplifiedToTraditional = Self.changedCharacters(s2t)
    changedByTraditionalToSimplified = Self.changedCharacters(t2s)
    keptBySimplifiedToTraditionalPhrases = Self.keptCharacters(s2t, among: changedBySimplifiedToTraditional)
    keptByTraditionalToSimplifiedPhrases = Self.keptCharacters(t2s, among: changedByTraditionalToSimplified)
    var maps: [ConversionConfig: [UInt32: [UInt32]]] = [:]
    for config in [ConversionConfig.tw2t, .hk2t, .t2tw, .t2two, .t2hk] {
      maps[config] = Self.characterMap(try Self.entries(config))
    }
    let candidates = maps.values.reduce(into: Set<UInt32>()) { $0.formUnion($1.keys) }
    func changed(_ scalar: UInt32, by pipeline: [ConversionConfig]) -> Bool {
      var text = [scalar]
      for config in pipeline {
        let map = maps[config] ?? [:]
        text = text.flatMap { map[$0] ?? [$0] }
      }
      return text != [scalar]
    }
    var notWrittenBy: [Standard: Set<UInt32>] = [:]
    for standard in [Standard.traditional, .taiwan, .hongKong] {
      notWrittenBy[standard] = candidates.filter { scalar in
        // Taiwan writes two ways (everyday 台 佔, official 臺 占): a character is
        // not Taiwan's only when neither the everyday nor the official table writes it.
        changed(scalar, by: standard.variantPipeline)
          && (standard != .taiwan || changed(scalar, by: [.hk2t, .t2two]))
      }
    }
    writtenByVariantTable = [
      .taiwan: Set(maps[.t2tw, default: [:]].values.compactMap { $0.count == 1 ? $0[0] : nil }),
      .hongKong: Set(maps[.t2hk, default: [:]].values.compactMap { $0.count == 1 ? $0[0] : nil }),
    ]
    self.notWrittenBy = notWrittenBy
    writtenBy = [
      .simplified: Self.valueCharacters(t2s), .traditional: Self.valueCharacters(s2t),
      .taiwan: Self.valueCharacters(try Self.entries(.s2tw)), .hongKong: Self.valueCharacters(try Self.entries(.s2hk)),
    ]
    var flags = [UInt8](repeating: 0, count: 0x10000)
    for scalar in changedBySimplifiedToTraditional.union(changedByTraditionalToSimplified) where scalar < 0x10000 {
      if changedBySimplifiedToTraditional.contains(scalar) && !changedByTraditionalToSimplified.contains(scalar)
        && !keptBySimplifiedToTraditionalPhrases.contains(scalar)
      {
        flags[Int(scalar)] |= Flag.simplifiedOnly
      }
      if changedByTraditionalToSimplified.contains(scalar) && !changedBySimplifiedToTraditional.contains(scalar)
        && !keptByTraditionalToSimplifiedPhrases.contains(scalar)
      {
        flags[Int(scalar)] |= Flag.traditionalOnly
      }
    }
    for (standard, flag) in [
      (Standard.traditional, Flag.notWrittenByTraditional), (.taiwan, Flag.notWrittenByTaiwan),
      (.hongKong, Flag.notWrittenByHongKong),
    ] {
      for scalar in notWrittenBy[standard] ?? [] where scalar < 0x10000 { flags[Int(scalar)] |= flag }
    }
    detectionFlags = flags
  }

  /// What ``ScriptDetector`` counts for `scalar` (bits of ``Flag``).
  @inline(__always)
  func flags(of scalar: UInt32) -> UInt8 {
    if scalar < 0x10000 { return detectionFlags[Int(scalar)] }
    var flags: UInt8 = 0
    if isSimplifiedOnly(scalar) { flags |= Flag.simplifiedOnly }
    if isTraditionalOnly(scalar) { flags |= Flag.traditionalOnly }
    if notWrittenBy[.traditional]?.contains(scalar) == true { flags |= Flag.notWrittenByTraditional }
    if notWrittenBy[.taiwan]?.contains(scalar) == true { flags |= Flag.notWrittenByTaiwan }
    if notWrittenBy[.hongKong]?.contains(scalar) == true { flags |= Flag.notWrittenByHongKong }
    return flags
  }

  // MARK: - Classes

  /// Whether only Simplified text writes `scalar` (将 确 对; not the shared 后 于).
  func isSimplifiedOnly(_ scalar: UInt32) -> Bool {
    changedBySimplifiedToTraditional.contains(scalar) && !changedByTraditionalToSimplified.contains(scalar)
      && !keptBySimplifiedToTraditionalPhrases.contains(scalar)
  }

  /// Whether only Traditional text writes `scalar` (將 確 對; not the shared 乾 著).
  func isTraditionalOnly(_ scalar: UInt32) -> Bool {
    changedByTraditionalToSimplified.contains(scalar) && !changedBySimplifiedToTraditional.contains(scalar)
      && !keptByTraditionalToSimplifiedPhrases.contains(scalar)
  }

  /// Whether `scalar`, written on its own in text meant for `standard`, is
  /// of the other script: a character that converting into `standard`
  /// changes by default and converting out of it leaves (将 or 后 in
  /// Traditional text, 將 or 後 in Simplified text). Phrases that keep a
  /// shared character (皇后) are the converter's business, not this test's.
  /// A character the standard's own variant table writes (Taiwan's 台) is
  /// that standard's form, not a leftover.
  func isForeign(_ scalar: UInt32, to standard: Standard) -> Bool {
    if standard == .simplified { return changedByTraditionalToSimplified.contains(scalar) }
    return changedBySimplifiedToTraditional.contains(scalar) && !changedByTraditionalToSimplified.contains(scalar)
      && writtenByVariantTable[standard]?.contains(scalar) != true
  }

  /// Whether the tables into `standard` never write `scalar`, which some
  /// table does convert (麽 in t: s2t writes 麼, never 麽).
  func isNeverWritten(_ scalar: UInt32, by standard: Standard) -> Bool {
    guard let written = writtenBy[standard] else { return false }
    return !written.contains(scalar)
  }

  /// A set of scalars as a bit per scalar: built and asked without hashing.
  struct ScalarSet: Sendable {
    private var words = [UInt64](repeating: 0, count: 0x110000 / 64)

    mutating func insert(_ scalar: UInt32) {
      guard scalar < 0x110000 else { return }
      words[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
    }

    func contains(_ scalar: UInt32) -> Bool {
      scalar < 0x110000 && words[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }
  }

  // MARK: - Reading the tables

  private static func entries(_ config: ConversionConfig) throws(FanjianError) -> [(key: [UInt8], value: [UInt8])] {
    let blob = Converter.embeddedBlob(for: config)
    let result = blob.withUnsafeBytes { bytes in
      Result { () throws(FanjianError) in try TableBlob.decode(bytes, name: config.rawValue) }
    }
    return try result.get()
  }

  /// The keys of single-character entries whose value is another text.
  private static func changedCharacters(_ entries: [(key: [UInt8], value: [UInt8])]) -> Set<UInt32> {
    var result = Set<UInt32>()
    for (key, value) in entries where key != value && isSingleScalar(key) {
      result.insert(Self.scalars(key)[0])
    }
    return result
  }

  /// Whether valid UTF-8 `bytes` hold exactly one scalar.
  private static func isSingleScalar(_ bytes: [UInt8]) -> Bool {
    guard let lead = bytes.first else { return false }
    return bytes.count == (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
  }

  /// Every character of every value.
  private static func valueCharacters(_ entries: [(key: [UInt8], value: [UInt8])]) -> ScalarSet {
    var result = ScalarSet()
    var buffer: [UInt32] = []
    for (_, value) in entries {
      decode(value, into: &buffer)
      for scalar in buffer { result.insert(scalar) }
    }
    return result
  }

  /// Decodes valid UTF-8 into `scalars` (emptied first, capacity kept): no
  /// allocation per entry.
  private static func decode(_ bytes: [UInt8], into scalars: inout [UInt32]) {
    scalars.removeAll(keepingCapacity: true)
    var i = 0
    while i < bytes.count {
      let b0 = UInt32(bytes[i])
      if b0 < 0x80 {
        scalars.append(b0)
        i += 1
      } else if b0 < 0xE0, i + 1 < bytes.count {
        scalars.append((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
        i += 2
      } else if b0 < 0xF0, i + 2 < bytes.count {
        scalars.append((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
        i += 3
      } else if i + 3 < bytes.count {
        scalars.append(
          (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F))
        i += 4
      } else {
        i += 1
      }
    }
  }

  /// The single-character entries that change their character, as scalars.
  private static func characterMap(_ entries: [(key: [UInt8], value: [UInt8])]) -> [UInt32: [UInt32]] {
    var result: [UInt32: [UInt32]] = [:]
    for (key, value) in entries where key != value && isSingleScalar(key) {
      result[Self.scalars(key)[0]] = Self.scalars(value)
    }
    return result
  }

  /// The characters of `candidates` that some phrase keeps at the same place
  /// in its value (皇后 → 皇后 keeps 后).
  private static func keptCharacters(
    _ entries: [(key: [UInt8], value: [UInt8])], among candidates: Set<UInt32>
  ) -> Set<UInt32> {
    var result = Set<UInt32>()
    var keyScalars: [UInt32] = []
    var valueScalars: [UInt32] = []
    for (key, value) in entries {
      guard !Self.isSingleScalar(key) else { continue }
      decode(key, into: &keyScalars)
      guard keyScalars.count > 1 else { continue }
      decode(value, into: &valueScalars)
      guard keyScalars.count == valueScalars.count else { continue }
      for (k, v) in zip(keyScalars, valueScalars) where k == v && candidates.contains(k) {
        result.insert(k)
      }
    }
    return result
  }

  static func scalars(_ bytes: [UInt8]) -> [UInt32] {
    var result: [UInt32] = []
    decode(bytes, into: &result)
    return result
  }
}
