import Foundation
import Testing

/// `fanjian convert` end to end: files, `-o`, errors and exit statuses.
///
/// Only characters whose conversion is beyond doubt are used (汉字 → 漢字,
/// 简体中文转换 → 簡體中文轉換), because the tables are still being filled.
@Suite struct ConvertTests {
  @Test func convertReadsStdinAndWritesStdout() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2t"], input: Array("简体中文转换\n汉字\n".utf8))
    #expect(result.status == 0)
    #expect(result.outputText == "簡體中文轉換\n漢字\n")
    #expect(result.standardError.isEmpty)
  }

  @Test func convertIsTheDefaultSubcommand() throws {
    let result = try FanjianExecutable.run(["-c", "s2t"], input: Array("汉字".utf8))
    #expect(result.status == 0)
    #expect(result.outputText == "漢字")
  }

  @Test func configNamesAcceptOpenCCSpellings() throws {
    for name in ["S2T", "s2t.json"] {
      let result = try FanjianExecutable.run(["convert", "-c", name], input: Array("汉字".utf8))
      #expect(result.status == 0, "\(name)")
      #expect(result.outputText == "漢字", "\(name)")
    }
  }

  @Test func lineEndingsBOMAndNonHanTextPassThroughByteIdentical() throws {
    let input: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("汉字 abc 😀\r\n\r\nplain ASCII\rold mac\n   \t tabs\r\n".utf8)
    let expected: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("漢字 abc 😀\r\n\r\nplain ASCII\rold mac\n   \t tabs\r\n".utf8)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t"], input: input)
    #expect(result.status == 0)
    #expect(result.standardOutput == expected)
  }

  @Test func emptyInputGivesEmptyOutput() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2t"], input: [])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.isEmpty)
  }

  @Test func fileArgumentIsConvertedToStdout() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("in.txt", "汉字\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", path])
    #expect(result.status == 0)
    #expect(result.outputText == "漢字\n")
    #expect(folder.read("in.txt") == Array("汉字\n".utf8))
  }

  @Test func severalFilesAreConcatenatedOnStdout() throws {
    let folder = try TemporaryDirectory()
    let first = try folder.write("a.txt", "汉字\n")
    let second = try folder.write("b.txt", "简体中文转换\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", first, "-", second], input: Array("abc\n".utf8))
    #expect(result.status == 0)
    #expect(result.outputText == "漢字\nabc\n簡體中文轉換\n")
  }

  @Test func outputFileIsWrittenWithoutLeftoverTemporaryFiles() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.txt", "汉字\r\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", input, "-o", folder.path("out.txt")])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(folder.read("out.txt") == Array("漢字\r\n".utf8))
    #expect(try folder.contents() == ["in.txt", "out.txt"])
  }

  @Test func outputFileReplacesAnExistingFileAndKeepsItsPermissions() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.txt", "汉字")
    let output = try folder.write("out.txt", "old content that is longer than the new one")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: output)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", input, "-o", output])
    #expect(result.status == 0)
    #expect(folder.read("out.txt") == Array("漢字".utf8))
    let permissions = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
    #expect(permissions == 0o640)
  }

  @Test func outputSameAsInputConvertsInPlace() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("doc.txt", "简体中文转换\n汉字\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", path, "-o", path])
    #expect(result.status == 0)
    #expect(folder.read("doc.txt") == Array("簡體中文轉換\n漢字\n".utf8))
    #expect(try folder.contents() == ["doc.txt"])
  }

  @Test func stdinCanBeWrittenToAnOutputFile() throws {
    let folder = try TemporaryDirectory()
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "-o", folder.path("out.txt")], input: Array("汉字".utf8))
    #expect(result.status == 0)
    #expect(folder.read("out.txt") == Array("漢字".utf8))
  }

  @Test func severalInputsGoIntoAnOutputDirectory() throws {
    let folder = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("out"), withIntermediateDirectories: true)
    let first = try folder.write("a.txt", "汉字")
    let second = try folder.write("b.txt", "简体中文转换")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", first, second, "-o", folder.path("out")])
    #expect(result.status == 0)
    #expect(folder.read("out/a.txt") == Array("漢字".utf8))
    #expect(folder.read("out/b.txt") == Array("簡體中文轉換".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted() == ["a.txt", "b.txt"])
  }

  @Test func severalInputsWithAnExistingOutputFileAreAUsageError() throws {
    let folder = try TemporaryDirectory()
    let first = try folder.write("a.txt", "汉字")
    let second = try folder.write("b.txt", "汉字")
    try folder.write("out.txt", "keep")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", first, second, "-o", folder.path("out.txt")])
    #expect(result.status == 2)
    #expect(result.standardError.contains("is a file; with 2 inputs, -o must name a directory"))
    #expect(folder.read("out.txt") == Array("keep".utf8))
  }

  @Test("-o DIR is created when missing: for several inputs, or one file and a trailing slash")
  func missingOutputDirectoryIsCreated() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字")
    try folder.write("b.txt", "简体")
    let several = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "b.txt", "-o", "new"], in: folder.url)
    #expect(several.status == 0, "\(several.standardError)")
    #expect(folder.read("new/a.txt") == Array("漢字".utf8))
    #expect(folder.read("new/b.txt") == Array("簡體".utf8))
    let single = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "-o", "deep/er/"], in: folder.url)
    #expect(single.status == 0, "\(single.standardError)")
    #expect(try folder.files(in: "deep") == ["er/a.txt"])
    #expect(folder.read("deep/er/a.txt") == Array("漢字".utf8))
  }

  @Test func invalidUTF8FailsWithByteOffsetAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("bad.txt", Array("汉字\nab".utf8) + [0xFF] + Array("汉字\n".utf8))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", input, "-o", folder.path("out.txt")])
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: \(input): not valid UTF-8 at byte offset 9"))
    #expect(folder.read("out.txt") == nil)
    #expect(try folder.contents() == ["bad.txt"])
  }

  @Test func invalidUTF8InPlaceLeavesTheInputUntouched() throws {
    let folder = try TemporaryDirectory()
    let original: [UInt8] = Array("汉字".utf8) + [0xC3]
    let path = try folder.write("doc.txt", original)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", path, "-o", path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("not valid UTF-8 at byte offset 6"))
    #expect(folder.read("doc.txt") == original)
    #expect(try folder.contents() == ["doc.txt"])
  }

  @Test func invalidUTF8OnStdinNamesStdinAndTheOffset() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2t"], input: Array("abc".utf8) + [0x80])
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: <stdin>: not valid UTF-8 at byte offset 3"))
  }

  @Test func missingFileFailsWithItsPathAndTheReason() throws {
    let folder = try TemporaryDirectory()
    let missing = folder.path("missing.txt")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", missing])
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: \(missing): No such file or directory"))
  }

  @Test func oneFailingInputDoesNotStopTheOthers() throws {
    let folder = try TemporaryDirectory()
    let good = try folder.write("good.txt", "汉字\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", folder.path("missing.txt"), good])
    #expect(result.status == 1)
    #expect(result.outputText == "漢字\n")
    #expect(result.standardError.contains("missing.txt"))
  }

  @Test func directoryInputIsConvertedRecursivelyToStdout() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: true)
    try folder.write("sub/b.txt", "简体中文转换\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", folder.url.path])
    #expect(result.status == 0)
    #expect(result.outputText == "漢字\n簡體中文轉換\n")
  }

  @Test func unknownConfigIsAUsageErrorListingValidConfigs() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2x"], input: Array("汉字".utf8))
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("s2x"))
    #expect(result.standardError.contains("s2twp"))
    #expect(result.standardError.contains("hk2t"))
  }

  @Test func missingConfigIsAUsageError() throws {
    let result = try FanjianExecutable.run(["convert"], input: [])
    #expect(result.status == 2)
  }

  @Test func binaryFileIsSkippedWithAWarningBeforeAnythingIsWritten() throws {
    let folder = try TemporaryDirectory()
    let binary = try folder.write("image.bin", Array("汉字".utf8) + [0x00, 0x01, 0x02] + Array("汉字".utf8))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", binary])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("looks like a binary file"))
  }

  @Test func utf16FileIsRecognizedByItsByteOrderMarkAndWrittenBackInUTF16() throws {
    func utf16LE(_ text: String) -> [UInt8] { Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    let folder = try TemporaryDirectory()
    let utf16 = try folder.write("utf16.txt", [0xFF, 0xFE] + utf16LE("汉字\n"))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", utf16])
    #expect(result.status == 0)
    #expect(result.standardOutput == [0xFF, 0xFE] + utf16LE("漢字\n"))
  }

  @Test func userDictionaryOverridesBuiltInEntries() throws {
    let folder = try TemporaryDirectory()
    let dictionary = try folder.write("mine.txt", "# my words\n汉字\t漢字兒\n")
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--dict", dictionary], input: Array("汉字和简体中文转换\n".utf8))
    #expect(result.status == 0)
    #expect(result.outputText.hasPrefix("漢字兒"))
    #expect(result.outputText.contains("簡體中文轉換"))
  }

  @Test func laterUserDictionaryWins() throws {
    let folder = try TemporaryDirectory()
    let first = try folder.write("first.txt", "汉字\t漢字兒\n")
    let second = try folder.write("second.txt", "汉字\t汉字!\n")
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--dict", first, "--dict", second], input: Array("汉字".utf8))
    #expect(result.status == 0)
    #expect(result.outputText == "汉字!")
  }

  @Test func malformedUserDictionaryFailsWithFileAndLine() throws {
    let folder = try TemporaryDirectory()
    let dictionary = try folder.write("broken.txt", "汉字\t漢字\nno tab here\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--dict", dictionary], input: Array("汉字".utf8))
    #expect(result.status == 1)
    #expect(result.standardError.contains("\(dictionary):2"))
    #expect(result.standardOutput.isEmpty)
  }

  @Test func icuEngineConvertsToo() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--engine", "icu"], input: Array("汉字\nabc\n".utf8))
    #expect(result.status == 0)
    #expect(result.outputText == "漢字\nabc\n")
  }

  @Test func icuEngineWithAConfigItLacksIsAUsageError() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "t2tw", "--engine", "icu"], input: [])
    #expect(result.status == 2)
    #expect(result.standardError.contains("t2tw"))
  }
}
