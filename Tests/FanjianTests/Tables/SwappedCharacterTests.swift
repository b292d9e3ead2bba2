@testable import Fanjian
import Testing

/// No conversion swaps two characters: if X becomes Y, Y does not become X.
@Suite struct SwappedCharacterTests {
  /// The CJK blocks and their compatibility and extension planes.
  static let ranges: [ClosedRange<UInt32>] = [0x2E80...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F]

  @Test("t2s keeps 苎 and writes 苎 for 苧 (苎麻 stays 苎麻)")
  func ramieIsNotSwapped() throws {
    for config in [ConversionConfig.t2s, .tw2s, .hk2s, .tw2sp, .hk2sp] {
      let converter = try Converter(config)
      #expect(converter.convert("苎麻") == "苎麻", "\(config)")
      #expect(converter.convert("苧麻") == "苎麻", "\(config)")
    }
    #expect(try Converter(.t2s).convert("薴") == "苧")
    #expect(try Converter(.s2t).convert("苎麻") == "苧麻")
  }

  @Test("no configuration maps a character to one that maps back to it", arguments: ConversionConfig.allCases)
  func noCharacterPairIsSwapped(config: ConversionConfig) throws {
    let converter = try Converter(config)
    var swapped: [String] = []
    for range in Self.ranges {
      for code in range {
        guard let scalar = Unicode.Scalar(code) else { continue }
        let x = String(Character(scalar))
        let y = converter.convert(x)
        if y != x, y.unicodeScalars.count == 1, converter.convert(y) == x { swapped.append("\(x)→\(y)") }
      }
    }
    #expect(swapped == [])
  }
}
