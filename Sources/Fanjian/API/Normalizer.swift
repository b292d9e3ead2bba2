#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes text consistent in one standard with the fewest edits: repairs
/// mixed, half-converted text.
///
/// Text that went through a character-by-character converter, or was edited
/// by several hands, mixes scripts and standards: Simplified characters left
/// in Traditional text (对标, 相当于), Traditional forms where the word keeps
/// the plain character (紮克伯格, 隻是, 一齣就到, 迴到), missed context forms
/// (關系), and the variant forms of several standards (爲 and 為). A
/// normalizer fixes exactly these and keeps every character that is already
/// right for the target:
///
/// ```swift
/// let normalizer = try Normalizer(target: .taiwan)
/// let result = normalizer.normalize("小紮隻是对标了他們的産品")
/// result.text        // "小扎只是對標了他們的產品"
/// result.changes[0]  // 紮 → 扎 (over-conversion, decided by the phrase 小扎), at 1:2
/// ```
///
/// How it decides. The text is sent round the tables, `t2s` and then `s2t`,
/// `s2tw` or `s2hk` (for a Simplified target, `t2s` alone). Where the round
/// trip leaves a line as it is, there is nothing to decide (most lines of
/// clean text). Elsewhere the round trip is redone step by step, so it is
/// known for every character whether a phrase or only the character's own
/// default produced it, and each difference is one of:
/// - a **leftover**: a character of the other script (将 or 于 in Traditional
///   text; any Traditional character in Simplified text), always replaced,
///   unless the target's own text writes it (揾 in Hong Kong);
/// - for Taiwan and Hong Kong, a choice between the author's form and the
///   tables' form of a one-to-many character (出/齣, 表/錶, 只/隻, 台/臺, 佈/布,
///   variant shapes such as 爲/為): weighed by how often the target's
///   people write each form, alone and next to these neighbours
///   (`FormEvidence`, counted from Taiwan and Hong Kong text by
///   `scripts/generate-form-evidence`), with a phrase of the tables counting
///   for the tables' form. The author's form stays unless the evidence is
///   against it by more than a threshold that depends on the **document**:
///   text with leftovers and forms its standard never writes in their place
///   came out of a converter, and its one-to-many choices are trusted less
///   (in clean text the author's form goes only when the tables' form is
///   some 3,000 times as likely; in converted text it stays only when it is
///   itself at least 2.7 times as likely). So 齣 outside
///   一齣戲, 韆 in 一千 and 錶 in 表格 go, while 台 and 臺, 佈 and 布, 佔 and 占
///   stay as the author wrote them;
/// - for the t standard (and Simplified), fixed rules: the variant tables'
///   form, a phrase's decision (**over-conversion** when the phrase keeps the
///   plain character, **context form** otherwise), a character the tables
///   never write; otherwise the author's character stays.
///
/// Normalizing is idempotent: normalizing the result again changes nothing,
/// so `fanjian check` is clean on `fanjian normalize` output.
///
/// A normalizer is immutable and `Sendable`. Text is processed in segments of
/// at most 64 KiB: whole lines, or, within a longer line, pieces cut after a
/// character no table key holds (ASCII other than letters, 。！；), so
/// working memory stays bounded whatever the input (see
/// ``NormalizationStream``). The round trip of every segment runs on the
/// converter's fast path; only lines it changes go the slow, step-by-step way.
public struct Normalizer: Sendable {
  /// The standard the text is made consistent in.
  public let target: Standard
  private let toSimplified: Converter
  private let fromSimplified: Converter?
  private let variants: [Converter]

  /// Makes a normalizer for a target standard.
  ///
  /// - Parameter target: `.traditional`, `.taiwan`, `.hongKong` or `.simplified`.
  /// - Throws: `FanjianError.corruptTables` if the embedded tables are damaged.
  public init(target: Standard) throws(FanjianError) {
    self.target = target
    toSimplified = try Converter(.t2s)
    fromSimplified = try target.fromSimplified.map { config throws(FanjianError) in try Converter(config) }
    var variants: [Converter] = []
    for config in target.variantPipeline { variants.append(try Converter(config)) }
    self.variants = variants
  }

  /// Makes `text` consistent in the target standard.
  ///
  /// - Returns: the normalized text, the changes in text order (adjacent
  ///   characters changed for the same reason are one change), and the
  ///   offset map between `text` and the result.
  public func normalize(_ text: String) -> NormalizationResult {
    var text = text
    return text.withUTF8 { normalize(validUTF8: $0) }
  }

