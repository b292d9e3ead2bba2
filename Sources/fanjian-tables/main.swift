// fanjian-tables: regenerates data/icu/ from ICU and compiles data/ into the
// tables embedded in the library (Sources/CFanjianTables/blobs/).
//
//   swift run fanjian-tables extract-icu   # data/icu/*.txt from this machine's ICU
//   swift run fanjian-tables compile       # blobs from data/ (run after editing data/)
//   swift run fanjian-tables check         # exit 1 when the blobs are stale
//   swift run fanjian-tables try s2twp '软件'   # compose from data/ and convert
//
// Run from the repository root, or pass --root DIR.
import Fanjian
import Foundation

struct Failure: Error, CustomStringConvertible {
  var description: String
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("fanjian-tables: \(message)\n".utf8))
  exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var root = FileManager.default.currentDirectoryPath
if let index = arguments.firstIndex(of: "--root"), index + 1 < arguments.count {
  root = arguments[index + 1]
  arguments.removeSubrange(index...index + 1)
}
let data = TableData(directory: root + "/data")
let blobDirectory = root + "/Sources/CFanjianTables/blobs"

func write(_ text: String, to relativePath: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: data.directory + "/" + relativePath), options: .atomic)
}

do {
  switch arguments.first {
  case "extract-icu":
    try ICUExtractor(data: data).run(write: write)
  case "compile":
    for config in ConversionConfig.allCases {
      let composer = try data.composer(for: config)
      let (entries, unreachable) = composer.composition()
      // The entries, then the image of the matcher built from them (TableBlob).
      let blob = try TableBlob.appendingImage(to: TableBlob.encode(entries), name: config.rawValue)
      try Data(blob).write(to: URL(fileURLWithPath: "\(blobDirectory)/\(config.rawValue).bin"), options: .atomic)
      print("\(config.rawValue): \(entries.count) entries, \(blob.count) bytes with its image")
      for key in unreachable.prefix(20) {
        print("  warning: \(config.rawValue): later-stage key '\(key)' is not reachable from any input")
      }
      if unreachable.count > 20 { print("  warning: … and \(unreachable.count - 20) more unreachable keys") }
    }
  case "icu-rules":
    // Prints an ICU transliterator's rules, for inspecting what extract-icu reads.
    print(try Transliterator(id: arguments.count > 1 ? arguments[1] : "Simplified-Traditional").rules())
  case "time":
    // In-process throughput of the embedded tables: time CONFIG FILE [RUNS] [THREADS].
    guard arguments.count >= 3, let config = ConversionConfig(name: arguments[1]) else {
      fail("usage: fanjian-tables time CONFIG FILE [RUNS]")
    }
    let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
    let threads = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1
    let clock = ContinuousClock()
    let start = clock.now
    let converter = try Converter(config)
    let construction = clock.now - start
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 2)
    var seconds: [Double] = []
    for _ in 0..<runs {
      output.removeAll(keepingCapacity: true)
      let begin = clock.now
      try input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
        if threads > 1 {
          try converter.convert(utf8: bytes, appendingTo: &output, maximumConcurrency: threads)
        } else {
          try converter.convert(utf8: bytes, appendingTo: &output)
        }
      }
      let elapsed = clock.now - begin
      seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let median = seconds.sorted()[seconds.count / 2]
    print(String(format: "%@ (%d thread(s)): %.1f MB/s (median of %d, %.1f MB), construction %@", config.rawValue, threads, Double(input.count) / median / 1e6, runs, Double(input.count) / 1e6, "\(construction)"))
  case "check":
    var stale: [String] = []
    for config in ConversionConfig.allCases {
      let expected = try data.compiledBlob(for: config)
      let path = "\(blobDirectory)/\(config.rawValue).bin"
      let actual = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
      if expected != actual { stale.append(config.rawValue) }
    }
    if !stale.isEmpty {
      fail("stale tables for \(stale.joined(separator: ", ")): run `swift run fanjian-tables compile`")
    }
    print("tables are up to date")
  case "try":
    guard arguments.count >= 3, let config = ConversionConfig(name: arguments[1]) else {
      fail("usage: fanjian-tables try CONFIG (TEXT… | --file PATH) [--sequential]")
    }
    let composer = try data.composer(for: config)
    let converter = try Converter(config: config, entries: composer.composedEntries())
    let sequential = arguments.contains("--sequential")
    var texts = Array(arguments.dropFirst(2)).filter { $0 != "--sequential" }
    if texts.first == "--file", texts.count == 2 {
      texts = [try String(contentsOfFile: texts[1], encoding: .utf8)]
    }
    for text in texts {
      print(sequential ? composer.runSequentially(text) : converter.convert(text))
    }
  default:
    fail("usage: fanjian-tables (extract-icu | compile | check | try CONFIG TEXT…) [--root DIR]")
  }
} catch let error as FanjianError {
  fail(error.description)
} catch {
  fail("\(error)")
}
