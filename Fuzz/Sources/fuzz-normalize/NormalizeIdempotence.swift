import Fanjian
import FuzzSupport

let normalizers: [Normalizer] = Standard.allCases.map { target in
  do {
    return try Normalizer(target: target)
  } catch {
    finding("the normalizers load", "Normalizer(target: .\(target)) threw \(error)")
  }
}

/// Normalizing, for every target standard, and converting, for every configuration:
/// - `normalize(utf8:)` throws `invalidUTF8` at the first bad byte, else
///   gives a result whose changes are in order, inside the input, and
///   describe exactly how the input became the text;
/// - idempotence: normalize(normalize(x)) == normalize(x), and the second
///   pass lists no change (`fanjian check` is clean on normalized text);
/// - idempotence of conversion: convert(convert(x)) == convert(x), every
///   configuration, except the one known class `DoubleReading` describes (an
///   output character that is also another character's Simplified form:
///   reported, see `KnownFailures`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  KnownFailures.currentInput = UnsafeRawBufferPointer(start: start, count: count)
  let buffer = UnsafeRawBufferPointer(start: start, count: count)
  let input = Array(buffer)
  let validLength = UTF8Oracle.validPrefixLength(buffer)

  for normalizer in normalizers {
    let target = normalizer.target
    let first: NormalizationResult
    do {
      first = try normalizer.normalize(utf8: input)
    } catch {
      check(
        validLength < input.count && error == .invalidUTF8(byteOffset: validLength),
        "normalize(utf8:) throws invalidUTF8 at the first bad byte only",
        "\(target): \(error), valid prefix \(validLength) of \(describe(input))")
      continue
    }
    check(validLength == input.count, "invalid UTF-8 is refused", "\(target): \(describe(input))")
    checkChanges(first, input: input, target: target)
    let second = normalizer.normalize(first.text)
    if second.text != first.text || !second.changes.isEmpty {
      let details = "\(target): input \(describe(input))\n once  \(describe(Array(first.text.utf8)))\n twice \(describe(Array(second.text.utf8)))"
      // The same known class as conversion's (薴 → 苧 → 苎 with --to s): the
      // conversion into the target reads its own output again.
      let config: ConversionConfig
      switch target {
      case .simplified: config = .t2s
      case .traditional: config = .s2t
      case .taiwan: config = .s2tw
      case .hongKong: config = .s2hk
      }
      if DoubleReading.explains(config: config, once: Array(first.text.utf8), twice: Array(second.text.utf8))
      {
        KnownFailures.violated(
          "normalize --to \(target.rawValue) reads again a character that is also another's Simplified form: \(firstDifference(Array(first.text.utf8), Array(second.text.utf8)))",
          details)
        continue
      }
      finding(
        "normalize is idempotent",
        "\(target): input \(describe(input))\n once  \(describe(Array(first.text.utf8)))\n twice \(describe(Array(second.text.utf8)))\n second pass: \(second.changes.map { "\($0.original)→\($0.replacement) \($0.reason)" })")
    }
  }

  guard validLength == input.count else { return 0 }
  for converter in allConverters {
    let once = convertValid(converter, input, "valid UTF-8 converts")
    let twice = convertValid(converter, once, "converted text converts")
    if once == twice { continue }
    let details = "\(converter.config): input \(describe(input))\n once  \(describe(once))\n twice \(describe(twice))"
    guard DoubleReading.explains(config: converter.config, once: once, twice: twice) else {
      finding("conversion is idempotent", details)
    }
    KnownFailures.violated(
      "\(converter.config) converts again a character that is also another's Simplified form: \(firstDifference(once, twice))",
      details)
  }
  return 0
}

/// The first scalars where two conversions differ, as "X→Y", for grouping reports.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
  let x = Array(String(decoding: a, as: UTF8.self).unicodeScalars)
  let y = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
  var i = 0
  while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
  // Up to the next scalar they share again (one-for-one in nearly every case).
  var j = i + 1
  while j < min(x.count, y.count) && x[j] != y[j] { j += 1 }
  func text(_ s: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(s[min(i, s.count)..<min(j, s.count)])) }
  // One for one: name each distinct pair once (苧苧→苎苎 is 苧→苎).
  if i < min(x.count, y.count), j <= min(x.count, y.count), !x[i..<j].contains("\n") {
    var pairs: [String] = []
    for k in i..<j where x[k] != y[k] {
      let pair = "\(x[k])→\(y[k])"
      if !pairs.contains(pair) { pairs.append(pair) }
    }
    if pairs.count == 1 { return pairs[0] }
  }
  return "\(text(x))→\(text(y))"
}

/// The changes must be sorted, disjoint, inside the input, and splicing their
/// replacements into the input must give the text.
func checkChanges(_ result: NormalizationResult, input: [UInt8], target: Standard) {
  let text = Array(result.text.utf8)
  var rebuilt: [UInt8] = []
  var position = 0
  var outputPosition = 0
  let context = { "\(target): input \(describe(input))\n text \(describe(text))\n changes \(result.changes.map { "\($0.original)→\($0.replacement) in \($0.input) out \($0.output)" })" }
  for change in result.changes {
    check(
      change.input.lowerBound >= position && change.input.upperBound <= input.count,
      "changes are in order and inside the input", context())
    check(
      Array(input[change.input]) == Array(change.original.utf8), "a change's original is the input there", context())
    rebuilt += input[position..<change.input.lowerBound]
    check(change.output.lowerBound == rebuilt.count, "a change's output range starts where its text does", context())
    rebuilt += Array(change.replacement.utf8)
    check(change.output.upperBound == rebuilt.count, "a change's output range ends where its text does", context())
    check(change.original != change.replacement, "a change changes something", context())
    position = change.input.upperBound
    outputPosition = change.output.upperBound
  }
  rebuilt += input[position...]
  _ = outputPosition
  check(rebuilt == text, "the changes spliced into the input give the text", context())
  check(result.isUnchanged == (text == input), "unchanged exactly when the text is the input", context())
}
