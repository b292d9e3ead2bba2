import Fanjian
import FuzzSupport

/// User dictionaries from arbitrary text:
/// - `ConversionDictionary(parsing:)` reads the same entries (or fails on the
///   same line) as an independent byte-level reading of the documented format
///   (lines split at LF, a trailing CR and a first-line BOM dropped, `#` and
///   empty lines skipped, `key<TAB>value [alternatives…]`);
/// - errors are `malformedDictionary` naming the dictionary and a real line;
/// - a converter built with the dictionary (over a configuration picked by
///   the input's hash) converts every key to its value (the last entry for a
///   key wins), and converts the text itself, and arbitrary bytes, without
///   crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDictionary(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  KnownFailures.currentInput = UnsafeRawBufferPointer(start: start, count: count)
  let buffer = UnsafeRawBufferPointer(start: start, count: count)
  let raw = Array(buffer)
  // `parsing:` takes a String; invalid bytes become U+FFFD, as a file decoded lossily would.
  let text = String(decoding: raw, as: UTF8.self)
  let source = "fuzz.txt"
  let expected = ReferenceDictionary.parse(Array(text.utf8))
  let parsed: ConversionDictionary
  do {
    parsed = try ConversionDictionary(parsing: text, source: source)
  } catch {
    guard case .malformedDictionary(let errorSource, let line, _) = error else {
      finding("parsing throws malformedDictionary only", "\(error) for \(describe(raw))")
    }
    check(errorSource == source, "the error names the dictionary", "\(error) for \(describe(raw))")
    if case .failure(let expectedError) = expected, expectedError.line == line { return 0 }
    reportMismatch(raw, text: text, "library: error at line \(line) (\(error)); reference: \(expected)")
  }
  let entries = parsed.entries.map { ReferenceDictionary.Entry(key: Array($0.key.utf8), values: ([$0.value] + $0.alternatives).map { Array($0.utf8) }) }
  guard case .success(let expectedEntries) = expected, expectedEntries == entries else {
    reportMismatch(raw, text: text, "library: \(entries.map(\.shown)); reference: \(expected)")
  }
  check(parsed.source == source, "the dictionary keeps its source", parsed.source)

  var generator = SplitMix64(hashing: buffer)
  // Building overlays the dictionary on a whole table: three times in four
  // on one of the small variant tables (fast), else on any table.
  let small: [ConversionConfig] = [.t2tw, .t2hk, .tw2t, .hk2t]
  let config = generator.next(below: 4) < 3
    ? small[generator.next(below: small.count)]
    : ConversionConfig.allCases[generator.next(below: ConversionConfig.allCases.count)]
  // The last entry for a key wins.
  var last: [String: String] = [:]
  for entry in parsed.entries { last[entry.key] = entry.value }
  let converter: Converter
  do {
    converter = try Converter(config, dictionaries: [parsed])
  } catch {
    finding("a parsed dictionary builds a converter", "\(config): \(error) for \(describe(raw))")
  }

  // Every key converts to its value.
  for (key, value) in last.sorted(by: { $0.key < $1.key }) {
    let converted = converter.convert(key)
    if converted == value { continue }
    finding(
      "a dictionary key converts to its value",
      "\(config): key \(describe(Array(key.utf8))) → \(describe(Array(converted.utf8))), value \(describe(Array(value.utf8)))\n dictionary \(describe(raw))")
  }
  // The text itself and the raw bytes: no crash, the same validity rules.
  _ = converter.convert(text)
  var output: [UInt8] = []
  let validLength = buffer.count == 0 ? 0 : UTF8Oracle.validPrefixLength(buffer)
  do {
    try converter.convert(utf8: buffer, appendingTo: &output)
    check(validLength == buffer.count, "invalid UTF-8 throws", "\(config): \(describe(raw))")
  } catch {
    check(error == .invalidUTF8(byteOffset: validLength), "invalid UTF-8 is reported at the first bad byte", "\(config): \(error) for \(describe(raw))")
  }
  return 0
}

/// A difference from the reference reading is a finding. (CRLF line ends,
/// and a '#' or space that a combining mark follows, were known failures
/// while the parser split Characters; it splits Unicode scalars now.)
func reportMismatch(_ raw: [UInt8], text: String, _ details: String) -> Never {
  finding("parsing agrees with the reference reading of the format", "\(details)\n input \(describe(raw))")
}
