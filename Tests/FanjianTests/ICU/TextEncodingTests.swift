import Fanjian
import Testing

/// `TextEncoding`, `TextDecoder` and `TextEncoder`: ICU's converters in chunks.
@Suite struct TextEncodingTests {
  static let sample = "汉字 abc 漢字 😀\r\n头发\n"

  @Test(arguments: [TextEncoding.gb18030, .utf16LittleEndian, .utf16BigEndian, .utf8])
  func roundTripsUnicodeCoveringEncodings(_ encoding: TextEncoding) throws {
    let bytes = try encoding.encode(Self.sample)
    #expect(try encoding.decode(bytes) == Self.sample)
  }

  @Test func big5AndGBKRoundTripTheirOwnCharacters() throws {
    #expect(try TextEncoding.big5.encode("漢字") == [0xBA, 0x7E, 0xA6, 0x72])
    #expect(try TextEncoding.big5.decode([0xBA, 0x7E, 0xA6, 0x72]) == "漢字")
    #expect(try TextEncoding.gbk.decode(try TextEncoding.gbk.encode("汉字简体")) == "汉字简体")
    #expect(try TextEncoding.gb2312.encode("汉字") == [0xBA, 0xBA, 0xD7, 0xD6])
    #expect(try TextEncoding.big5HKSCS.decode(try TextEncoding.big5HKSCS.encode("漢字")) == "漢字")
  }

  @Test func namesAreMatchedLooselyAndThroughICUAliases() throws {
    #expect(try TextEncoding(name: "big5_hkscs") == .big5HKSCS)
    #expect(try TextEncoding(name: "utf8") == .utf8)
    #expect(try TextEncoding(name: "windows-950") == .big5)
    #expect(try TextEncoding(name: "ibm-1386").name == "ibm-1386")
    #expect(throws: FanjianError.unknownEncoding(name: "big6")) { try TextEncoding(name: "big6") }
  }

  @Test func chunksSplitInsideCharactersDecodeTheSame() throws {
    let bytes = try TextEncoding.gb18030.encode(String(repeating: Self.sample, count: 50))
    for size in [1, 2, 3, 7, 1000] {
      let decoder = try TextDecoder(.gb18030)
      var output: [UInt8] = []
      var index = 0
      while index < bytes.count {
        try decoder.decode(Array(bytes[index..<min(index + size, bytes.count)]), appendingTo: &output)
        index += size
      }
      try decoder.finish(appendingTo: &output)
      #expect(String(decoding: output, as: UTF8.self) == String(repeating: Self.sample, count: 50), "chunks of \(size)")
    }
  }

  @Test func invalidBytesAreReportedWithTheirOffset() throws {
    // "ab汉", a GBK lead byte followed by a byte that cannot trail it, then more text.
    let bytes: [UInt8] = [0x61, 0x62, 0xBA, 0xBA, 0x81, 0x20, 0x61]
    #expect(throws: FanjianError.invalidBytes(encoding: "GBK", byteOffset: 4)) {
      try TextEncoding.gbk.decode(bytes)
    }
    let split = try TextDecoder(.big5)
    var output: [UInt8] = []
    try split.decode([0x61, 0xBA, 0x7E, 0x62], appendingTo: &output)
    #expect(throws: FanjianError.invalidBytes(encoding: "Big5", byteOffset: 5)) {
      try split.decode([0x63, 0xA4, 0x0A, 0x64], appendingTo: &output)
    }
  }

  @Test func truncatedInputIsReportedAtTheEnd() throws {
    #expect(throws: FanjianError.invalidBytes(encoding: "Big5", byteOffset: 2)) {
      try TextEncoding.big5.decode([0x61, 0x62, 0xBA])
    }
  }

  @Test func lossyDecodingReplacesAndCounts() throws {
    let decoder = try TextDecoder(.utf8, lossy: true)
    var output: [UInt8] = []
    try decoder.decode([0x61, 0xFF, 0x62, 0xC3], appendingTo: &output)
    try decoder.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}")
    #expect(decoder.replacementCount == 2)
  }

  @Test func unencodableCharactersThrowOrAreSubstituted() throws {
    #expect(throws: FanjianError.unencodableCharacter(encoding: "GB2312", codePoint: 0x1F600)) {
      try TextEncoding.gb2312.encode("汉😀")
    }
    let encoder = try TextEncoder(.gb2312, lossy: true)
    var output: [UInt8] = []
    try encoder.encode(Array("汉😀".utf8), appendingTo: &output)
    try encoder.finish(appendingTo: &output)
    #expect(output.starts(with: [0xBA, 0xBA]) && output.count > 2)
    #expect(encoder.substitutionCount == 1)
  }

  @Test func byteOrderMarksAreDetectedAndKept() throws {
    #expect(TextEncoding.detectByteOrderMark([0xFF, 0xFE, 0x49, 0x6C])?.encoding == .utf16LittleEndian)
    #expect(TextEncoding.detectByteOrderMark([0xEF, 0xBB, 0xBF])?.length == 3)
    #expect(TextEncoding.detectByteOrderMark([0x61]) == nil)
    let withMark = try TextEncoding.utf16LittleEndian.encode("\u{FEFF}汉")
    #expect(withMark.starts(with: [0xFF, 0xFE]))
    #expect(try TextEncoding.utf16LittleEndian.decode(withMark) == "\u{FEFF}汉")
  }
}
