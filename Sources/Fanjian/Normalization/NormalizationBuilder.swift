/// Assembles a normalization segment by segment (a segment is a run of
/// whole lines, or a piece of a very long line cut where no table key can
/// span): decides each difference between a line and its round trip, writes
/// the output and, when asked, the changes and the offset map.
///
/// Output and changes can be taken out as they are made
/// (``takeOutput(into:)``, ``takeChanges()``), so a stream holds only what
/// one segment produces; the document's trust carries over.
struct NormalizationBuilder {
  /// What to record besides the text.
  enum Recording {
    /// The text only (`normalize` writing text).
    case text
    /// The text and the changes with their positions (`check`, reports).
    case changes
    /// Everything, including the offset map of a whole result.
    case everything
  }

  let target: Standard
  let inventory: CharacterInventory
  /// How the target's people write one-to-many forms (Taiwan, Hong Kong).
  let evidence: FormEvidence?
  let recording: Recording
  /// What the text so far says about its origin.
  private(set) var trust = DocumentTrust()
  private var output: [UInt8] = []
  /// Output bytes already taken out.
  private var emitted = 0
  private var changes: [NormalizationResult.Change] = []
  private var offsets = OffsetMap.Builder()
  private var tracker = PositionTracker()
  /// Byte buffers lent to ``Normalizer`` for a segment's round trip.
  private var scratch: [[UInt8]] = []

  init(target: Standard, inventory: CharacterInventory, evidence: FormEvidence? = nil, recording: Recording = .everything) {
    self.target = target
    self.inventory = inventory
    self.evidence = evidence.flatMap { $0.isEmpty ? nil : $0 }
    self.recording = recording
  }

  /// An empty buffer (with the capacity of an earlier one, if any).
  mutating func takeScratch() -> [UInt8] {
    scratch.popLast() ?? []
  }

  /// Gives a buffer back for the next segment.
  mutating func returnScratch(_ buffer: [UInt8]) {
    var buffer = buffer
    buffer.removeAll(keepingCapacity: true)
    scratch.append(buffer)
  }

