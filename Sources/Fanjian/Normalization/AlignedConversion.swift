/// A table conversion recorded step by step, for analysis: which input bytes
/// became which output bytes, and whether a phrase decided it.
///
/// Built from ``TableMatcher/step(at:in:end:)``, so it is exactly what the
/// conversion loop does, at the speed of the slow path (a table lookup and an
/// append per character). A step whose key and value have the same number of
/// characters (nearly every phrase: 头发 → 頭髮) is split into one piece per
/// character, so the alignment is character by character wherever it can be.
struct AlignedConversion {
  /// One character (or one phrase whose value has another length).
  struct Piece {
    /// The bytes it covers in the conversion's input.
    var input: Range<Int>
    /// The bytes it became in the conversion's output.
    var output: Range<Int>
    /// Whether a multi-character key matched (its context decided).
    var isPhrase: Bool
    /// The output of the whole step the piece belongs to (the phrase's value,
    /// or the piece itself).
    var step: Range<Int>
  }

  /// The converted bytes.
  var output: [UInt8]
  /// The pieces, in order; together they cover the input and the output.
  var pieces: [Piece]

  /// Converts `input[range]` with `matcher`; offsets in the pieces count from
  /// `range.lowerBound` of `input` and from the start of `output`.
  ///
  /// Invalid UTF-8 is copied a byte at a time (callers pass valid text).
  init(_ matcher: TableMatcher, _ input: UnsafeBufferPointer<UInt8>) {
    (output, pieces) = Self.steps(matcher, input)
  }

  /// The conversion and its pieces, built with no allocation per character.
  private static func steps(_ matcher: TableMatcher, _ input: UnsafeBufferPointer<UInt8>) -> ([UInt8], [Piece]) {
    var out: [UInt8] = []
    out.reserveCapacity(input.count + input.count / 8)
    var list: [Piece] = []
    list.reserveCapacity(input.count / 2)
    guard let p = input.baseAddress else { return (out, list) }
    let end = input.count
    var i = 0
    while i < end {
      guard let step = matcher.step(at: i, in: p, end: end) else {
        list.append(Piece(input: i..<i + 1, output: out.count..<out.count + 1, isPhrase: false, step: out.count..<out.count + 1))
        out.append(p[i])
        i += 1
        continue
      }
      let start = out.count
      let source = step.replacement ?? UnsafeBufferPointer(start: p + i, count: step.length)
      // One character (the usual step): one piece, no counting.
      if !step.isPhrase && step.length == Self.scalarLength(p[i]) {
        if let first = source.first, source.count == Self.scalarLength(first) {
          for byte in source { out.append(byte) }
          let whole = start..<out.count
          list.append(Piece(input: i..<i + step.length, output: whole, isPhrase: false, step: whole))
          i += step.length
          continue
        }
      }
      out.append(contentsOf: source)
      let whole = start..<out.count
      let key = p + i
      let keyCount = Self.scalarCount(key, count: step.length)
      let valueCount = out.withUnsafeBufferPointer { Self.scalarCount($0.baseAddress! + start, count: whole.count) }
      if keyCount == valueCount && keyCount > 1 {
        out.withUnsafeBufferPointer { buffer in
          let value = buffer.baseAddress! + start
          var k = 0
          var v = 0
          while k < step.length {
            let keyEnd = Self.nextScalar(key, after: k, count: step.length)
            let valueEnd = Self.nextScalar(value, after: v, count: whole.count)
            list.append(
              Piece(input: i + k..<i + keyEnd, output: start + v..<start + valueEnd, isPhrase: step.isPhrase, step: whole))
            k = keyEnd
            v = valueEnd
          }
        }
      } else {
        list.append(Piece(input: i..<i + step.length, output: whole, isPhrase: step.isPhrase, step: whole))
      }
      i += step.length
    }
    return (out, list)
  }

  /// The length of the UTF-8 sequence that `lead` starts.
  @inline(__always)
  static func scalarLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// How many scalars start in `p[..<count]`.
  static func scalarCount(_ p: UnsafePointer<UInt8>, count: Int) -> Int {
    var scalars = 0
    for k in 0..<count where p[k] & 0xC0 != 0x80 { scalars += 1 }
    return scalars
  }

