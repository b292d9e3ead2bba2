import Fanjian
import Foundation
import Testing

/// Folders, globs, `-o DIR`, `--in-place`, `--dry-run`, `--diff`, `--rename`
/// and the summary: the batch frontend end to end, through `fanjian convert`.
@Suite struct BatchTests {
  /// A small tree: two texts to convert, one already converted, files the
  /// filters leave out, and a binary file.
  static func makeTree(in folder: TemporaryDirectory) throws {
    try folder.write("src/a.txt", "汉字\n")
    try folder.write("src/sub/b.txt", "简体中文转换\n")
    try folder.write("src/sub/done.txt", "漢字\n")
    try folder.write("src/sub/notes.md", "汉字\n")
    try folder.write("src/.hidden/c.txt", "汉字\n")
    try folder.write("src/skip/d.txt", "汉字\n")
  }

  @Test func foldersAreWalkedWithIncludeExcludeAndHiddenRules() throws {
    let folder = try TemporaryDirectory()
    try Self.makeTree(in: folder)
    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--include", "*.txt", "--exclude", "skip", "src", "-o", "out"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try folder.files(in: "out") == ["a.txt", "sub/b.txt", "sub/done.txt"])

    let withHidden = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--hidden", "--exclude", "sub/*.md", "src", "-o", "all"], in: folder.url)
    #expect(withHidden.status == 0)
    #expect(
      try folder.files(in: "all") == [".hidden/c.txt", "a.txt", "skip/d.txt", "sub/b.txt", "sub/done.txt"])
  }

  @Test func symbolicLinksToFoldersAreFollowedOnlyWhenAsked() throws {
    let folder = try TemporaryDirectory()
    try folder.write("elsewhere/x.txt", "汉字\n")
    try folder.write("src/a.txt", "汉字\n")
    try FileManager.default.createSymbolicLink(atPath: folder.path("src/link"), withDestinationPath: "../elsewhere")
    let plain = try FanjianExecutable.run(["convert", "-c", "s2t", "src", "-o", "out"], in: folder.url)
    #expect(plain.status == 0)
    #expect(try folder.files(in: "out") == ["a.txt"])
    let followed = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--follow-symlinks", "src", "-o", "out2"], in: folder.url)
    #expect(followed.status == 0)
    #expect(try folder.files(in: "out2") == ["a.txt", "link/x.txt"])
    #expect(folder.read("out2/link/x.txt") == Array("漢字\n".utf8))
  }

  @Test func outputDirectoryMirrorsTheTreeAndLeavesInputsAlone() throws {
    let folder = try TemporaryDirectory()
    try Self.makeTree(in: folder)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "-q", "src", "-o", "out/new"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.isEmpty)
    #expect(folder.read("out/new/a.txt") == Array("漢字\n".utf8))
    #expect(folder.read("out/new/sub/b.txt") == Array("簡體中文轉換\n".utf8))
    #expect(folder.read("out/new/sub/notes.md") == Array("漢字\n".utf8))
    #expect(folder.read("src/a.txt") == Array("汉字\n".utf8))
    #expect(try folder.files(in: "out/new") == ["a.txt", "skip/d.txt", "sub/b.txt", "sub/done.txt", "sub/notes.md"])
  }

  @Test func outputDirectoryInsideTheInputIsNotConvertedAgain() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/a.txt", "汉字\n")
    for _ in 0..<2 {
      let result = try FanjianExecutable.run(["convert", "-c", "s2t", "src", "-o", "src/out"], in: folder.url)
      #expect(result.status == 0)
    }
    #expect(try folder.files(in: "src") == ["a.txt", "out/a.txt"])
  }

  @Test func inPlaceWithBackupConvertsChangedFilesOnly() throws {
    let folder = try TemporaryDirectory()
    try Self.makeTree(in: folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.path("src/a.txt"))
    let untouched = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: untouched], ofItemAtPath: folder.path("src/sub/done.txt"))

    let result = try FanjianExecutable.run(
      ["convert", "-c", "s2t", "--in-place", "--backup", ".orig", "src"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(folder.read("src/a.txt") == Array("漢字\n".utf8))
    #expect(folder.read("src/a.txt.orig") == Array("汉字\n".utf8))
    #expect(folder.read("src/sub/b.txt") == Array("簡體中文轉換\n".utf8))
    #expect(folder.read("src/sub/b.txt.orig") == Array("简体中文转换\n".utf8))
    let permissions = try FileManager.default.attributesOfItem(atPath: folder.path("src/a.txt"))[.posixPermissions]
    #expect(permissions as? Int == 0o640)
    // An unchanged file is not rewritten and gets no backup.
    #expect(folder.read("src/sub/done.txt.orig") == nil)
    let date = try FileManager.default.attributesOfItem(atPath: folder.path("src/sub/done.txt"))[.modificationDate]
    #expect(date as? Date == untouched)
    #expect(folder.read("src/.hidden/c.txt") == Array("汉字\n".utf8))
    #expect(!(try folder.files(in: "src").contains { $0.contains(".fanjian-") }))
    #expect(result.standardError.contains("5 files: 4 converted, 1 unchanged, 0 skipped, 0 failed"))
  }

  @Test func dryRunListsWhatWouldChangeAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    try Self.makeTree(in: folder)
    let before = try folder.files()
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--dry-run", "--in-place", "src"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.outputText == "src/a.txt\nsrc/skip/d.txt\nsrc/sub/b.txt\nsrc/sub/notes.md\n")
    #expect(try folder.files() == before)
    #expect(folder.read("src/a.txt") == Array("汉字\n".utf8))
    #expect(result.standardError.contains("dry run"))
  }

  @Test func diffShowsAUnifiedDiffAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    let lines = (1...20).map { "line \($0)\n" }
    var text = lines
    text[4] = "汉字\n"
    try folder.write("doc.txt", text.joined() + "最后")
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--diff", "doc.txt"], in: folder.url)
    #expect(result.status == 0)
    #expect(
      result.outputText == """
        --- doc.txt
        +++ doc.txt
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -汉字
        +漢字
         line 6
         line 7
         line 8
        @@ -18,4 +18,4 @@
         line 18
         line 19
         line 20
        -最后
        \\ No newline at end of file
        +最後
        \\ No newline at end of file

        """)
    #expect(folder.read("doc.txt") == Array((text.joined() + "最后").utf8))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/patch"), "needs patch(1)"))
  func diffAppliesWithPatch() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a/one.txt", (1...30).map { $0 % 7 == 0 ? "汉字 \($0)\n" : "line \($0)\n" }.joined())
    try folder.write("a/two.txt", "简体\r\n中文\r\n")
    let diff = try FanjianExecutable.run(["convert", "-c", "s2t", "--diff", "a"], in: folder.url)
    #expect(diff.status == 0)
    let patch = Process()
    patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
    patch.arguments = ["-s", "-p0"]
    patch.currentDirectoryURL = folder.url
    let input = Pipe()
    patch.standardInput = input
    try patch.run()
    try input.fileHandleForWriting.write(contentsOf: Data(diff.standardOutput))
    try input.fileHandleForWriting.close()
    patch.waitUntilExit()
    #expect(patch.terminationStatus == 0)
    let converted = try FanjianExecutable.run(["convert", "-c", "s2t", "a/one.txt", "a/two.txt"], in: folder.url)
    #expect(folder.read("a/one.txt")! + folder.read("a/two.txt")! == converted.standardOutput)
  }

  @Test func renameConvertsFileAndFolderNames() throws {
    let folder = try TemporaryDirectory()
    try folder.write("src/简体/汉字.txt", "汉字\n")
    try folder.write("src/plain.txt", "汉字\n")
    let mirrored = try FanjianExecutable.run(["convert", "-c", "s2t", "--rename", "src", "-o", "out"], in: folder.url)
    #expect(mirrored.status == 0)
    #expect(try folder.files(in: "out") == ["plain.txt", "簡體/漢字.txt"])
    let inPlace = try FanjianExecutable.run(["convert", "-c", "s2t", "--rename", "--in-place", "src"], in: folder.url)
    #expect(inPlace.status == 0, "\(inPlace.standardError)")
    #expect(try folder.files(in: "src") == ["plain.txt", "簡體/漢字.txt"])
    #expect(folder.read("src/簡體/漢字.txt") == Array("漢字\n".utf8))
  }

  @Test func resultsAreTheSameOnOneThreadAndOnMany() throws {
    let folder = try TemporaryDirectory()
    for index in 0..<40 { try folder.write("src/\(index % 5)/f\(index).txt", "汉字 \(index)\n简体中文转换\n") }
    let one = try FanjianExecutable.run(["convert", "-c", "s2t", "--jobs", "1", "src", "-o", "one"], in: folder.url)
    let many = try FanjianExecutable.run(["convert", "-c", "s2t", "--jobs", "8", "src", "-o", "many"], in: folder.url)
    #expect(one.status == 0 && many.status == 0)
    let files = try folder.files(in: "one")
    let manyFiles = try folder.files(in: "many")
    #expect(files.count == 40 && files == manyFiles)
    for file in files { #expect(folder.read("one/" + file) == folder.read("many/" + file)) }
    // On standard output, several files come in input order whatever --jobs says.
    let ordered = try FanjianExecutable.run(["convert", "-c", "s2t", "--jobs", "8", "--diff", "src"], in: folder.url)
    let headers = ordered.outputText.split(separator: "\n").filter { $0.hasPrefix("--- ") }.map {
      String($0.dropFirst(4))
    }
    #expect(headers == files.map { "src/" + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test func oneLargeFileIsTheSameOnOneThreadAndOnSeveral() throws {
    // About 10 MB: several 2 MiB-a-thread chunks, each cut among the threads.
    let folder = try TemporaryDirectory()
    var text = ""
    var index = 0
    while text.utf8.count < 10_000_000 {
      text += "第\(index)行：头发和软件，干燥的面条里有历史。只是一只台风 ASCII\n"
      index += 1
    }
    try folder.write("big.txt", text)
    let one = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "1", "big.txt", "-o", "one.txt"], in: folder.url)
    let many = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "4", "big.txt", "-o", "many.txt"], in: folder.url)
    #expect(one.status == 0 && many.status == 0)
    let expected = try #require(folder.read("one.txt"))
    #expect(expected.count > 10_000_000)
    #expect(folder.read("many.txt") == expected)
    let piped = try FanjianExecutable.run(["convert", "-c", "s2twp", "--jobs", "4"], input: Array(text.utf8))
    #expect(piped.standardOutput == expected)
  }

  @Test func progressAndSummaryNeverReachAPipe() throws {
    let folder = try TemporaryDirectory()
    for index in 0..<200 { try folder.write("src/f\(index).txt", String(repeating: "汉字简体中文转换\n", count: 2000)) }
    let result = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "src"], in: folder.url)
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    // Standard error is a pipe too: a summary, but never a progress line.
    #expect(!result.standardError.contains("\r"))
    #expect(!result.standardError.contains("\u{1B}"))
    #expect(result.standardError.hasPrefix("fanjian: 200 files: 200 converted"))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }

  @Test func normalizeUsesTheSameBatchFrontend() throws {
    let folder = try TemporaryDirectory()
    try folder.write("docs/a.txt", "小紮隻是对标\n")
    try folder.write("docs/sub/b.txt", "對標\n")
    try folder.write("docs/gb.txt", try TextEncoding.gb18030.encode("对标\n"))
    let result = try FanjianExecutable.run(
      ["normalize", "--to", "t", "--encoding", "utf-8,gb18030", "--in-place", "--backup", ".bak", "docs"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("docs/a.txt") == Array("小扎只是對標\n".utf8))
    #expect(folder.read("docs/a.txt.bak") == Array("小紮隻是对标\n".utf8))
    #expect(folder.read("docs/sub/b.txt.bak") == nil)
    #expect(folder.read("docs/gb.txt") == (try TextEncoding.gb18030.encode("對標\n")))
    #expect(result.standardError.contains("3 files: 2 converted, 1 unchanged"))
  }
}
