import Fanjian
import FuzzSupport

/// Every configuration on arbitrary bytes:
/// - valid UTF-8 converts without error to valid UTF-8, the same as the
///   `String` API gives;
/// - invalid UTF-8 throws `invalidUTF8` at the first byte of the first
///   ill-formed sequence (by an independent validator), and what was appended
///   before the throw is exactly the conversion of the valid prefix.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConvertBytes(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  KnownFailures.currentInput = UnsafeRawBufferPointer(start: start, count: count)
  let input = Array(UnsafeRawBufferPointer(start: start, count: count))
  let validLength = input.withUnsafeBytes { UTF8Oracle.validPrefixLength($0) }
  let isValid = validLength == input.count
  // The standard library's own validation must agree with the oracle.
  check(
    (String(validating: input, as: UTF8.self) != nil) == isValid, "UTF-8 oracle agrees with the standard library",
    "oracle valid prefix \(validLength) of \(input.count) bytes \(describe(input))")
  let prefix = Array(input[..<validLength])

  for converter in allConverters {
    let config = converter.config
    var output: [UInt8] = []
    let result = input.withUnsafeBytes { buffer in
      Result { () throws(FanjianError) in try converter.convert(utf8: buffer, appendingTo: &output) }
    }
    var thrown: FanjianError? = nil
    if case .failure(let error) = result { thrown = error }
    if isValid {
      check(thrown == nil, "valid UTF-8 converts", "\(config): threw \(String(describing: thrown)) on \(describe(input))")
      check(UTF8Oracle.isValid(output), "output is valid UTF-8", "\(config): \(describe(input)) → \(describe(output))")
      let viaString = Array(converter.convert(String(decoding: input, as: UTF8.self)).utf8)
      check(
        viaString == output, "byte API equals String API",
        "\(config): \(describe(input))\n bytes  → \(describe(output))\n string → \(describe(viaString))")
    } else {
      check(
        thrown == .invalidUTF8(byteOffset: validLength), "invalid UTF-8 is reported at the first bad byte",
        "\(config): expected invalidUTF8(byteOffset: \(validLength)), got \(String(describing: thrown)) on \(describe(input))")
      let expected = convertValid(converter, prefix, "the valid prefix converts")
      check(
        output == expected, "output before the bad byte is the conversion of the valid prefix",
        "\(config): input \(describe(input))\n appended \(describe(output))\n expected \(describe(expected))")
    }
  }
  return 0
}
