import CFanjianTables

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How real Taiwan or Hong Kong text writes the Traditional forms of
/// one-to-many characters: counts of single characters and of adjacent pairs
/// holding such a form, made by `scripts/generate-form-evidence` from
/// people-written text (data/generated/form-evidence-tw.txt, -hk.txt).
///
/// ``logOdds(keeping:over:left:right:)`` weighs the author's form against the
/// tables' choice in its context: a naive Bayes over the form's frequency and
/// its two neighbours. 齣 next to 境 (出境) has no support at all, 出 a great
/// deal, so 齣 is an over-conversion; 台 and 臺 are both common in Taiwan
/// text, so either one is the author's choice.
struct FormEvidence: Sendable {
  private let counts: [UInt64: UInt32]
  /// Counts to fall back on where these say too little about two forms
  /// (Taiwan's, for Hong Kong).
  private let fallback: [UInt64: UInt32]

  /// The evidence for a standard: Taiwan's or Hong Kong's; `nil` for the
  /// others (no people write OpenCC's t standard, and Simplified text needs
  /// no choice between forms).
  static func forStandard(_ standard: Standard) -> FormEvidence? {
    switch standard {
    case .taiwan: return taiwan
    case .hongKong: return hongKong
    case .traditional, .simplified: return nil
    }
  }

  static let taiwan = FormEvidence(counts: embedded("tw"), fallback: [:])
  static let hongKong = FormEvidence(counts: embedded("hk"), fallback: [:])

  /// Two forms whose counts add up to fewer than this are weighed with the
  /// fallback counts.
  static let enough = 10.0

  private init(counts: [UInt64: UInt32], fallback: [UInt64: UInt32]) {
    self.counts = counts
    self.fallback = fallback
  }

  /// Reads the embedded counts (empty when they are missing, which makes
  /// every comparison undecided).
  private static func embedded(_ region: String) -> [UInt64: UInt32] {
    var length = 0
    guard let pointer = fj_form_evidence(region, &length) else { return [:] }
    return parse(UnsafeBufferPointer(start: pointer, count: length))
  }

  /// `key<TAB>count` lines, `#` comments; a key of one or two characters.
  private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> [UInt64: UInt32] {
    var result: [UInt64: UInt32] = [:]
    result.reserveCapacity(text.count / 9)
    var i = 0
    let end = text.count
    while i < end {
      var lineEnd = i
      while lineEnd < end && text[lineEnd] != 0x0A { lineEnd += 1 }
      defer { i = lineEnd + 1 }
      guard text[i] != 0x23 else { continue }  // '#'
      var tab = i
      while tab < lineEnd && text[tab] != 0x09 { tab += 1 }
      guard tab < lineEnd else { continue }
      var scalars: [UInt32] = []
      var k = i
      while k < tab {
        let (scalar, width) = decode(text, at: k)
        scalars.append(scalar)
        k += width
      }
      var value: UInt32 = 0
      for d in text[(tab + 1)..<lineEnd] where d >= 0x30 && d <= 0x39 { value = value &* 10 &+ UInt32(d - 0x30) }
      switch scalars.count {
      case 1: result[key(scalars[0])] = value
      case 2: result[key(scalars[0], scalars[1])] = value
      default: continue
      }
    }
    return result
  }

  private static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0, i + 1 < p.count { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
    if b0 < 0xF0, i + 2 < p.count {
      return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
    }
    if i + 3 < p.count {
      return (
        (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  private static func key(_ a: UInt32) -> UInt64 { UInt64(a) }
  private static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) | 1 << 63 }

  /// Whether there are any counts (the embedded file was found).
  var isEmpty: Bool { counts.isEmpty }

  /// How often the text wrote `scalar`.
  func count(_ scalar: UInt32) -> Double { Double(counts[Self.key(scalar)] ?? 0) }

  /// The counts that weigh `a` against `b`: the region's own when they say
  /// enough, else the fallback.
  private func table(for a: UInt32, _ b: UInt32) -> [UInt64: UInt32] {
    guard !fallback.isEmpty else { return counts }
    let own = Double(counts[Self.key(a)] ?? 0) + Double(counts[Self.key(b)] ?? 0)
    return own >= Self.enough ? counts : fallback
  }

  /// The log-odds (natural log) that the text writes `kept` rather than
  /// `replacement` between `left` and `right` (the neighbouring characters, or
  /// `nil` at a boundary): positive when `kept` is the likelier form.
  ///
  /// P(form) comes from the forms' counts (plus a half); each neighbour
  /// moves it by how much more often it stands next to one form than the
  /// other, smoothed towards P(form) with the weight of two observations.
  func logOdds(keeping kept: UInt32, over replacement: UInt32, left: UInt32?, right: UInt32?) -> Double {
    let table = table(for: kept, replacement)
    func count(_ a: UInt32) -> Double { Double(table[Self.key(a)] ?? 0) }
    func count(_ a: UInt32, _ b: UInt32) -> Double { Double(table[Self.key(a, b)] ?? 0) }
    let keptCount = count(kept) + 0.5
    let replacementCount = count(replacement) + 0.5
    let prior = keptCount / (keptCount + replacementCount)
    var odds = log(prior / (1 - prior))
    let smoothing = 2.0
    if let left {
      let a = count(left, kept), b = count(left, replacement)
      if a + b > 0 {
        let p = (a + smoothing * prior) / (a + b + smoothing)
        odds += log(p / (1 - p)) - log(prior / (1 - prior))
      }
    }
    if let right {
      let a = count(kept, right), b = count(replacement, right)
      if a + b > 0 {
        let p = (a + smoothing * prior) / (a + b + smoothing)
        odds += log(p / (1 - p)) - log(prior / (1 - prior))
      }
    }
    return odds
  }
}
