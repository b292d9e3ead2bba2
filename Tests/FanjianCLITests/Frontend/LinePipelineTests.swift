import Foundation
import Testing

/// One large file converted on several threads (`LinePipeline`): reading,
/// converting and writing overlap, and nothing a user sees differs from one
/// thread: the bytes, the errors with their offsets, the unchanged verdict.
@Suite struct LinePipelineTests {
  /// About `megabytes` MB of short lines that s2twp rewrites.
  static func lines(megabytes: Int) -> String {
    var text = ""
    var index = 0
    while text.utf8.count < megabytes * 1_000_000 {
      text += "第\(index)行：头发和软件，干燥的面条里有历史。只是一只台风 ASCII\n"
      index += 1
    }
    return text
  }

  @Test func aLineLongerThanAChunkInTheMiddleGivesTheSameBytesAsOneThread() throws {
    // 3 MB of lines (several chunks in parallel), a 1.5 MB line (longer than
    // a 1 MiB chunk: the rest goes sequentially), then lines again.
    let folder = try TemporaryDirectory()
    let longLine = String(repeating: "头发软件台风面条", count: 1_500_000 / 24) + "\n"
    let text = Self.lines(megabytes: 3) + longLine + Self.lines(megabytes: 2)
    try folder.write("big.txt", text)
    let one = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "1", "big.txt", "-o", "one.txt"], in: folder.url)
    let two = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "2", "big.txt", "-o", "two.txt"], in: folder.url)
    #expect(one.status == 0 && two.status == 0, "\(one.standardError)\(two.standardError)")
    let expected = try #require(folder.read("one.txt"))
    #expect(expected.count == text.utf8.count && expected != Array(text.utf8))
    #expect(folder.read("two.txt") == expected)
    let piped = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "2"], input: Array(text.utf8))
    #expect(piped.standardOutput == expected)
  }

  @Test func invalidUTF8InALaterChunkIsReportedAtItsOffsetAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    let head = Array(Self.lines(megabytes: 5).utf8)
    let bytes = head + Array("汉字".utf8) + [0xFF] + Array("后面\n".utf8) + Array(Self.lines(megabytes: 1).utf8)
    try folder.write("bad.txt", bytes)
    let offset = head.count + 6
    for jobs in ["1", "2", "4"] {
      let result = try FanjianExecutable.run(
        ["convert", "-c", "s2t", "--jobs", jobs, "bad.txt", "-o", "out.txt"], in: folder.url)
      #expect(result.status == 1)
      #expect(result.standardError.contains("bad.txt: not valid UTF-8 at byte offset \(offset);"), "\(result.standardError)")
      #expect(folder.read("out.txt") == nil)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["bad.txt"])
    }
  }

  @Test func aLargeFileThatNeedsNoChangeIsLeftUnchanged() throws {
    let folder = try TemporaryDirectory()
    let text = String(repeating: "plain ASCII text, nothing to convert here; 繁體字也不變。\n", count: 60_000)
    try folder.write("same.txt", text)
    let before = try FileManager.default.attributesOfItem(atPath: folder.path("same.txt"))[.systemFileNumber] as? Int
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--jobs", "2", "--in-place", "same.txt"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.standardError.contains("1 file: 0 converted, 1 unchanged"), "\(result.standardError)")
    let after = try FileManager.default.attributesOfItem(atPath: folder.path("same.txt"))[.systemFileNumber] as? Int
    #expect(before == after)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
  func aFullDiskStopsTheLargeFileWithAnError() throws {
    let folder = try TemporaryDirectory()
    try folder.write("big.txt", Self.lines(megabytes: 4))
    let process = try FanjianExecutable.process(["convert", "-c", "s2t", "--jobs", "2", folder.path("big.txt")])
    let stderr = Pipe()
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    process.standardError = stderr
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
    }
    try #require(FanjianExecutable.waitForExit(process, until: Date(timeIntervalSinceNow: 30)))
    #expect(process.terminationStatus == 1)
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(errors.contains("fanjian: <stdout>: cannot write: No space left on device"), "\(errors)")
  }
}