  /// Where the scalar after the one starting at `k` starts (or `count`).
  static func nextScalar(_ p: UnsafePointer<UInt8>, after k: Int, count: Int) -> Int {
    var next = k + 1
    while next < count && p[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }
}

/// Two conversions run one after the other (input → middle → output), cut
/// into the smallest blocks that both agree on.
///
/// A block ends where a piece of the first conversion and a piece of the
/// second end at the same place in the middle text; with character-by-character
/// pieces on both sides (the usual case) every block is one character.
struct ComposedAlignment {
  /// One block of the input and what each conversion made of it.
  struct Block {
    /// The bytes it covers in the input.
    var input: Range<Int>
    /// What the first conversion made of it.
    var middle: Range<Int>
    /// What the second conversion made of that.
    var output: Range<Int>
    /// Whether a phrase decided any part of it in the first conversion.
    var firstIsPhrase: Bool
    /// Whether a phrase decided any part of it in the second conversion.
    var secondIsPhrase: Bool
    /// The whole output of the second conversion's steps it belongs to (the
    /// phrase that decided, in the output's form); with no second conversion,
    /// the first conversion's.
    var secondStep: Range<Int>
  }

  /// The middle text.
  var middle: [UInt8]
  /// The output text.
  var output: [UInt8]
  /// The blocks, in order; together they cover input, middle and output.
  var blocks: [Block]

  /// Runs `first` over `input`, then `second` (if any) over the result.
  init(_ input: UnsafeBufferPointer<UInt8>, first: TableMatcher, second: TableMatcher?) {
    let a = AlignedConversion(first, input)
    middle = a.output
    guard let second else {
      output = a.output
      blocks = a.pieces.map {
        Block(input: $0.input, middle: $0.output, output: $0.output, firstIsPhrase: $0.isPhrase, secondIsPhrase: false, secondStep: $0.step)
      }
      return
    }
    let b = a.output.withUnsafeBufferPointer { AlignedConversion(second, $0) }
    output = b.output
    blocks = Self.compose(a.pieces, b.pieces)
  }

  /// Cuts two piece lists that meet in a middle text into common blocks.
  static func compose(_ first: [AlignedConversion.Piece], _ second: [AlignedConversion.Piece]) -> [Block] {
    var blocks: [Block] = []
    blocks.reserveCapacity(min(first.count, second.count))
    var i = 0
    var j = 0
    var inputStart = 0
    var middleStart = 0
    var outputStart = 0
    while i < first.count || j < second.count {
      var block = Block(
        input: inputStart..<inputStart, middle: middleStart..<middleStart, output: outputStart..<outputStart,
        firstIsPhrase: false, secondIsPhrase: false, secondStep: outputStart..<outputStart)
      var reachedByFirst = middleStart
      var reachedBySecond = middleStart
      var tookFirst = false
      var tookSecond = false
      var stepLow = Int.max
      var stepHigh = Int.min
      while !(tookFirst && tookSecond && reachedByFirst == reachedBySecond) {
        let canTakeFirst = i < first.count
        let canTakeSecond = j < second.count
        if canTakeFirst && (reachedByFirst <= reachedBySecond || !canTakeSecond) {
          let piece = first[i]
          i += 1
          tookFirst = true
          reachedByFirst = piece.output.upperBound
          block.input = block.input.lowerBound..<piece.input.upperBound
          block.firstIsPhrase = block.firstIsPhrase || piece.isPhrase
        } else if canTakeSecond {
          let piece = second[j]
          j += 1
          tookSecond = true
          reachedBySecond = piece.input.upperBound
          block.output = block.output.lowerBound..<piece.output.upperBound
          block.secondIsPhrase = block.secondIsPhrase || piece.isPhrase
          stepLow = min(stepLow, piece.step.lowerBound)
          stepHigh = max(stepHigh, piece.step.upperBound)
        } else {
          break
        }
      }
      block.middle = middleStart..<max(reachedByFirst, reachedBySecond)
      if stepLow <= stepHigh { block.secondStep = stepLow..<stepHigh }
      blocks.append(block)
      inputStart = block.input.upperBound
      middleStart = block.middle.upperBound
      outputStart = block.output.upperBound
    }
    return blocks
  }
}
