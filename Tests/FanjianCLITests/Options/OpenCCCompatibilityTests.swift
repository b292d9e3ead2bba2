import Foundation
import Testing

/// OpenCC users' habits are safe: `-i` is an input file (never "in place"),
/// `-o` an output, and `-c` takes OpenCC's configuration names and files.
@Suite struct OpenCCCompatibilityTests {
  @Test("-i is OpenCC's input file: `fanjian -i in.txt -c s2t` prints the conversion and leaves the file alone")
  func shortIIsAnInputNeverInPlace() throws {
    let folder = try TemporaryDirectory()
    try folder.write("in.txt", "汉字\n")
    let result = try FanjianExecutable.run(["-i", "in.txt", "-c", "s2t"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.outputText == "漢字\n")
    #expect(folder.read("in.txt") == Array("汉字\n".utf8))
    let long = try FanjianExecutable.run(["convert", "--input", "in.txt", "-c", "s2t"], in: folder.url)
    #expect(long.outputText == "漢字\n")
    #expect(folder.read("in.txt") == Array("汉字\n".utf8))
  }

  @Test("OpenCC's spelling works as it is: fanjian -i in -o out -c s2t.json")
  func openCCCommandLineWorksUnchanged() throws {
    let folder = try TemporaryDirectory()
    try folder.write("in.txt", "简体中文\n")
    let result = try FanjianExecutable.run(["-i", "in.txt", "-o", "out.txt", "-c", "s2t.json"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("out.txt") == Array("簡體中文\n".utf8))
    #expect(folder.read("in.txt") == Array("简体中文\n".utf8))
    // Debian's OpenCC 1.1.6 converts in place when -o names the input; so does fanjian, with its in-place
    // safeguards (OpenCC empties the file when -o is a symbolic link to it; fanjian converts it and keeps the link).
    let inPlace = try FanjianExecutable.run(["-i", "in.txt", "-o", "in.txt", "-c", "s2t.json"], in: folder.url)
    #expect(inPlace.status == 0, "\(inPlace.standardError)")
    #expect(folder.read("in.txt") == Array("簡體中文\n".utf8))
    #expect(try folder.contents() == ["in.txt", "out.txt"])
  }

  @Test("--in-place has no short form; -i without a file is a usage error")
  func inPlaceIsLongOnly() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.txt", "汉字\n")
    let bare = try FanjianExecutable.run(["convert", "-c", "s2t", "-i"], in: folder.url)
    #expect(bare.status == 2)
    let inPlace = try FanjianExecutable.run(["convert", "-c", "s2t", "--in-place", "a.txt"], in: folder.url)
    #expect(inPlace.status == 0)
    #expect(folder.read("a.txt") == Array("漢字\n".utf8))
  }

  @Test("-c takes an OpenCC configuration file, mapped by its file name or its \"name\" field")
  func openCCConfigurationFilesMapByName() throws {
    let folder = try TemporaryDirectory()
    // The path need not exist: the name is what maps.
    for config in ["/usr/share/opencc/s2twp.json", "./conf/S2TWP.json", "conf/s2twp.json"] {
      let result = try FanjianExecutable.run(["-c", config], input: Array("软件\n".utf8), in: folder.url)
      #expect(result.status == 0, "\(config): \(result.standardError)")
      #expect(result.outputText == "軟體\n", "\(config)")
    }
    try folder.write(
      "mine.json",
      #"{ "name": "Traditional Chinese to Simplified Chinese", "segmentation": { "type": "mmseg" } }"#)
    let byField = try FanjianExecutable.run(["-c", "./mine.json"], input: Array("漢字\n".utf8), in: folder.url)
    #expect(byField.status == 0, "\(byField.standardError)")
    #expect(byField.outputText == "汉字\n")
  }

  @Test("an OpenCC configuration file that does not map is a usage error naming the names that do")
  func unmappableConfigurationFileIsAUsageError() throws {
    let folder = try TemporaryDirectory()
    try folder.write("custom.json", #"{ "name": "My own chain" }"#)
    let result = try FanjianExecutable.run(["-c", "./custom.json"], input: Array("汉字\n".utf8), in: folder.url)
    #expect(result.status == 2)
    #expect(result.standardError.contains("cannot map this OpenCC configuration file"))
    #expect(result.standardError.contains("(My own chain)"))
    #expect(result.standardError.contains("s2t, t2s, s2tw"))
    #expect(result.outputText.isEmpty)
    let missing = try FanjianExecutable.run(["-c", "/nowhere/custom.json"], input: [], in: folder.url)
    #expect(missing.status == 2)
    #expect(missing.standardError.contains("there is no such file"))
  }
}
