import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The in-place safeguards hold however in-place writing is asked for
/// (`--in-place`, or `-o` naming the input), backups and temporary files
/// are never inputs, nothing outside the named trees is written, and Ctrl-C
/// reports nothing false.
@Suite struct InPlaceSafeguardTests {
  /// The device and inode of a path (not following a final symbolic link).
  static func identity(_ path: String) -> (dev: UInt64, ino: UInt64, isLink: Bool)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (UInt64(info.st_dev), UInt64(info.st_ino), (info.st_mode & S_IFMT) == S_IFLNK)
  }

  // MARK: -o naming the input (issue 12, item 6)

  @Test("-o naming a hard link of the input is in place: refused, the link is not split")
  func outputNamingAHardLinkOfTheInputIsRefused() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    #expect(link(folder.path("a.txt"), folder.path("b.txt")) == 0)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "-o", "b.txt"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("fanjian: a.txt: has 2 hard links"))
    #expect(folder.read("a.txt") == Array("汉字\n".utf8))
    #expect(folder.read("b.txt") == Array("汉字\n".utf8))
    #expect(Self.identity(folder.path("a.txt"))?.ino == Self.identity(folder.path("b.txt"))?.ino)
  }

  @Test("-o naming a symbolic link to the input converts the file and keeps the link")
  func outputNamingASymbolicLinkToTheInputKeepsTheLink() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    try FileManager.default.createSymbolicLink(atPath: folder.path("l.txt"), withDestinationPath: "a.txt")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "-o", "l.txt"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Self.identity(folder.path("l.txt"))?.isLink == true)
    #expect(folder.read("a.txt") == Array("漢字\n".utf8))
    // The same the other way round: the input named through the link, -o naming the file.
    try folder.write("b.txt", "简体\n")
    try FileManager.default.createSymbolicLink(atPath: folder.path("m.txt"), withDestinationPath: "b.txt")
    let reverse = try FanjianExecutable.run(["convert", "-c", "s2t", "m.txt", "-o", "b.txt"], in: folder.url)
    #expect(reverse.status == 0, "\(reverse.standardError)")
    #expect(Self.identity(folder.path("m.txt"))?.isLink == true)
    #expect(folder.read("b.txt") == Array("簡體\n".utf8))
  }

  @Test("-o naming the input does not rewrite a file whose text does not change")
  func outputNamingTheInputLeavesAnUnchangedFileUntouched() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "漢字\n")
    let before = Self.identity(folder.path("a.txt"))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "a.txt", "-o", "a.txt"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Self.identity(folder.path("a.txt"))?.ino == before?.ino)
    #expect(folder.read("a.txt") == Array("漢字\n".utf8))
  }

  @Test("-o naming the input folder converts it in place, with every safeguard")
  func outputNamingTheInputFolderIsInPlace() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/a.txt", "汉字\n")
    try folder.write("src/same.txt", "漢字\n")
    try folder.write("src/shared.txt", "汉字\n")
    try folder.write("outside.txt", "汉字\n")
    #expect(link(folder.path("src/shared.txt"), folder.path("other-name.txt")) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("src/link.txt"), withDestinationPath: "../outside.txt")
    let same = Self.identity(folder.path("src/same.txt"))
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "src", "-o", "src/"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("src/shared.txt: has 2 hard links"))
    #expect(folder.read("src/a.txt") == Array("漢字\n".utf8))
    #expect(folder.read("src/shared.txt") == Array("汉字\n".utf8))
    #expect(Self.identity(folder.path("src/same.txt"))?.ino == same?.ino)
    #expect(folder.read("outside.txt") == Array("汉字\n".utf8))
    #expect(Self.identity(folder.path("src/link.txt"))?.isLink == true)
    #expect(try folder.files(in: "src") == ["a.txt", "link.txt", "same.txt", "shared.txt"])
  }

  @Test("--rename with -o naming the folder being converted is a usage error pointing at --in-place")
  func renameIntoTheInputFolderIsAUsageError() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/简体.txt", "汉字\n")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--rename", "src", "-o", "./src"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.standardError.contains("use --in-place instead of -o"))
    #expect(try folder.files(in: "src") == ["简体.txt"])
    #expect(folder.read("src/简体.txt") == Array("汉字\n".utf8))
  }

  @Test("normalize --report with -o naming a hard link of the input refuses it too")
  func normalizeReportOutputNamingTheInputKeepsHardLinks() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "对标\n")
    #expect(link(folder.path("a.txt"), folder.path("b.txt")) == 0)
    let result = try FanjianExecutable.run(
      ["normalize", "--to", "t", "--report", "a.txt", "-o", "b.txt"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("a.txt: has 2 hard links"))
    #expect(folder.read("b.txt") == Array("对标\n".utf8))
    #expect(Self.identity(folder.path("a.txt"))?.ino == Self.identity(folder.path("b.txt"))?.ino)
  }

  // MARK: Backups and temporary files are never inputs (item 7)

  @Test("a second --in-place --backup run leaves the first run's backups alone")
  func backupsOfAnEarlierRunAreNotConverted() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/a.txt", "汉字\n")
    let first = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--backup", ".orig", "src"], in: folder.url)
    #expect(first.status == 0, "\(first.standardError)")
    try folder.write("src/b.txt", "简体\n")
    let second = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--backup", ".orig", "--verbose", "src"], in: folder.url)
    #expect(second.status == 0, "\(second.standardError)")
    #expect(second.standardError.contains("src/a.txt.orig: left out: a backup"))
    #expect(try folder.files(in: "src") == ["a.txt", "a.txt.orig", "b.txt", "b.txt.orig"])
    #expect(folder.read("src/a.txt.orig") == Array("汉字\n".utf8))
    #expect(folder.read("src/b.txt.orig") == Array("简体\n".utf8))
    #expect(folder.read("src/b.txt") == Array("簡體\n".utf8))
  }

  @Test("a backup named on the command line is skipped with a warning, not converted")
  func aBackupNamedOnTheCommandLineIsSkipped() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    try folder.write("a.txt.orig", "汉字\n")
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--backup", ".orig", "a.txt", "a.txt.orig"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("a.txt.orig: ends in the backup suffix .orig"))
    #expect(result.standardError.contains("1 converted, 0 unchanged, 1 skipped"))
    #expect(try folder.contents() == ["a.txt", "a.txt.orig"])
    #expect(folder.read("a.txt.orig") == Array("汉字\n".utf8))
  }

  @Test("temporary files left by kill -9 are never converted, even with --hidden")
  func leftoverTemporaryFilesAreNeverInputs() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/.a.txt.fanjian-Ab12Cd", "汉字\n")
    try folder.write("src/.visible-hidden.txt", "汉字\n")
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--hidden", "--verbose", "src"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("src/.a.txt.fanjian-Ab12Cd: left out: a temporary file"))
    #expect(folder.read("src/.a.txt.fanjian-Ab12Cd") == Array("汉字\n".utf8))
    #expect(folder.read("src/.visible-hidden.txt") == Array("漢字\n".utf8))
  }

  // MARK: Symbolic links in place (item 8)

  @Test("in place, a symbolic link found in a folder is left alone: nothing outside the tree is written")
  func symbolicLinksInAFolderAreLeftAloneInPlace() throws {
    let folder = try TemporaryDirectory()
    try folder.write("outside.txt", "汉字\n")
    try folder.write("src/a.txt", "汉字\n")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("src/link.txt"), withDestinationPath: "../outside.txt")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "--verbose", "src"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("src/link.txt: left out: a symbolic link"))
    #expect(folder.read("outside.txt") == Array("汉字\n".utf8))
    #expect(Self.identity(folder.path("src/link.txt"))?.isLink == true)
    #expect(folder.read("src/a.txt") == Array("漢字\n".utf8))

    // Asked for: the file the link points to is converted, and the link stays a link.
    let followed = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--follow-symlinks", "src"], in: folder.url)
    #expect(followed.status == 0, "\(followed.standardError)")
    #expect(folder.read("outside.txt") == Array("漢字\n".utf8))
    #expect(Self.identity(folder.path("src/link.txt"))?.isLink == true)
  }

  @Test("in place, a symbolic link named on the command line converts the file it points to; the link stays")
  func aSymbolicLinkNamedInPlaceConvertsItsTarget() throws {
    let folder = try TemporaryDirectory()
    try folder.write("target.txt", "汉字\n")
    try FileManager.default.createSymbolicLink(atPath: folder.path("named.txt"), withDestinationPath: "target.txt")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "named.txt"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("target.txt") == Array("漢字\n".utf8))
    #expect(Self.identity(folder.path("named.txt"))?.isLink == true)
  }

  // MARK: Ctrl-C (item 9)

  @Test("Ctrl-C reports nothing for the files it stopped, and starts no new ones", .timeLimit(.minutes(2)))
  func interruptReportsNoFalseFailures() throws {
    let folder = try TemporaryDirectory()
    // Many small files: workers start new files every few microseconds, so files are always being started when
    // the interrupt arrives.
    for index in 0..<3000 { try folder.write("src/f\(String(format: "%04d", index)).txt", "汉字\n") }
    for attempt in 0..<4 {
      let process = try FanjianExecutable.process(
        ["convert", "-c", "s2t", "--in-place", "--jobs", "4", "src"], in: folder.url)
      let stderr = Pipe()
      process.standardOutput = FileHandle.nullDevice
      process.standardError = stderr
      let errors = ThreadResult<Data>()
      errors.start { stderr.fileHandleForReading.readDataToEndOfFile() }
      try process.run()
      // Interrupt once files are being converted (walking the folder comes first).
      let deadline = Date(timeIntervalSinceNow: 60)
      while folder.read("src/f0000.txt") == Array("汉字\n".utf8) && Date() < deadline { usleep(500) }
      process.interrupt()
      process.waitUntilExit()
      #expect(errors.wait(until: Date(timeIntervalSinceNow: 10)))
      let messages = String(decoding: errors.value ?? Data(), as: UTF8.self)
      #expect(process.terminationReason == .uncaughtSignal, "attempt \(attempt)")
      #expect(messages.isEmpty, "attempt \(attempt): \(messages.prefix(400))")
      let files = try folder.files(in: "src")
      #expect(files.allSatisfy { !$0.contains(".fanjian-") })
      for file in files {
        let bytes = folder.read("src/" + file)
        #expect(bytes == Array("汉字\n".utf8) || bytes == Array("漢字\n".utf8), "\(file)")
        if bytes != Array("汉字\n".utf8) { try folder.write("src/" + file, "汉字\n") }
      }
    }
  }
}
