extension TableMatcher {
  /// What the table does at one position: the slow, inspectable twin of the
  /// conversion loop, for analysis (offset maps, normalization reports).
  struct Step {
    /// How many input bytes this step covers (one character, or a whole key).
    var length: Int
    /// The replacement bytes, or `nil` when the input is copied unchanged.
    var replacement: UnsafeBufferPointer<UInt8>?
    /// Whether a multi-character key matched (the context decided), rather
    /// than a single character's own entry.
    var isPhrase: Bool
  }

  /// The step the conversion loop takes at byte `i` of valid UTF-8 `p[..<end]`.
  ///
  /// Converting with `convert(_:isFinal:into:)` is exactly the concatenation
  /// of these steps taken from the start; `nil` means the bytes at `i` are not
  /// valid UTF-8.
  func step(at i: Int, in p: UnsafePointer<UInt8>, end: Int) -> Step? {
    let (scalar, length) = UTF8Scanner.decode(p, at: i, end: end)
    guard length > 0 else { return nil }
    let entry = scalar < 0x10000 ? charEntries[Int(scalar)] : (astralEntries[scalar] ?? 0)
    if entry & Self.startsPhraseBit != 0,
      let phrase = phraseMatch(at: i, firstLength: length, in: p, end: end)
    {
      return Step(
        length: Int(phrase.keyLength),
        replacement: UnsafeBufferPointer(start: values + Int(phrase.valueOffset), count: Int(phrase.valueLength)),
        isPhrase: true)
    }
    let (valueOffset, valueLength) = singleValue(entry)
    guard valueLength > 0 else { return Step(length: length, replacement: nil, isPhrase: false) }
    return Step(
      length: length, replacement: UnsafeBufferPointer(start: values + valueOffset, count: valueLength),
      isPhrase: false)
  }
}