  /// Normalizes UTF-8 bytes.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte.
  public func normalize(utf8 bytes: [UInt8]) throws(FanjianError) -> NormalizationResult {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(FanjianError) in
        if let offset = UTF8Scanner.firstInvalidOffset(in: UnsafeRawBufferPointer(buffer)) {
          throw .invalidUTF8(byteOffset: offset)
        }
        return normalize(validUTF8: buffer)
      }
    }
    return try result.get()
  }

  private func normalize(validUTF8 input: UnsafeBufferPointer<UInt8>) -> NormalizationResult {
    var builder = makeBuilder(recording: .everything)
    var start = 0
    while start < input.count {
      let end = Self.segmentEnd(in: input, from: start, isFinal: true) ?? input.count
      process(UnsafeBufferPointer(rebasing: input[start..<end]), at: start, into: &builder)
      start = end
    }
    return builder.finish()
  }

  /// Starts normalizing text that arrives in chunks; see ``NormalizationStream``.
  ///
  /// - Parameter recordingChanges: whether the stream lists the changes (for
  ///   a report or a lint); without them it only writes the text, faster.
  public func makeStream(recordingChanges: Bool = true) -> NormalizationStream {
    NormalizationStream(normalizer: self, recordingChanges: recordingChanges)
  }

  func makeBuilder(recording: NormalizationBuilder.Recording) -> NormalizationBuilder {
    NormalizationBuilder(
      target: target, inventory: .builtIn, evidence: FormEvidence.forStandard(target), recording: recording)
  }

  // MARK: - Segments

  /// The longest segment: whole lines up to this size, or a piece of a
  /// longer line.
  static let segmentSize = 64 * 1024

  /// Where the segment that starts at `start` ends, or `nil` when more input
  /// is needed to tell (only when `isFinal` is false): after the last line
  /// break within ``segmentSize`` bytes; failing that, in a longer line,
  /// after the last character no table key holds (an ASCII byte other than a
  /// letter, or 。！；) in the second half of the window; failing that, at
  /// the window's last character boundary. Looks at most ``segmentSize``
  /// bytes, so cutting a long input costs linear time.
  static func segmentEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) -> Int? {
    let available = bytes.count - start
    if available <= segmentSize {
      if isFinal { return bytes.count }
      var i = bytes.count
      while i > start {
        if bytes[i - 1] == 0x0A { return i }
        i -= 1
      }
      return nil
    }
    let limit = start + segmentSize
    var i = limit
    while i > start {
      if bytes[i - 1] == 0x0A { return i }
      i -= 1
    }
    i = limit
    let half = start + segmentSize / 2
    while i > half {
      let byte = bytes[i - 1]
      if byte < 0x80 && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) { return i }
      // 。 E3 80 82, ！ EF BC 81, ； EF BC 9B
      if i - 3 >= start {
        let a = bytes[i - 3], b = bytes[i - 2]
        if (a == 0xE3 && b == 0x80 && byte == 0x82) || (a == 0xEF && b == 0xBC && (byte == 0x81 || byte == 0x9B)) {
          return i
        }
      }
      i -= 1
    }
    i = limit
    while i > start + 1 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
    return i
  }

  /// Normalizes one segment (whole lines, or a piece of a line that no key
  /// spans) into `builder`.
  ///
  /// The fast path: `t2s` and the way back on the converter's fast path; a
  /// segment or line that comes back as it was has nothing to decide. A line
  /// that does not is analysed step by step only around its differences.
  func process(_ segment: UnsafeBufferPointer<UInt8>, at base: Int, into builder: inout NormalizationBuilder) {
    // The builder's buffers, reused from segment to segment.
    var middle = builder.takeScratch()
    var back = builder.takeScratch()
    defer {
      builder.returnScratch(middle)
      builder.returnScratch(back)
    }
    // Valid UTF-8 (checked by the caller), so the conversions cannot throw.
    try? toSimplified.convert(utf8: UnsafeRawBufferPointer(segment), appendingTo: &middle)
    if let fromSimplified {
      middle.withUnsafeBytes { try? fromSimplified.convert(utf8: $0, appendingTo: &back) }
    } else {
      swap(&middle, &back)
    }
    back.withUnsafeBufferPointer { back in
      if Self.bytesEqual(back, segment) {
        builder.addUnchanged(segment)
        return
      }
      // Line by line: no key holds a line break, so the round trip has the
      // same lines, and only the lines it changes need the slow analysis.
      var start = 0
      var backStart = 0
      while start < segment.count {
        let end = Self.lineEnd(in: segment, from: start)
        let backEnd = Self.lineEnd(in: back, from: backStart)
        let line = UnsafeBufferPointer(rebasing: segment[start..<end])
        let backLine = UnsafeBufferPointer(rebasing: back[backStart..<backEnd])
        if Self.bytesEqual(backLine, line) {
          builder.addUnchanged(line)
        } else {
          processDifferences(line, roundTrip: backLine, at: base + start, segment: segment, segmentBase: base, into: &builder)
        }
        start = end
        backStart = backEnd
      }
    }
    builder.endSegment(segment, at: base)
  }

  /// Context analysed on each side of a difference, in characters: more than
  /// the longest table key (33), so every phrase that can touch a difference
  /// is seen whole.
  static let margin = 40

  /// Normalizes a line whose round trip differs from it: only windows of
  /// ``margin`` characters around the differences go the slow way.
  private func processDifferences(
    _ line: UnsafeBufferPointer<UInt8>, roundTrip: UnsafeBufferPointer<UInt8>, at lineBase: Int,
    segment: UnsafeBufferPointer<UInt8>, segmentBase: Int, into builder: inout NormalizationBuilder
  ) {
    guard let windows = Self.windows(line, roundTrip) else {
      builder.add(line: line, at: lineBase, segment: segment, segmentBase: segmentBase, analysis: analyze(line))
      return
    }
    var copied = 0
    for (window, core) in windows {
      if window.lowerBound > copied { builder.addUnchanged(UnsafeBufferPointer(rebasing: line[copied..<window.lowerBound])) }
      let piece = UnsafeBufferPointer(rebasing: line[window])
      builder.add(
        line: piece, at: lineBase + window.lowerBound, segment: segment, segmentBase: segmentBase,
        analysis: analyze(piece), core: core.lowerBound - window.lowerBound..<core.upperBound - window.lowerBound)
      copied = window.upperBound
    }
    if copied < line.count { builder.addUnchanged(UnsafeBufferPointer(rebasing: line[copied...])) }
  }

  /// The windows to analyse in `line` and, in each, the core (from the first
  /// difference to the end of the last): differences closer than two margins
  /// share a window. `nil` when the round trip changed a character's length
  /// (the whole line is analysed then).
  static func windows(
    _ line: UnsafeBufferPointer<UInt8>, _ roundTrip: UnsafeBufferPointer<UInt8>
  ) -> [(window: Range<Int>, core: Range<Int>)]? {
    guard line.count == roundTrip.count else { return nil }
    var starts: [Int] = []
    var differences: [Int] = []
    var i = 0
    while i < line.count {
      let length = utf8Length(line[i])
      guard length == utf8Length(roundTrip[i]), i + length <= line.count else { return nil }
      var same = true
      for k in i..<i + length where line[k] != roundTrip[k] { same = false }
      if !same { differences.append(starts.count) }
      starts.append(i)
      i += length
    }
    starts.append(line.count)
    var result: [(window: Range<Int>, core: Range<Int>)] = []
    var k = 0
    while k < differences.count {
      let first = differences[k]
      var last = first
      while k + 1 < differences.count && differences[k + 1] - last <= 2 * margin {
        k += 1
        last = differences[k]
      }
      k += 1
      let low = max(0, first - margin)
      let high = min(starts.count - 1, last + 1 + margin)
      result.append((starts[low]..<starts[high], starts[first]..<starts[last + 1]))
    }
    return result
  }

  private static func utf8Length(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The end of the line that starts at `start` (after its line break).
  private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
    guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
  }

  /// Whether two byte ranges are equal (`memcmp`).
  static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// The round trip and the variant conversion of one line.
  private func analyze(_ line: UnsafeBufferPointer<UInt8>) -> LineAnalysis {
    let roundTrip = ComposedAlignment(line, first: toSimplified.matcher, second: fromSimplified?.matcher)
    guard let first = variants.first else {
      return LineAnalysis(roundTrip: roundTrip, variantText: [], variantBlocks: [])
    }
    // Where the variant tables leave the line as it is (most lines), no
    // difference is a variant form: skip their step-by-step alignment.
    var variantText: [UInt8] = []
    try? first.convert(utf8: UnsafeRawBufferPointer(line), appendingTo: &variantText)
    if variants.count > 1 {
      var second: [UInt8] = []
      variantText.withUnsafeBytes { try? variants[1].convert(utf8: $0, appendingTo: &second) }
      variantText = second
    }
    if variantText.withUnsafeBufferPointer({ Self.bytesEqual($0, line) }) {
      return LineAnalysis(roundTrip: roundTrip, variantText: [], variantBlocks: [])
    }
    let variant = ComposedAlignment(line, first: first.matcher, second: variants.count > 1 ? variants[1].matcher : nil)
    return LineAnalysis(roundTrip: roundTrip, variantText: variant.output, variantBlocks: variant.blocks)
  }
}

