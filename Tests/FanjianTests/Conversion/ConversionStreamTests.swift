import Fanjian
import Testing

@Suite struct ConversionStreamTests {
  static let sample = "头发和软件，只是一只台风。\r\n干燥的面条里有历史。😀 ASCII\n" + String(repeating: "统一发展后的头发", count: 40)

  func streamed(_ converter: Converter, _ bytes: [UInt8], chunkSize: Int) throws -> [UInt8] {
    var stream = converter.makeStream()
    var output: [UInt8] = []
    var start = 0
    while start < bytes.count {
      let end = min(start + chunkSize, bytes.count)
      try stream.convert(Array(bytes[start..<end]), appendingTo: &output)
      start = end
    }
    try stream.finish(appendingTo: &output)
    return output
  }

  @Test(arguments: [1, 2, 3, 5, 7, 64])
  func chunkedConversionEqualsWholeConversion(chunkSize: Int) throws {
    for config in [ConversionConfig.s2t, .s2twp, .t2s, .s2hk] {
      let converter = try Converter(config)
      let bytes = Array(Self.sample.utf8)
      #expect(try streamed(converter, bytes, chunkSize: chunkSize) == converter.convert(utf8: bytes))
    }
  }

  @Test func completeLinesAreConvertedWithoutWaitingForMoreInput() throws {
    let converter = try Converter(.s2t)
    var stream = converter.makeStream()
    var output: [UInt8] = []
    try stream.convert(Array("汉字\n头".utf8), appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self).hasPrefix("漢字\n"))
  }

  @Test func longLineHoldsBackOnlyAFewBytes() throws {
    let converter = try Converter(.s2t)
    var stream = converter.makeStream()
    var output: [UInt8] = []
    let chunk = Array(String(repeating: "汉字转换", count: 10_000).utf8)
    try stream.convert(chunk, appendingTo: &output)
    #expect(stream.pendingByteCount < 256)
  }

  @Test func invalidUTF8OffsetCountsFromTheStartOfTheStream() throws {
    let converter = try Converter(.s2t)
    var stream = converter.makeStream()
    var output: [UInt8] = []
    try stream.convert(Array("汉字\n".utf8), appendingTo: &output)
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 9)) {
      try stream.convert(Array("ab".utf8) + [0xFE], appendingTo: &output)
      try stream.finish(appendingTo: &output)
    }
  }

  @Test func inputEndingInsideACharacterIsInvalid() throws {
    let converter = try Converter(.s2t)
    var stream = converter.makeStream()
    var output: [UInt8] = []
    try stream.convert([0xE6, 0xB1], appendingTo: &output)
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 0)) { try stream.finish(appendingTo: &output) }
  }
}
