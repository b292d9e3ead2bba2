import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Nothing is lost: failures in the middle of a run, hard links, binary
/// files, a killed run, and the exit statuses.
@Suite struct SafetyTests {
  @Test func anUnwritableOutputInTheMiddleOfARunLeavesEverythingElseIntact() throws {
    let folder = try TemporaryDirectory()
    for name in ["a", "b/c", "b/d", "e"] { try folder.write("src/\(name).txt", "汉字 \(name)\n") }
    // out/b cannot become a folder: it is a file already.
    try folder.write("out/b", "not a folder")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "src", "-o", "out"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: out/b/c.txt: cannot create output"))
    #expect(result.standardError.contains("fanjian: out/b/d.txt: cannot create output"))
    #expect(result.standardError.contains("4 files: 2 converted, 0 unchanged, 0 skipped, 2 failed"))
    #expect(folder.read("out/a.txt") == Array("漢字 a\n".utf8))
    #expect(folder.read("out/e.txt") == Array("漢字 e\n".utf8))
    #expect(folder.read("out/b") == Array("not a folder".utf8))
    for name in ["a", "b/c", "b/d", "e"] { #expect(folder.read("src/\(name).txt") == Array("汉字 \(name)\n".utf8)) }
    #expect(try folder.files(in: "out") == ["a.txt", "b", "e.txt"])
  }

  @Test func hardLinkedFilesAreRefusedInPlace() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    try folder.write("other.txt", "汉字\n")
    #expect(link(folder.path("a.txt"), folder.path("b.txt")) == 0)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "a.txt", "other.txt"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: a.txt: has 2 hard links"))
    #expect(folder.read("a.txt") == Array("汉字\n".utf8))
    #expect(folder.read("other.txt") == Array("漢字\n".utf8))
    // Writing a copy is fine.
    let copy = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "-o", "copy.txt"], in: folder.url)
    #expect(copy.status == 0)
  }

  @Test func binaryFilesAreSkippedUnlessForced() throws {
    let folder = try TemporaryDirectory()
    let binary: [UInt8] = Array("汉字".utf8) + [0, 1, 2] + Array("汉字\n".utf8)
    try folder.write("src/data.bin", binary)
    try folder.write("src/text.txt", "汉字\n")
    let skipped = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "src"], in: folder.url)
    #expect(skipped.status == 0)
    #expect(skipped.standardError.contains("src/data.bin: looks like a binary file"))
    #expect(skipped.standardError.contains("1 skipped"))
    #expect(folder.read("src/data.bin") == binary)
    #expect(folder.read("src/text.txt") == Array("漢字\n".utf8))
    let forced = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "--force", "src/data.bin"], in: folder.url)
    #expect(forced.status == 0)
    #expect(folder.read("src/data.bin") == Array("漢字".utf8) + [0, 1, 2] + Array("漢字\n".utf8))
  }

  @Test func exitStatusesAreZeroOneAndTwo() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    let usage: [[String]] = [
      ["--backup", ".orig", "a.txt"],
      ["--in-place"],
      ["-i"],
      ["--in-place", "-", "a.txt"],
      ["--in-place", "a.txt", "-o", "out"],
      ["--jobs", "0", "a.txt"],
      ["--rename", "a.txt"],
      ["--dry-run", "--diff", "a.txt"],
      ["--bogus"],
    ]
    for arguments in usage {
      let result = try FanjianExecutable.run(["convert", "-c", "s2t"] + arguments, in: folder.url)
      #expect(result.status == 2, "\(arguments): \(result.standardError)")
      #expect(folder.read("a.txt") == Array("汉字\n".utf8))
    }
    #expect(try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "missing.txt"], in: folder.url).status == 1)
    #expect(try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "a.txt"], in: folder.url).status == 0)
  }

  @Test(.timeLimit(.minutes(2)))
  func aRunKilledAtAnyMomentLeavesEveryFileOldOrNew() throws {
    let folder = try TemporaryDirectory()
    let old = Array(String(repeating: "汉字简体中文转换\n", count: 20_000).utf8)
    let new = Array(String(repeating: "漢字簡體中文轉換\n", count: 20_000).utf8)
    for delay in [30_000, 150_000, 400_000] as [useconds_t] {
      for index in 0..<60 { try folder.write("src/f\(index).txt", old) }
      let process = try FanjianExecutable.process(["convert", "-c", "s2t", "--in-place", "--jobs", "2", "src"], in: folder.url)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      var converted = 0
      for index in 0..<60 {
        let bytes = folder.read("src/f\(index).txt")
        #expect(bytes == old || bytes == new, "f\(index).txt is neither old nor new after SIGKILL at \(delay) µs")
        if bytes == new { converted += 1 }
      }
      // Leftover temporary files are the only trace, and they are hidden next to their files.
      for file in try folder.files(in: "src") where !file.hasPrefix("f") {
        #expect(file.hasPrefix(".f") && file.contains(".fanjian-"), "\(file)")
        try FileManager.default.removeItem(atPath: folder.path("src/" + file))
      }
      _ = converted
    }
  }

  @Test func interruptedRunRemovesItsTemporaryFiles() throws {
    let folder = try TemporaryDirectory()
    for index in 0..<40 {
      try folder.write("src/f\(index).txt", String(repeating: "汉字简体中文转换\n", count: 20_000))
    }
    let process = try FanjianExecutable.process(["convert", "-c", "s2t", "--in-place", "--jobs", "4", "src"], in: folder.url)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(200_000)
    process.interrupt()
    process.waitUntilExit()
    #expect(try folder.files(in: "src").allSatisfy { !$0.contains(".fanjian-") })
  }

  @Test(.timeLimit(.minutes(2)))
  func aFileChangedDuringTheRunIsLeftAsItIsNow() throws {
    let folder = try TemporaryDirectory()
    let original = Array(String(repeating: "汉字简体中文转换\n", count: 2_500_000).utf8)  // 60 MB
    try folder.write("big.txt", original)
    let process = try FanjianExecutable.process(["convert", "-c", "s2t", "--in-place", "big.txt"], in: folder.url)
    let stderr = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    // Once the temporary file exists the tool is converting: change the original under it.
    let deadline = Date(timeIntervalSinceNow: 20)
    while try folder.contents().count < 2 && Date() < deadline { usleep(1_000) }
    let handle = try #require(FileHandle(forWritingAtPath: folder.path("big.txt")))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("更新\n".utf8))
    try handle.close()
    process.waitUntilExit()
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(errors.contains("big.txt: changed while it was being converted"))
    #expect(folder.read("big.txt") == original + Array("更新\n".utf8))
    #expect(try folder.contents() == ["big.txt"])
  }
}
