@testable import Fanjian
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

@Suite struct ConcurrentConversionTests {
  @Test func concurrentConversionEqualsSequentialConversion() throws {
    let converter = try Converter(.s2twp)
    let line = "头发和软件，只是一只台风。干燥的面条里有历史。😀 ASCII 统一发展后的头发\n"
    let bytes = Array(String(repeating: line, count: 60_000).utf8)
    var sequential: [UInt8] = []
    var concurrent: [UInt8] = []
    try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
      try converter.convert(utf8: buffer, appendingTo: &sequential)
      try converter.convert(utf8: buffer, appendingTo: &concurrent, maximumConcurrency: 4)
    }
    #expect(concurrent == sequential)
  }

  @Test func concurrentConversionReportsTheAbsoluteOffsetOfInvalidBytes() throws {
    let converter = try Converter(.s2t)
    var bytes = Array(String(repeating: "汉字转换\n", count: 400_000).utf8)
    bytes[bytes.count - 4] = 0xFF  // the lead byte of the last 换
    var output: [UInt8] = []
    #expect(throws: FanjianError.invalidUTF8(byteOffset: bytes.count - 4)) {
      try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
        try converter.convert(utf8: buffer, appendingTo: &output, maximumConcurrency: 4)
      }
    }
  }

  @Test func piecesEndAfterLineBreaks() {
    let bytes = Array("ab\ncd\nef\ngh".utf8)
    let pieces = bytes.withUnsafeBytes { Converter.pieces(of: $0, count: 3) }
    #expect(pieces == [0..<3, 3..<9, 9..<11])
  }
}
