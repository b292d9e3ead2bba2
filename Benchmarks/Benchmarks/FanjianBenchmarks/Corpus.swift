import Foundation

/// The benchmark corpora, read once per process and shared by every benchmark.
///
/// The directory is `$FANJIAN_CORPUS` when set, otherwise `shared/corpus`
/// beside the repository (`<repo>/../shared/corpus`), found from this file's
/// path so that the benchmark runs from any working directory.
enum Corpus {
  /// A corpus file: its name and what kind of text it is.
  enum File: String, CaseIterable, Sendable {
    /// Modern Simplified (PRC) legal prose, 12.6 MB.
    case zhHansLaws = "zh-hans-laws.txt"
    /// Classical text (左传) in Simplified characters, 1.9 MB: OpenCC's own benchmark input.
    case zuozhuan = "zuozhuan.txt"
    /// Modern Traditional (Taiwan) laws and colloquial sentences, 11.0 MB.
    case zhHantTWLaws = "zh-hant-tw-laws.txt"

    /// The name without `.txt`, as used in benchmark names.
    var label: String { String(rawValue.dropLast(4)) }
  }

  /// Why a corpus could not be read, with what to do about it.
  struct MissingError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String {
      """
      cannot read benchmark corpus '\(path)' (\(reason)).
      Set FANJIAN_CORPUS to the directory holding \(File.allCases.map(\.rawValue).joined(separator: ", ")), e.g.
        FANJIAN_CORPUS=/path/to/corpus swift package benchmark
      (the default is <repo>/../shared/corpus).
      """
    }
  }

  /// The corpus directory in force.
  static var directory: URL {
    if let path = ProcessInfo.processInfo.environment["FANJIAN_CORPUS"], !path.isEmpty {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    // <repo>/Benchmarks/Benchmarks/FanjianBenchmarks/Corpus.swift → <repo>/../shared/corpus
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // FanjianBenchmarks
      .deletingLastPathComponent()  // Benchmarks (targets)
      .deletingLastPathComponent()  // Benchmarks (package)
      .deletingLastPathComponent()  // <repo>
      .deletingLastPathComponent()  // <repo>/..
      .appendingPathComponent("shared/corpus", isDirectory: true)
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var cache: [File: [UInt8]] = [:]

  /// The bytes of `file`, read from disk on first use.
  ///
  /// - Throws: `MissingError` naming the path and how to set `FANJIAN_CORPUS`.
  static func bytes(of file: File) throws -> [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    if let bytes = cache[file] { return bytes }
    let url = directory.appendingPathComponent(file.rawValue)
    do {
      let bytes = [UInt8](try Data(contentsOf: url))
      cache[file] = bytes
      return bytes
    } catch {
      throw MissingError(path: url.path, reason: (error as NSError).localizedDescription)
    }
  }
}
