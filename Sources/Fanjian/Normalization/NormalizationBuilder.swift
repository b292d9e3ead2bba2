/// Assembles a ``NormalizationResult`` line by line: decides each difference
/// between a line and its round trip, writes the output, the changes and the
/// offset map.
struct NormalizationBuilder {
  let target: Standard
  let inventory: CharacterInventory
  private var output: [UInt8] = []
  private var changes: [NormalizationResult.Change] = []
  private var offsets = OffsetMap.Builder()
  private var tracker = PositionTracker()

  init(target: Standard, inventory: CharacterInventory) {
    self.target = target
    self.inventory = inventory
  }

  /// Adds one line (with its line break), which starts at `base` in `whole`.
  mutating func add(
    line: UnsafeBufferPointer<UInt8>, at base: Int, whole: UnsafeBufferPointer<UInt8>, analysis: LineAnalysis
  ) {
    let roundTrip = analysis.roundTrip
    var copied = 0
    for block in roundTrip.blocks {
      let original = line[block.input]
      let candidate = roundTrip.output[block.output]
      guard !original.elementsEqual(candidate),
        let (reason, phrase) = decide(block, original: original, candidate: candidate, analysis: analysis)
      else { continue }
      copy(line, from: copied, to: block.input.lowerBound)
      copied = block.input.upperBound
      let position = tracker.position(of: base + block.input.lowerBound, in: whole)
      let outputStart = output.count
      output.append(contentsOf: candidate)
      offsets.replace(
        inputBytes: original.count, inputScalars: Self.scalarCount(original),
        outputBytes: candidate.count, outputScalars: Self.scalarCount(candidate))
      let inputRange = base + block.input.lowerBound..<base + block.input.upperBound
      if var last = changes.last, last.input.upperBound == inputRange.lowerBound, last.reason == reason,
        last.phrase == phrase
      {
        last.original += String(decoding: original, as: UTF8.self)
        last.replacement += String(decoding: candidate, as: UTF8.self)
        last.input = last.input.lowerBound..<inputRange.upperBound
        last.output = last.output.lowerBound..<output.count
        changes[changes.count - 1] = last
      } else {
        changes.append(
          NormalizationResult.Change(
            original: String(decoding: original, as: UTF8.self), replacement: String(decoding: candidate, as: UTF8.self),
            reason: reason, phrase: phrase, position: position, input: inputRange, output: outputStart..<output.count))
      }
    }
    copy(line, from: copied, to: line.count)
  }

  /// The result, once every line was added.
  func finish() -> NormalizationResult {
    NormalizationResult(text: String(decoding: output, as: UTF8.self), changes: changes, offsets: offsets.map)
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
    offsets.copy(bytes: bytes.count, scalars: Self.scalarCount(bytes))
  }

  static func scalarCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}
