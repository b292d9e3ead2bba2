/// Where each part of a conversion's output came from in its input, and back.
///
/// A conversion replaces some spans of the input and copies everything else.
/// An offset map records only the replaced spans whose length changes in
/// UTF-8 bytes or in Unicode scalars (a 漢 for a 汉 shifts nothing), so it
/// stays small; between them, offsets move by a constant amount.
///
/// ```swift
/// let converter = try Converter(.s2t)
/// let (text, map) = converter.convertWithOffsets("A😀汉字")
/// map.outputOffset(forInput: 5)                          // 5: 汉 starts at byte 5 in both
/// map.inputOffset(forOutput: 3, in: .unicodeScalars)     // 3
/// ```
///
/// Offsets are counted from 0, in the ``Unit`` you ask for. An offset inside a
/// replaced span (a multi-character phrase whose value has another length)
/// has no exact counterpart: a single offset maps to the span's start, and a
/// range is widened to cover whole spans, so `outputRange(forInput:)` always
/// covers everything that came from the input range. Offsets at span
/// boundaries and in copied text round-trip exactly:
/// `inputOffset(forOutput: outputOffset(forInput: x)) == x`.
///
/// Lookups are binary searches: O(log n) in the number of recorded spans.
public struct OffsetMap: Sendable, Equatable {
  /// The unit offsets are counted in.
  public enum Unit: String, Sendable, CaseIterable, Codable {
    /// UTF-8 bytes (Swift's `String.UTF8View`, file offsets).
    case utf8
    /// Unicode scalars (code points, as most editors count columns).
    case unicodeScalars
  }

  /// One replaced span whose length differs between input and output.
  public struct Span: Sendable, Equatable, Hashable {
    /// The span in the input, in UTF-8 bytes.
    public var input: Range<Int>
    /// The span in the output, in UTF-8 bytes.
    public var output: Range<Int>
    /// The span in the input, in Unicode scalars.
    public var inputScalars: Range<Int>
    /// The span in the output, in Unicode scalars.
    public var outputScalars: Range<Int>

    /// Makes a span from its four ranges.
    public init(input: Range<Int>, output: Range<Int>, inputScalars: Range<Int>, outputScalars: Range<Int>) {
      self.input = input
      self.output = output
      self.inputScalars = inputScalars
      self.outputScalars = outputScalars
    }

    func input(in unit: Unit) -> Range<Int> { unit == .utf8 ? input : inputScalars }
    func output(in unit: Unit) -> Range<Int> { unit == .utf8 ? output : outputScalars }
  }

  /// The spans whose length changed, in input (and output) order.
  public private(set) var spans: [Span]
  /// The input's length in UTF-8 bytes.
  public private(set) var inputLength: Int
  /// The output's length in UTF-8 bytes.
  public private(set) var outputLength: Int
  /// The input's length in Unicode scalars.
  public private(set) var inputScalarCount: Int
  /// The output's length in Unicode scalars.
  public private(set) var outputScalarCount: Int

  /// The map of a conversion that copied `utf8Length` bytes (`scalarCount`
  /// scalars) unchanged.
  public init(identityOver utf8Length: Int = 0, scalarCount: Int = 0) {
    spans = []
    inputLength = utf8Length
    outputLength = utf8Length
    inputScalarCount = scalarCount
    outputScalarCount = scalarCount
  }

  /// Whether the output has every character at the same offset as the input.
  public var isUniform: Bool { spans.isEmpty && inputLength == outputLength }

  // MARK: - Lookups

  /// The output offset of input offset `offset`; see the type's notes for
  /// offsets inside a replaced span.
  public func outputOffset(forInput offset: Int, in unit: Unit = .utf8) -> Int {
    Self.map(offset, spans: spans, from: { $0.input(in: unit) }, to: { $0.output(in: unit) }, upper: false)
  }

  /// The input offset of output offset `offset`.
  public func inputOffset(forOutput offset: Int, in unit: Unit = .utf8) -> Int {
    Self.map(offset, spans: spans, from: { $0.output(in: unit) }, to: { $0.input(in: unit) }, upper: false)
  }

  /// The output range that came from input range `range`, widened to whole
  /// replaced spans.
  public func outputRange(forInput range: Range<Int>, in unit: Unit = .utf8) -> Range<Int> {
    let lower = Self.map(range.lowerBound, spans: spans, from: { $0.input(in: unit) }, to: { $0.output(in: unit) }, upper: false)
    let upper = Self.map(range.upperBound, spans: spans, from: { $0.input(in: unit) }, to: { $0.output(in: unit) }, upper: true)
    return lower..<max(lower, upper)
  }

  /// The input range that output range `range` came from, widened to whole
  /// replaced spans.
  public func inputRange(forOutput range: Range<Int>, in unit: Unit = .utf8) -> Range<Int> {
    let lower = Self.map(range.lowerBound, spans: spans, from: { $0.output(in: unit) }, to: { $0.input(in: unit) }, upper: false)
    let upper = Self.map(range.upperBound, spans: spans, from: { $0.output(in: unit) }, to: { $0.input(in: unit) }, upper: true)
    return lower..<max(lower, upper)
  }

  /// Maps `x` through the spans: inside a span to its start (or its end when
  /// `upper`), elsewhere by the shift the spans before it add up to.
  private static func map(
    _ x: Int, spans: [Span], from: (Span) -> Range<Int>, to: (Span) -> Range<Int>, upper: Bool
  ) -> Int {
    // The first span that ends after x.
    var low = 0
    var high = spans.count
    while low < high {
      let middle = (low + high) / 2
      if from(spans[middle]).upperBound <= x { low = middle + 1 } else { high = middle }
    }
    if low < spans.count, from(spans[low]).lowerBound < x {
      return upper ? to(spans[low]).upperBound : to(spans[low]).lowerBound
    }
    guard low > 0 else { return x }
    let previous = spans[low - 1]
    return x + to(previous).upperBound - from(previous).upperBound
  }

  // MARK: - Building

  /// Accumulates a map while a conversion walks its input from the start.
  struct Builder {
    private(set) var map = OffsetMap()

    /// Records `inputBytes` (with `inputScalars` scalars) copied unchanged.
    mutating func copy(bytes: Int, scalars: Int) {
      map.inputLength += bytes
      map.outputLength += bytes
      map.inputScalarCount += scalars
      map.outputScalarCount += scalars
    }

    /// Records a replacement; a span is kept only when a length changes.
    mutating func replace(inputBytes: Int, inputScalars: Int, outputBytes: Int, outputScalars: Int) {
      if inputBytes != outputBytes || inputScalars != outputScalars {
        map.spans.append(
          Span(
            input: map.inputLength..<map.inputLength + inputBytes,
            output: map.outputLength..<map.outputLength + outputBytes,
            inputScalars: map.inputScalarCount..<map.inputScalarCount + inputScalars,
            outputScalars: map.outputScalarCount..<map.outputScalarCount + outputScalars))
      }
      map.inputLength += inputBytes
      map.outputLength += outputBytes
      map.inputScalarCount += inputScalars
      map.outputScalarCount += outputScalars
    }
  }
}
