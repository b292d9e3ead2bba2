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

  @Test(arguments: [2, 4])
  func threadsGiveTheSameBytesAsOneThread(threads: Int) throws {
    // Several megabytes of lines, fed in uneven chunks of up to 5 MB, so that
    // large chunks are cut among threads and small ones are not.
    var text = ""
    var index = 0
    while text.utf8.count < 6_000_000 {
      text += "第\(index)行：头发和软件，干燥的面条里有历史。只是一只台风 ASCII\n"
      if index % 97 == 0 { text += String(repeating: "统一发展后的头发", count: 500) + "\r\n" }
      index += 1
    }
    let bytes = Array(text.utf8)
    for config in [ConversionConfig.s2t, .s2twp, .t2s] {
      let converter = try Converter(config)
      var stream = converter.makeStream(maximumConcurrency: threads)
      var output: [UInt8] = []
      var start = 0
      var size = 1
      while start < bytes.count {
        let end = min(start + size, bytes.count)
        try stream.convert(Array(bytes[start..<end]), appendingTo: &output)
        start = end
        size = size < 5_000_000 ? size * 7 + 3 : 1
      }
      try stream.finish(appendingTo: &output)
      #expect(output == (try converter.convert(utf8: bytes)), "\(config) on \(threads) threads")
    }
  }

  @Test func invalidUTF8OffsetCountsFromTheStartOfTheStreamOnSeveralThreads() throws {
    let converter = try Converter(.s2t)
    var stream = converter.makeStream(maximumConcurrency: 2)
    let line = Array("汉字转换\n".utf8)
    var chunk: [UInt8] = []
    while chunk.count < 3_000_000 { chunk += line }
    let badOffset = chunk.count + 2
    var output: [UInt8] = []
    try stream.convert(Array("ab\n".utf8), appendingTo: &output)
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 3 + badOffset)) {
      try stream.convert(chunk + [0x61, 0x62, 0xFF, 0x0A] + chunk, appendingTo: &output)
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

/// Streams of real text, cut at pseudo-random places, convert exactly as the whole.
@Suite struct StreamPropertyTests {
  @Test(arguments: [ConversionConfig.s2twp, .s2hk, .t2s, .tw2sp])
  func realTextCutAnywhereConvertsAsAWhole(config: ConversionConfig) throws {
    let corpus = EmbeddedTablesTests.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    let file = config == .t2s || config == .tw2sp ? "zh-hant-tw-laws.txt" : "zh-hans-laws.txt"
    let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
    // 200 KB from the middle, with its line breaks removed in half of it, so
    // that long lines (no safe boundary) are cut too.
    let slice = Array(text.utf8.dropFirst(1_000_000).prefix(200_000))
    let half = slice.count / 2
    // (Decoding repairs the characters the byte cuts split.)
    let bytes = Array(String(decoding: slice[..<half], as: UTF8.self).replacingOccurrences(of: "\n", with: "").utf8)
      + Array(String(decoding: slice[half...], as: UTF8.self).utf8)
    let converter = try Converter(config)
    let whole = try converter.convert(utf8: bytes)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var stream = converter.makeStream()
    var output: [UInt8] = []
    var start = 0
    while start < bytes.count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let end = min(bytes.count, start + 1 + Int(state >> 52) % 3_000)
      try stream.convert(Array(bytes[start..<end]), appendingTo: &output)
      start = end
    }
    try stream.finish(appendingTo: &output)
    #expect(output == whole)
  }
}
