import Fanjian
import Foundation
import Testing

/// `--from`, `--to` and `--lossy` end to end; test files are written with the
/// library's own ICU encoders.
@Suite struct EncodingTests {
  static let simplified = "汉字和简体中文转换\r\n头发\n"
  static let traditional = "漢字和簡體中文轉換\r\n頭髮\n"

  @Test func gb18030FileIsConvertedInPlaceAndStaysGB18030() throws {
    let folder = try TemporaryDirectory()
    try folder.write("gb.txt", try TextEncoding.gb18030.encode(Self.simplified))
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--from", "gb18030", "--in-place", "gb.txt"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let written = try #require(folder.read("gb.txt"))
    #expect(written == (try TextEncoding.gb18030.encode(Self.traditional)))
    #expect(try TextEncoding.gb18030.decode(written) == Self.traditional)
  }

  @Test func big5RoundTrip() throws {
    let folder = try TemporaryDirectory()
    try folder.write("big5.txt", try TextEncoding.big5.encode(Self.traditional))
    let toUTF8 = try FanjianExecutable.run(
      ["convert", "-c", "t2s", "--from", "big5", "--to", "utf-8", "big5.txt", "-o", "s.txt"], in: folder.url)
    #expect(toUTF8.status == 0, "\(toUTF8.standardError)")
    #expect(folder.read("s.txt") == Array(Self.simplified.utf8))
    let back = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--to", "big5", "s.txt", "-o", "t.big5"], in: folder.url)
    #expect(back.status == 0, "\(back.standardError)")
    #expect(folder.read("t.big5") == folder.read("big5.txt"))
  }

  @Test func mixedEncodingsInOneTreeEachStayInTheirOwn() throws {
    let folder = try TemporaryDirectory()
    func utf16LE(_ text: String) -> [UInt8] { Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    try folder.write("tree/utf8.txt", Self.simplified)
    try folder.write("tree/bom.txt", [0xEF, 0xBB, 0xBF] + Array(Self.simplified.utf8))
    try folder.write("tree/gb/gb.txt", try TextEncoding.gb18030.encode(Self.simplified))
    try folder.write("tree/utf16.txt", [0xFF, 0xFE] + utf16LE(Self.simplified))
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--from", "utf-8,gb18030", "--in-place", "-v", "tree"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("tree/utf8.txt") == Array(Self.traditional.utf8))
    #expect(folder.read("tree/bom.txt") == [0xEF, 0xBB, 0xBF] + Array(Self.traditional.utf8))
    #expect(folder.read("tree/gb/gb.txt") == (try TextEncoding.gb18030.encode(Self.traditional)))
    #expect(folder.read("tree/utf16.txt") == [0xFF, 0xFE] + utf16LE(Self.traditional))
    #expect(result.standardError.contains("tree/gb/gb.txt: converted (GB18030)"))
    #expect(result.standardError.contains("tree/utf16.txt: converted (UTF-16LE)"))
  }

  @Test func gbkToStandardOutputIsDetectedBeforeAnythingIsWritten() throws {
    let folder = try TemporaryDirectory()
    // Valid UTF-8 up to a late point, so a wrong first guess would already have written a lot.
    let text = String(repeating: "abc\n", count: 30_000) + "汉字\n"
    try folder.write("gbk.txt", try TextEncoding.gbk.encode(text))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--from", "utf-8,gbk", "gbk.txt"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.standardOutput == (try TextEncoding.gbk.encode(String(repeating: "abc\n", count: 30_000) + "漢字\n")))
  }

  @Test func invalidBytesFailWithTheOffsetAndLeaveTheFileUntouched() throws {
    let folder = try TemporaryDirectory()
    let original = try TextEncoding.big5.encode("漢字\nabc") + [0xA4, 0x0A] + (try TextEncoding.big5.encode("頭髮\n"))
    try folder.write("bad.txt", original)
    try folder.write("good.txt", try TextEncoding.big5.encode("頭髮\n"))
    let result = try FanjianExecutable.run(
      ["convert", "-c", "t2s", "--from", "big5", "--to", "utf-8", "--in-place", "."], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: ./bad.txt: not valid Big5 at byte offset 8"))
    #expect(folder.read("bad.txt") == original)
    #expect(folder.read("good.txt") == Array("头发\n".utf8))
    #expect(try folder.contents() == ["bad.txt", "good.txt"])
  }

  @Test func lossyReplacesInvalidBytesAndWarnsWithTheCount() throws {
    let folder = try TemporaryDirectory()
    try folder.write("bad.txt", Array("汉字".utf8) + [0xFF] + Array("abc".utf8) + [0xC3])
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--lossy", "--in-place", "bad.txt"], in: folder.url)
    #expect(result.status == 0)
    #expect(folder.read("bad.txt") == Array("漢字\u{FFFD}abc\u{FFFD}".utf8))
    #expect(result.standardError.contains("bad.txt: 2 invalid byte sequences in UTF-8 replaced with U+FFFD"))
  }

  @Test func charactersTheOutputEncodingLacksFailUnlessLossy() throws {
    let folder = try TemporaryDirectory()
    try folder.write("in.txt", "汉字😀\n")
    let strict = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--to", "big5", "in.txt", "-o", "out.txt"], in: folder.url)
    #expect(strict.status == 1)
    #expect(strict.standardError.contains("in.txt: U+1F600 '😀' cannot be written in Big5"))
    #expect(folder.read("out.txt") == nil)
    let lossy = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--to", "big5", "--lossy", "in.txt", "-o", "out.txt"], in: folder.url)
    #expect(lossy.status == 0)
    #expect(lossy.standardError.contains("1 character that Big5 lacks substituted"))
    #expect(folder.read("out.txt")?.starts(with: try TextEncoding.big5.encode("漢字")) == true)
  }

  @Test func unknownEncodingIsAUsageError() throws {
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--from", "big6"], input: Array("汉字".utf8))
    #expect(result.status == 2)
    #expect(result.standardError.contains("big6"))
  }
}
