import Foundation
import Fanjian
import Testing

/// t2s, tw2s and hk2s turn every character of Big5 and Big5-HKSCS that has a Simplified
/// counterpart into it (issue 11). The list, `data/generated/big5hkscs-simplified.txt`, is made
/// by `scripts/generate-tables` from ICU's Big5-HKSCS converters and Unihan; it is in no recipe.
@Suite("Big5-HKSCS folding")
struct BigFiveFoldingTests {
  static let counterparts: [(traditional: String, simplified: String)] = {
    let path = EmbeddedTablesTests.repositoryRoot.appendingPathComponent("data/generated/big5hkscs-simplified.txt").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { return nil }
      return (String(fields[0]), String(fields[1]))
    }
  }()

  @Test("the generated list holds every Big5-HKSCS character with a Simplified form")
  func listIsThere() {
    #expect(Self.counterparts.count > 3000)
  }

  @Test("each such character converts to its Simplified form", arguments: [ConversionConfig.t2s, .tw2s, .hk2s])
  func everyCharacterFolds(config: ConversionConfig) throws {
    let converter = try Converter(config)
    // One character a line, converted in one call: a single character can match no phrase.
    let output = converter.convert(Self.counterparts.map(\.traditional).joined(separator: "\n"))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == Self.counterparts.count)
    let wrong = zip(Self.counterparts, lines).filter { pair, got in pair.simplified != got }
      .map { pair, got in "\(pair.traditional)→\(got) (want \(pair.simplified))" }
    #expect(wrong.isEmpty, "\(config): \(wrong.count) characters: \(wrong.prefix(40).joined(separator: " "))")
  }

  @Test("Traditional variants in words come out in the Simplified standard", arguments: [
    ("滙豐銀行的人蔘廣告說鉅額獎金逕自發放。", "汇丰银行的人参广告说巨额奖金径自发放。"),
    ("彔音機的鈅匙幷且衞生。", "录音机的钥匙并且卫生。"),
  ])
  func variantsInWords(input: String, expected: String) throws {
    for config in [ConversionConfig.t2s, .tw2s, .hk2s] {
      #expect(try Converter(config).convert(input) == expected, "\(config)")
    }
  }
}