/// What the tables make of one line, for ``NormalizationBuilder``.
struct LineAnalysis {
  /// input → Simplified → target.
  var roundTrip: ComposedAlignment
  /// The line converted by the variant tables alone.
  var variantText: [UInt8]
  /// The variant conversion's blocks, in order (their inputs cover the line).
  var variantBlocks: [ComposedAlignment.Block]

  /// The variant conversion of `input` (a range of the line), when its blocks
  /// start and end exactly there.
  func variant(of input: Range<Int>) -> ArraySlice<UInt8>? {
    // The block that starts at input.lowerBound, by binary search.
    var low = 0
    var high = variantBlocks.count
    while low < high {
      let middle = (low + high) / 2
      if variantBlocks[middle].input.lowerBound < input.lowerBound { low = middle + 1 } else { high = middle }
    }
    guard low < variantBlocks.count, variantBlocks[low].input.lowerBound == input.lowerBound else { return nil }
    // Walk the variant blocks until they reach the end of `input`.
    var index = low
    while index < variantBlocks.count {
      let block = variantBlocks[index]
      if block.input.upperBound == input.upperBound {
        return variantText[variantBlocks[low].output.lowerBound..<block.output.upperBound]
      }
      if block.input.upperBound > input.upperBound { return nil }
      index += 1
    }
    return nil
  }
}
