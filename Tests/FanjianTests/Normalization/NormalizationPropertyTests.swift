import Foundation
import Testing

@testable import Fanjian

/// What must hold for every text: normalizing twice gives what normalizing
/// once gave, and `check` (the same normalizer's changes) finds nothing in
/// normalized text. Checked over real lines (the Taiwan corpus and the dev
/// sets) and over damaged copies of them, made by a naive character-by-character
/// converter (every character converted alone, every seventh one left Simplified).
@Suite struct NormalizationPropertyTests {
  /// Up to `limit` lines of a dev set's expected column (repository-relative).
  static func devLines(_ name: String, limit: Int) -> [String] {
    let url = ExampleArticle.repositoryRoot.appendingPathComponent("devsets/\(name).tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").prefix(limit).compactMap { $0.split(separator: "\t").last.map(String.init) }
  }

  /// Every 40th line of the shared Taiwan corpus, up to `limit`.
  static func corpusLines(limit: Int) -> [String] {
    let url = ExampleArticle.examples.deletingLastPathComponent().appendingPathComponent("corpus/zh-hant-tw-laws.txt")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var lines: [String] = []
    for (index, line) in text.split(separator: "\n").enumerated() where index % 40 == 7 {
      lines.append(String(line))
      if lines.count == limit { break }
    }
    return lines
  }

  /// The line through `t2s`, then back one character at a time with `s2t`'s
  /// character defaults, every seventh converted character left Simplified.
  static func damaged(_ line: String, toSimplified: Converter, naive: Converter) -> String {
    var out = ""
    var converted = 0
    for character in toSimplified.convert(line) {
      let simplified = String(character)
      let traditional = naive.convert(simplified)
      if traditional != simplified {
        converted += 1
        out += converted % 7 == 0 ? simplified : traditional
      } else {
        out += simplified
      }
    }
    return out
  }

  static func sample() throws -> [String] {
    var lines = corpusLines(limit: 150)
    for name in ["tw-laws-dev", "tw-gettext", "hk-gettext", "hk-cantonese-dev"] { lines += devLines(name, limit: 100) }
    let toSimplified = try Converter(.t2s)
    let naive = try Converter(.s2t)
    return lines + lines.map { damaged($0, toSimplified: toSimplified, naive: naive) }
  }

  @Test("normalize twice equals normalize once, and check is clean after normalize", arguments: [
    Standard.taiwan, .hongKong, .traditional,
  ])
  func normalizingIsIdempotentOverRealLines(_ target: Standard) throws {
    let lines = try Self.sample()
    #expect(lines.count > 500)
    let normalizer = try Normalizer(target: target)
    // Line by line (each its own document) and as one document.
    var failures: [String] = []
    for line in lines {
      let once = normalizer.normalize(line)
      let twice = normalizer.normalize(once.text)
      if twice.text != once.text || !twice.changes.isEmpty {
        failures.append("\(line) → \(once.text) → \(twice.text)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) lines: \(failures.prefix(5).joined(separator: "\n"))")
    let document = lines.joined(separator: "\n")
    let once = normalizer.normalize(document)
    let twice = normalizer.normalize(once.text)
    #expect(twice.text == once.text)
    #expect(twice.changes.isEmpty, "\(twice.changes.prefix(5).map { "\($0.original)→\($0.replacement)" })")
  }

  @Test("数衹 normalizes to a text that a second normalize and check leave alone")
  func mixedShortLineIsStable() throws {
    let normalizer = try Normalizer(target: .taiwan)
    let once = normalizer.normalize("数衹\n")
    #expect(normalizer.normalize(once.text).changes.isEmpty)
    #expect(normalizer.normalize(once.text).text == once.text)
  }
}
