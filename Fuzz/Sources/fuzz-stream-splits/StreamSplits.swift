import Fanjian
import FuzzSupport

/// `ConversionStream` fed the input in chunks must give exactly what whole
/// conversion gives, byte for byte, for every configuration:
/// - the chunk lengths come from a generator seeded by the input's bytes, a
///   different plan per configuration (one configuration is also fed one byte
///   at a time), so an input file alone reproduces a finding;
/// - at every step, the output so far is a prefix of the whole output, and
///   once everything fed ends in a line break nothing is held back;
/// - invalid UTF-8: the stream throws the same `invalidUTF8` offset (counted
///   from the start of the stream) as whole conversion, having output the same
///   bytes before it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStreamSplits(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  KnownFailures.currentInput = UnsafeRawBufferPointer(start: start, count: count)
  let buffer = UnsafeRawBufferPointer(start: start, count: count)
  let input = Array(buffer)
  var generator = SplitMix64(hashing: buffer)
  let byteByByte = generator.next(below: allConverters.count)

  for (index, converter) in allConverters.enumerated() {
    var whole: [UInt8] = []
    var wholeError: FanjianError? = nil
    do {
      try converter.convert(utf8: buffer, appendingTo: &whole)
    } catch {
      wholeError = error
    }
    var plans = [chunkLengths(count: input.count, generator: &generator)]
    if index == byteByByte { plans.append(Array(repeating: 1, count: input.count)) }
    for lengths in plans {
      var stream = converter.makeStream()
      var output: [UInt8] = []
      var streamError: FanjianError? = nil
      var fed = 0
      let where_ = { "\(converter.config), chunks \(lengths), input \(describe(input))" }
      do {
        for length in lengths {
          try stream.convert(Array(input[fed..<fed + length]), appendingTo: &output)
          fed += length
          check(
            output.count <= whole.count && output[...] == whole[..<output.count],
            "stream output so far is a prefix of the whole conversion",
            "\(where_())\n after \(fed) bytes: \(describe(output))\n whole: \(describe(whole))")
          if fed > 0 && input[fed - 1] == 0x0A {
            check(
              stream.pendingByteCount == 0, "nothing is held back after a line break",
              "\(where_())\n after \(fed) bytes, \(stream.pendingByteCount) pending")
          }
        }
        try stream.finish(appendingTo: &output)
      } catch {
        streamError = error
      }
      check(
        streamError == wholeError, "stream and whole conversion throw the same error",
        "\(where_())\n stream: \(String(describing: streamError))\n whole: \(String(describing: wholeError))")
      check(
        output == whole, "stream output equals whole conversion, byte for byte",
        "\(where_())\n stream → \(describe(output))\n whole  → \(describe(whole))")
    }
  }
  return 0
}
