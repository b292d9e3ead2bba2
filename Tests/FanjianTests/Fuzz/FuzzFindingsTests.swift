import Fanjian
import Testing

/// What the fuzz targets in Fuzz/ found, minimized, pinned with exact
/// expected outputs.
///
/// A finding not fixed yet is wrapped in `withKnownIssue` with the reason,
/// so that the suite passes while it is open and fails once it is fixed, as
/// a reminder to drop the wrapper.
@Suite struct FuzzFindingsTests {
  // MARK: - Dictionaries (fuzz-dictionary)

  /// A dictionary saved with Windows line ends. The parser used to split the
  /// text into Characters, and "\r\n" is one Character, so no line ended and
  /// the first entry's value swallowed the rest of the file.
  @Test("a dictionary with CRLF line ends reads one entry a line")
  func crlfDictionaryReadsOneEntryALine() throws {
    let dictionary = try ConversionDictionary(parsing: "鼠标\t滑鼠\r\n软件\t軟體\r\n", source: "crlf.txt")
    #expect(dictionary.entries.map(\.key) == ["鼠标", "软件"])
    #expect(dictionary.entries.map(\.value) == ["滑鼠", "軟體"])
    let converter = try Converter(.s2t, dictionaries: [dictionary])
    #expect(converter.convert("鼠标和软件") == "滑鼠和軟體")
  }

  @Test("an empty CRLF line is skipped like an empty line")
  func emptyCRLFLineIsSkipped() throws {
    let dictionary = try ConversionDictionary(parsing: "\r\n鼠标\t滑鼠\n", source: "blank.txt")
    #expect(dictionary.entries.map(\.key) == ["鼠标"])
  }

  /// A '#' that a combining mark follows is one Character with it, so the
  /// line was not seen as a comment.
  @Test("a comment line is a comment whatever follows the '#'")
  func commentWithCombiningMarkIsAComment() throws {
    let dictionary = try ConversionDictionary(parsing: "#\u{301} accents\n鼠标\t滑鼠\n", source: "accents.txt")
    #expect(dictionary.entries.map(\.key) == ["鼠标"])
  }

  /// A space that a combining mark follows was not seen as the separator
  /// between a value and its alternatives.
  @Test("values are separated by spaces whatever follows a space")
  func spaceBeforeCombiningMarkSeparatesValues() throws {
    let dictionary = try ConversionDictionary(parsing: "e\u{301}\té \u{301}\n", source: "accents.txt")
    #expect(dictionary.entries.first?.value == "é")
    #expect(dictionary.entries.first?.alternatives == ["\u{301}"])
  }

  /// Issue 12 item 1, as fuzz-dictionary finds it with any key starting with ASCII.
  @Test("a dictionary key that begins with ASCII matches")
  func asciiInitialKeyMatches() throws {
    let mine = try ConversionDictionary(parsing: "(\tG\nC语言\tC語言\n", source: "ascii.txt")
    let converter = try Converter(.hk2t, dictionaries: [mine])
    #expect(converter.convert("(") == "G")
    #expect(converter.convert("学C语言") == "学C語言")
  }

  /// Issue 12 item 3: building reported `t2tw:0` and leaked two pools
  /// (LeakSanitizer stopped fuzz-dictionary on it).
  @Test("a long single-character value works")
  func longSingleCharacterValueWorks() throws {
    let value = String(repeating: "髮", count: 43)  // 129 bytes
    let mine = try ConversionDictionary(parsing: "# long\n发\t\(value)\n", source: "long.txt")
    let converter = try Converter(.t2tw, dictionaries: [mine])
    #expect(converter.convert("发") == value)
  }

  // MARK: - Idempotence (fuzz-normalize)

  /// Converting converted text again must change nothing (issue 12 item 5).
  /// Classes fuzz-normalize finds beyond the issue's own examples.
  @Test(
    "converting converted text again changes nothing",
    arguments: [
      // 鼠标 → 滑鼠 leaves 滑鼠標, and 鼠標 is a key of s2twp again: 滑滑鼠.
      (ConversionConfig.s2twp, "鼠标标"),
      // The issue's own examples, minimized on the corpora (zh-hant-tw-laws).
      (.s2tw, "一并发"),
      (.s2tw, "增雇员"),
      // t2tw flips between 一併發 and 一並發, 增僱員 and 增雇員.
      (.t2tw, "一併發"),
      (.t2tw, "增僱員"),
      // Issue 12 item 4: t2s swapped 苎 and 苧.
      (.t2s, "苧"),
      (.tw2s, "苎"),
    ])
  func conversionIsIdempotent(config: ConversionConfig, text: String) throws {
    let converter = try Converter(config)
    let once = converter.convert(text)
    #expect(converter.convert(once) == once)
  }

