import Testing

@testable import Fanjian

/// Offset maps of conversions and normalizations, in bytes and scalars, both ways.
@Suite struct OffsetMapTests {
  static let mixedText = "A😀汉字𠮷 头发 abc\r\n程序员写后来的软件👩‍💻 和 𠀀𪚥 end"

  /// Input offsets at scalar boundaries map to output offsets and back.
  @Test(arguments: [ConversionConfig.s2t, .s2twp, .t2s, .s2hk])
  func conversionOffsetsRoundTrip(_ config: ConversionConfig) throws {
    let converter = try Converter(config)
    let (text, map) = converter.convertWithOffsets(Self.mixedText)
    #expect(text == converter.convert(Self.mixedText))
    #expect(map.inputLength == Self.mixedText.utf8.count)
    #expect(map.outputLength == text.utf8.count)
    #expect(map.inputScalarCount == Self.mixedText.unicodeScalars.count)
    #expect(map.outputScalarCount == text.unicodeScalars.count)
    Self.expectRoundTrips(map, input: Self.mixedText, output: text)
  }

  @Test func phraseOfAnotherLengthIsOneSpan() throws {
    // 程序员 → 程式設計師: three characters become five.
    let (text, map) = try Converter(.s2twp).convertWithOffsets("a程序员b")
    #expect(text == "a程式設計師b")
    #expect(map.spans == [OffsetMap.Span(input: 1..<10, output: 1..<16, inputScalars: 1..<4, outputScalars: 1..<6)])
    #expect(map.outputOffset(forInput: 10) == 16)
    #expect(map.inputOffset(forOutput: 16) == 10)
    #expect(map.outputOffset(forInput: 4) == 1)  // inside the span: its start
    #expect(map.outputRange(forInput: 4..<7) == 1..<16)  // widened to the whole span
    #expect(map.inputRange(forOutput: 2..<3, in: .unicodeScalars) == 1..<4)
  }

  @Test func characterForCharacterConversionIsUniform() throws {
    let (_, map) = try Converter(.s2t).convertWithOffsets("汉字 abc 头发")
    #expect(map.isUniform)
    #expect(map.outputOffset(forInput: 7) == 7)
  }

  @Test func normalizationOffsetsRoundTrip() throws {
    let input = "A😀对标𠮷 小紮隻是 abc\r\n爲了 👩‍💻 産品 𪚥"
    let result = try Normalizer(target: .taiwan).normalize(input)
    #expect(result.text == "A😀對標𠮷 小扎只是 abc\r\n為了 👩‍💻 產品 𪚥")
    Self.expectRoundTrips(result.offsets, input: input, output: result.text)
    for change in result.changes {
      #expect(result.offsets.outputRange(forInput: change.input) == change.output)
    }
  }

  @Test func offsetsAcrossCharactersOfDifferentUTF8Lengths() throws {
    // A 4-byte character for a 3-byte one and back: scalars stay, bytes shift.
    var map = OffsetMap.Builder()
    map.copy(bytes: 1, scalars: 1)
    map.replace(inputBytes: 3, inputScalars: 1, outputBytes: 4, outputScalars: 1)
    map.copy(bytes: 3, scalars: 1)
    let offsets = map.map
    #expect(offsets.outputOffset(forInput: 4) == 5)
    #expect(offsets.outputOffset(forInput: 2, in: .unicodeScalars) == 2)
    #expect(offsets.inputOffset(forOutput: 8) == 7)
  }

  static func expectRoundTrips(_ map: OffsetMap, input: String, output: String) {
    var byteOffset = 0
    var scalarOffset = 0
    for scalar in input.unicodeScalars {
      let outputByte = map.outputOffset(forInput: byteOffset)
      let outputScalar = map.outputOffset(forInput: scalarOffset, in: .unicodeScalars)
      let isSpanInterior = map.spans.contains { $0.input.lowerBound < byteOffset && byteOffset < $0.input.upperBound }
      if !isSpanInterior {
        #expect(map.inputOffset(forOutput: outputByte) == byteOffset, "byte \(byteOffset)")
        #expect(map.inputOffset(forOutput: outputScalar, in: .unicodeScalars) == scalarOffset, "scalar \(scalarOffset)")
        // The same character position in both units.
        let prefix = String(decoding: Array(output.utf8)[..<outputByte], as: UTF8.self)
        #expect(prefix.unicodeScalars.count == outputScalar, "scalar \(scalarOffset)")
      }
      byteOffset += UTF8.width(scalar)
      scalarOffset += 1
    }
    #expect(map.outputOffset(forInput: byteOffset) == output.utf8.count)
    #expect(map.inputOffset(forOutput: output.utf8.count) == byteOffset)
  }
}
