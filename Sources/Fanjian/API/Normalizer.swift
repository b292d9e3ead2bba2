/// Makes text consistent in one standard with the fewest edits: repairs
/// mixed, half-converted text.
///
/// Text that went through a character-by-character converter, or was edited
/// by several hands, mixes scripts and standards: Simplified characters left
/// in Traditional text (对标, 相当于), Traditional forms where the word keeps
/// the plain character (紮克伯格, 隻是), missed context forms (關系), and the
/// variant forms of several standards (爲 and 為). A normalizer fixes exactly
/// these and keeps every character that is already right for the target:
///
/// ```swift
/// let normalizer = try Normalizer(target: .taiwan)
/// let result = normalizer.normalize("小紮隻是对标了他們的産品")
/// result.text        // "小扎只是對標了他們的產品"
/// result.changes[0]  // 紮 → 扎 (over-conversion, decided by the phrase 小扎), at 1:2
/// ```
///
/// How it decides. The text is sent round the tables, `t2s` and then `s2t`,
/// `s2tw` or `s2hk` (for a Simplified target, `t2s` alone), step by step, so
/// it is known for every character whether a multi-character phrase or only
/// the character's own default produced it. Where the round trip differs from
/// the input, in this order:
/// 1. **variant form**: the regional variant tables (`tw2t`, `hk2t`, `t2tw`,
///    `t2hk`) give the same result as the round trip: 爲 → 為 for Taiwan;
/// 2. **leftover**: a character of the other script, one that converting
///    into the target changes by default and converting out of it leaves
///    (将 or 于 in Traditional text; any Traditional character in Simplified
///    text);
/// 3. a phrase decided it in the direction of the target: **over-conversion**
///    when the phrase keeps the plain character (紮 → 扎 in 扎克伯格), **context
///    form** otherwise (系 → 係 in 關係, 盡 → 儘 in 儘管);
/// 4. **variant form** again: a character the tables into the target never
///    write at all (麽, where t, Taiwan and Hong Kong all write 麼);
/// 5. otherwise only a character's default disagrees with the author, who
///    wrote a valid character of the target (乾 where the default says 幹):
///    the author's character stays.
///
/// A shared character such as 后 or 里, which Traditional text writes only in
/// some words (皇后, 公里), is kept where a phrase of the tables keeps it and
/// converted elsewhere, like any Simplified character.
///
/// A normalizer is immutable and `Sendable`. Normalizing runs four
/// conversions on the converter's slow, step-by-step path (a few table
/// lookups and appends per character), so it is much slower than
/// ``Converter/convert(_:)``; it has no benchmark yet. Text is processed a
/// line at a time, so working memory stays proportional to the longest line
/// (plus the output and the changes).
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
    var builder = NormalizationBuilder(target: target, inventory: .builtIn, evidence: FormEvidence.forStandard(target))
    var start = 0
    // No table key spans a line break, so lines can go one at a time.
    while start < input.count {
      var end = start
      while end < input.count && input[end] != 0x0A { end += 1 }
      if end < input.count { end += 1 }
      let line = UnsafeBufferPointer(rebasing: input[start..<end])
      builder.add(line: line, at: start, whole: input, analysis: analyze(line))
      start = end
    }
    return builder.finish()
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