  /// 衹 (a Traditional variant of "only") becomes the Taiwan form 只, and
  /// 一只 read again as Simplified is the classifier phrase 一隻. No output
  /// for 一衹 is both right and a fixed point: 一只 is right, 一隻 is stable.
  /// Converting Traditional input with s2tw is the only way to meet it; the
  /// corpora's lines are idempotent (IdempotenceTests).
  ///
  /// 苧 is the same: the Traditional for ramie (Simplified 苎) and, in
  /// Simplified, the character for níng (Traditional 薴). s2t writes 苧 for
  /// 苎, and 苧 read again as Simplified is 薴.
  @Test(
    "a character that is also another word's Simplified form converts again",
    arguments: [
      (ConversionConfig.s2tw, "一衹", "一只"), (.s2twp, "一衹", "一只"),
      (.s2t, "苎", "苧"), (.s2tw, "苎", "苧"), (.s2hk, "苎", "苧"),
    ])
  func characterThatIsAlsoAnotherSimplifiedForm(config: ConversionConfig, text: String, expected: String) throws {
    let converter = try Converter(config)
    let once = converter.convert(text)
    #expect(once == expected)
    withKnownIssue("the output is right, and it is also Simplified input that converts further") {
      #expect(converter.convert(once) == once)
    }
  }

  /// fuzz-normalize (2026-12-06, tw2sp), minimized: 滑鼠 → 鼠标 after a 滑
  /// gives 滑鼠标, the right output, and the 滑 before the output with the
  /// output's 鼠 was the key 滑鼠 again, so a second pass gave 鼠标标. A key
  /// that starts before a phrase output and ends inside it: the composer now
  /// guards such outputs (`leftOverlapGuards`, 滑鼠标 → 滑鼠标).
  @Test("tw2sp: 滑 before 滑鼠 converts once, and the output again changes nothing")
  func keyStartingBeforeAPhraseOutput() throws {
    let converter = try Converter(.tw2sp)
    let once = converter.convert("滑滑鼠")
    #expect(once == "滑鼠标")
    #expect(converter.convert(once) == once)
  }

  /// fuzz-normalize (2026-12-06), minimized: the mirror of 苎 → 苧 → 薴. 薴
  /// (níng) is written 苧 in Simplified, and 苧 read again as Traditional is
  /// ramie, Simplified 苎. Every configuration to Simplified, and normalize
  /// --to s, give the right 苧 and change it again.
  @Test(
    "to Simplified: 薴 converts to 苧, and 苧 again changes nothing",
    arguments: [ConversionConfig.t2s, .tw2s, .hk2s, .tw2sp, .hk2sp])
  func doubleReadingToSimplified(config: ConversionConfig) throws {
    let converter = try Converter(config)
    let once = converter.convert("薴")
    #expect(once == "苧")
    withKnownIssue("苧 is also the Traditional form of 苎") {
      #expect(converter.convert(once) == once)
    }
  }

  @Test("normalize --to s: 薴 becomes 苧, and 苧 again changes nothing")
  func normalizeDoubleReadingToSimplified() throws {
    let normalizer = try Normalizer(target: .simplified)
    let once = normalizer.normalize("薴")
    #expect(once.text == "苧")
    withKnownIssue("苧 is also the Traditional form of 苎") {
      #expect(normalizer.normalize(once.text).text == once.text)
    }
  }

  /// Normalizing normalized text again must change nothing (a hard check of
  /// fuzz-normalize since normalize was rewritten).
  @Test(
    "normalizing normalized text again changes nothing",
    arguments: [
      // The issue's example: 衹 → 只, then 只 → 隻 as a context form.
      (Standard.taiwan, "数衹"),
      // Through t2s's swap of 苎 and 苧 (issue 12 item 4).
      (.simplified, "苧麻"),
    ])
  func normalizeIsIdempotent(target: Standard, text: String) throws {
    let normalizer = try Normalizer(target: target)
    let once = normalizer.normalize(text)
    let twice = normalizer.normalize(once.text)
    #expect(twice.text == once.text)
    #expect(twice.changes.isEmpty)
  }
}
