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
///   (the threshold moves from odds of 1 : 3,000 against the author's form
///   in clean text to 2.7 : 1 in its favour in converted text). So 齣 outside
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
  /// segment or line that comes back as it was has nothing to decide.
  func process(_ segment: UnsafeBufferPointer<UInt8>, at base: Int, into builder: inout NormalizationBuilder) {
    var middle: [UInt8] = []
    middle.reserveCapacity(segment.count + 64)
    // Valid UTF-8 (checked by the caller), so the conversions cannot throw.
    try? toSimplified.convert(utf8: UnsafeRawBufferPointer(segment), appendingTo: &middle)
    var back: [UInt8]
    if let fromSimplified {
      back = []
      back.reserveCapacity(segment.count + 64)
      middle.withUnsafeBytes { try? fromSimplified.convert(utf8: $0, appendingTo: &back) }
    } else {
      back = middle
    }
    if back.elementsEqual(segment) {
      builder.addUnchanged(segment)
      builder.endSegment(segment, at: base)
      return
    }
    // Line by line: no key holds a line break, so the round trip has the
    // same lines, and only the lines it changes need the slow analysis.
    back.withUnsafeBufferPointer { back in
      var start = 0
      var backStart = 0
      while start < segment.count {
        var end = start
        while end < segment.count && segment[end] != 0x0A { end += 1 }
        if end < segment.count { end += 1 }
        var backEnd = backStart
        while backEnd < back.count && back[backEnd] != 0x0A { backEnd += 1 }
        if backEnd < back.count { backEnd += 1 }
        let line = UnsafeBufferPointer(rebasing: segment[start..<end])
        if UnsafeBufferPointer(rebasing: back[backStart..<backEnd]).elementsEqual(line) {
          builder.addUnchanged(line)
        } else {
          builder.add(line: line, at: base + start, segment: segment, segmentBase: base, analysis: analyze(line))
        }
        start = end
        backStart = backEnd
      }
    }
    builder.endSegment(segment, at: base)
  }

  /// The round trip and the variant conversion of one line.
  private func analyze(_ line: UnsafeBufferPointer<UInt8>) -> LineAnalysis {
    let roundTrip = ComposedAlignment(line, first: toSimplified.matcher, second: fromSimplified?.matcher)
    var variantOutputs: [Int: Range<Int>] = [:]
    var variantText: [UInt8] = []
    if let first = variants.first {
      let variant = ComposedAlignment(line, first: first.matcher, second: variants.count > 1 ? variants[1].matcher : nil)
      variantText = variant.output
      for block in variant.blocks { variantOutputs[block.input.lowerBound] = block.output }
      // A sentinel so that a block ending at the line's end finds its end.
      variantOutputs[line.count] = variant.output.count..<variant.output.count
    }
    return LineAnalysis(roundTrip: roundTrip, variantText: variantText, variantOutputs: variantOutputs)
  }
}

/// What the tables make of one line, for ``NormalizationBuilder``.
struct LineAnalysis {
  /// input → Simplified → target.
  var roundTrip: ComposedAlignment
  /// The line converted by the variant tables alone.
  var variantText: [UInt8]
  /// For each block start in the line, the variant conversion's output for
  /// that block (only where the variant conversion has a block boundary).
  var variantOutputs: [Int: Range<Int>]

  /// The variant conversion of `input` (a range of the line), when its blocks
  /// start and end exactly there.
  func variant(of input: Range<Int>) -> ArraySlice<UInt8>? {
    guard let first = variantOutputs[input.lowerBound] else { return nil }
    var end = first.upperBound
    var position = input.lowerBound
    // Walk the variant blocks until they reach the end of `input`.
    while true {
      guard let output = variantOutputs[position] else { return nil }
      end = output.upperBound
      guard let next = nextBlockStart(after: position, limit: input.upperBound) else { return nil }
      if next == input.upperBound { break }
      position = next
    }
    return variantText[first.lowerBound..<end]
  }

  private func nextBlockStart(after position: Int, limit: Int) -> Int? {
    var candidate = position + 1
    while candidate <= limit {
      if variantOutputs[candidate] != nil { return candidate }
      candidate += 1
    }
    return nil
  }
}