  /// Copies a line (or segment) whose round trip is the line itself: nothing
  /// to decide.
  mutating func addUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) {
    trust.add(marks: 0, han: Self.hanEstimate(bytes))
    output.append(contentsOf: bytes)
    if recording == .everything { offsets.copy(bytes: bytes.count, scalars: Self.scalarCount(bytes)) }
  }

  /// Ends a segment that starts at `base` in the whole input: positions of
  /// later changes count its lines.
  mutating func endSegment(_ segment: UnsafeBufferPointer<UInt8>, at base: Int) {
    guard recording != .text else { return }
    tracker.skip(to: base + segment.count, in: segment, base: base)
  }

  /// Moves the output made so far to the end of `destination`.
  mutating func takeOutput(into destination: inout [UInt8]) {
    destination.append(contentsOf: output)
    emitted += output.count
    output.removeAll(keepingCapacity: true)
  }

  /// The changes made since the last call.
  mutating func takeChanges() -> [NormalizationResult.Change] {
    defer { changes.removeAll(keepingCapacity: true) }
    return changes
  }

  /// Adds one line (with its line break), which starts at `base` in the
  /// whole input and lies in `segment`, which starts at `segmentBase`.
  ///
  /// With a `core` (a range of `line`), only the blocks that overlap it are
  /// decided: the rest of `line` is context, copied as it is.
  mutating func add(
    line: UnsafeBufferPointer<UInt8>, at base: Int, segment: UnsafeBufferPointer<UInt8>, segmentBase: Int,
    analysis: LineAnalysis, core: Range<Int>? = nil
  ) {
    let roundTrip = analysis.roundTrip
    // First what every difference says about the text's origin, then the
    // decisions, with the trust that the line itself helped to set.
    var verdicts: [(index: Int, verdict: Verdict)] = []
    var marks = 0
    for (index, block) in roundTrip.blocks.enumerated() {
      let original = line[block.input]
      let candidate = roundTrip.output[block.output]
      guard core.map({ block.input.overlaps($0) }) ?? true, !original.elementsEqual(candidate),
        let verdict = evaluate(block, original: original, candidate: candidate, analysis: analysis)
      else { continue }
      if verdict.marksConverter { marks += 1 }
      verdicts.append((index, verdict))
    }
    trust.add(marks: marks, han: Self.hanEstimate(line))
    // Positions: the fast way to the line's start, then character by character.
    if recording != .text && !verdicts.isEmpty { tracker.skip(to: base, in: segment, base: segmentBase) }
    let threshold = trust.threshold
    let phraseWeight = Self.phraseWeight + Self.convertedPhraseWeight * trust.convertedWeight
    var copied = 0
    for (index, verdict) in verdicts {
      let odds = verdict.odds.map { $0 - Double(verdict.phraseLength) * phraseWeight }
      guard odds.map({ $0 < threshold }) ?? true else { continue }
      let block = roundTrip.blocks[index]
      let original = line[block.input]
      let candidate = roundTrip.output[block.output]
      let (reason, phrase) = (verdict.reason, verdict.phrase)
      copy(line, from: copied, to: block.input.lowerBound)
      copied = block.input.upperBound
      let outputStart = emitted + output.count
      output.append(contentsOf: candidate)
      if recording == .everything {
        offsets.replace(
          inputBytes: original.count, inputScalars: Self.scalarCount(original),
          outputBytes: candidate.count, outputScalars: Self.scalarCount(candidate))
      }
      guard recording != .text else { continue }
      let position = tracker.position(of: base + block.input.lowerBound, in: segment, base: segmentBase)
      let inputRange = base + block.input.lowerBound..<base + block.input.upperBound
      let outputEnd = emitted + output.count
      if var last = changes.last, last.input.upperBound == inputRange.lowerBound, last.reason == reason,
        last.phrase == phrase
      {
        last.original += String(decoding: original, as: UTF8.self)
        last.replacement += String(decoding: candidate, as: UTF8.self)
        last.input = last.input.lowerBound..<inputRange.upperBound
        last.output = last.output.lowerBound..<outputEnd
        changes[changes.count - 1] = last
      } else {
        changes.append(
          NormalizationResult.Change(
            original: String(decoding: original, as: UTF8.self), replacement: String(decoding: candidate, as: UTF8.self),
            reason: reason, phrase: phrase, position: position, input: inputRange, output: outputStart..<outputEnd))
      }
    }
    copy(line, from: copied, to: line.count)
  }

  /// The result, once every line was added.
  func finish() -> NormalizationResult {
    NormalizationResult(text: String(decoding: output, as: UTF8.self), changes: changes, offsets: offsets.map)
  }

  /// What one difference between the author's text and the round trip is:
  /// why it would change, and, where the evidence weighs the two forms, the
  /// log-odds of the author's form (it changes when they fall below the
  /// document's threshold; without odds, it always changes).
  struct Verdict {
    var reason: NormalizationResult.Change.Reason
    var phrase: String?
    var odds: Double?
    /// The characters beyond the first of the phrase that chose the tables'
    /// form (0 when no phrase did); each counts against the author's form.
    var phraseLength = 0
    /// Whether it shows that a converter made the text: a character of the
    /// other script, or a form the target's text (almost) never writes here.
    var marksConverter: Bool
  }

  /// Odds below this mark a form the target's text (almost) never writes in
  /// this place: 齣 in 出境, 韆 in 一千.
  static let implausible = -6.0
  /// A character of the other script that the target's text writes this
  /// often is one of its own forms.
  static let writtenByTarget = 20.0
  /// How much a phrase of the tables that chose the other form counts against
  /// the author's form, per character beyond its first, in a clean text (an
  /// author who disagrees with a phrase table is often right; a converter
  /// that does is not).
  static let phraseWeight = 1.5
  /// What a phrase counts for in addition in a converter's text.
  static let convertedPhraseWeight = 1.5
  /// How much the variant tables' choice counts against the author's shape.
  static let variantWeight = 1.0

  private func evaluate(
    _ block: ComposedAlignment.Block, original: Slice<UnsafeBufferPointer<UInt8>>, candidate: ArraySlice<UInt8>,
    analysis: LineAnalysis
  ) -> Verdict? {
    let rule = decide(block, original: original, candidate: candidate, analysis: analysis)
    guard let evidence, target.isTraditional else {
      guard let (reason, phrase) = rule else { return nil }
      return Verdict(reason: reason, phrase: phrase, odds: nil, marksConverter: reason == .leftover)
    }
    let originalScalars = Self.scalars(original)
    // A character of the other script, unless the target's own text writes
    // it (揾 in Hong Kong Cantonese): then the evidence weighs it like a form.
    if originalScalars.contains(where: {
      inventory.isSimplifiedOnly($0) && evidence.count($0) < Self.writtenByTarget
    }) {
      let phrase = rule?.1
      return Verdict(reason: .leftover, phrase: phrase, odds: nil, marksConverter: true)
    }
    let candidateScalars = Self.scalars(candidate)
    guard originalScalars.count == 1, candidateScalars.count == 1,
      ScriptDetector.isHan(originalScalars[0]), ScriptDetector.isHan(candidateScalars[0])
    else {
      guard let (reason, phrase) = rule else { return nil }
      return Verdict(reason: reason, phrase: phrase, odds: nil, marksConverter: reason == .leftover)
    }
    let roundTrip = analysis.roundTrip
    let left = Self.scalar(before: block.output.lowerBound, in: roundTrip.output)
    let right = Self.scalar(at: block.output.upperBound, in: roundTrip.output)
    var odds = evidence.logOdds(
      keeping: originalScalars[0], over: candidateScalars[0], left: left.flatMap { ScriptDetector.isHan($0) ? $0 : nil },
      right: right.flatMap { ScriptDetector.isHan($0) ? $0 : nil })
    let phraseDecided = block.secondIsPhrase
    // A phrase counts for more the longer it is (扎克伯格 more than 發佈).
    let phraseLength = phraseDecided ? max(1, Self.scalarCount(roundTrip.output[block.secondStep]) - 1) : 0
    if rule?.0 == .variantForm { odds -= Self.variantWeight }
    let phrase = phraseDecided ? String(decoding: roundTrip.output[block.secondStep], as: UTF8.self) : nil
    let reason: NormalizationResult.Change.Reason
    if let (ruleReason, _) = rule {
      reason = ruleReason
    } else {
      reason = .overConversion
    }
    return Verdict(
      reason: reason, phrase: rule?.1 ?? phrase, odds: odds, phraseLength: phraseLength,
      marksConverter: odds - Double(phraseLength) * Self.phraseWeight < Self.implausible)
  }

  /// Why `original` becomes `candidate`, or `nil` to keep the author's text.
  private func decide(
    _ block: ComposedAlignment.Block, original: Slice<UnsafeBufferPointer<UInt8>>, candidate: ArraySlice<UInt8>,
    analysis: LineAnalysis
  ) -> (NormalizationResult.Change.Reason, String?)? {
    let roundTrip = analysis.roundTrip
    let phraseDecided = target == .simplified ? block.firstIsPhrase : block.secondIsPhrase
    let phrase = phraseDecided ? String(decoding: roundTrip.output[block.secondStep], as: UTF8.self) : nil
    if target.isTraditional, let variant = analysis.variant(of: block.input), variant.elementsEqual(candidate) {
      return (.variantForm, phrase)
    }
    if String(decoding: original, as: UTF8.self).unicodeScalars.contains(where: {
      inventory.isForeign($0.value, to: target)
    }) {
      return (.leftover, phrase)
    }
    if phraseDecided {
      let middle = roundTrip.middle[block.middle]
      if target.isTraditional && candidate.elementsEqual(middle) && !original.elementsEqual(middle) {
        return (.overConversion, phrase)
      }
      return (.contextForm, phrase)
    }
    if String(decoding: original, as: UTF8.self).unicodeScalars.allSatisfy({
      inventory.isNeverWritten($0.value, by: target)
    }) {
      return (.variantForm, nil)
    }
    return nil
  }

  /// Copies `line[from..<to]` unchanged.
  private mutating func copy(_ line: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
    guard from < to else { return }
    let bytes = UnsafeBufferPointer(rebasing: line[from..<to])
    output.append(contentsOf: bytes)
    if recording == .everything { offsets.copy(bytes: bytes.count, scalars: Self.scalarCount(bytes)) }
  }

  static func scalars<C: Collection>(_ bytes: C) -> [UInt32] where C.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
  }

  /// The scalar that ends at `end` in `bytes`.
  static func scalar(before end: Int, in bytes: [UInt8]) -> UInt32? {
    guard end > 0 else { return nil }
    var start = end - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start, in: bytes)
  }

  /// The scalar that starts at `start` in `bytes`.
  static func scalar(at start: Int, in bytes: [UInt8]) -> UInt32? {
    guard start < bytes.count else { return nil }
    var end = start + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first?.value
  }

  /// About how many Han characters `line` holds: its characters from
  /// U+4000 to U+9FFF (lead bytes E4 to E9) and beyond the BMP (F0 to F4),
  /// enough for a rate. One pass the compiler can vectorize.
  static func hanEstimate(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in line {
      count &+= (byte &- 0xE4 < 6 ? 1 : 0) &+ (byte &- 0xF0 < 5 ? 1 : 0)
    }
    return count
  }

  static func scalarCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}

/// What the text normalized so far says about where it came from: a text
/// with leftovers of the other script and forms its standard never writes
/// came out of a converter, and its one-to-many choices deserve less trust
/// than an author's.
struct DocumentTrust: Sendable {
  /// Differences that showed a converter's work.
  private(set) var marks = 0
  /// Han characters seen.
  private(set) var han = 0

  mutating func add(marks: Int, han: Int) {
    self.marks += marks
    self.han += han
  }

  /// Below this log-odds, the author's form gives way to the tables' choice.
  ///
  /// A clean text keeps its author's form unless the evidence is
  /// overwhelmingly against it (odds below -8: the target writes the other
  /// form in this place some 3,000 times as often); a converter's text keeps
  /// it only where the evidence clearly favours it (odds above 1). In
  /// between, the threshold moves with the rate of marks, reaching the
  /// converter's at 30 per 10,000 Han characters (a text starts as 200
  /// unmarked characters). Tuned on the dev yardstick
  /// (scripts/normalize-yardstick).
  var threshold: Double {
    Self.clean * (1 - convertedWeight) + Self.converted * convertedWeight
  }

  /// How much the text looks converted, from 0 (clean) to 1.
  var convertedWeight: Double {
    min(1, Double(marks) / Double(han + 200) / 0.003)
  }

  static let clean = -8.0
  static let converted = 1.0
}

