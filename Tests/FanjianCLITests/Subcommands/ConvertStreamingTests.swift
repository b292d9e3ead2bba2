import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian convert` as a pipe filter: line-by-line output and bounded work on large input.
@Suite struct ConvertStreamingTests {
  @Test(.timeLimit(.minutes(1)))
  func stdinLinesAreConvertedBeforeInputEnds() throws {
    let (process, stdin, stdout, _) = try FanjianExecutable.startPiped(["convert", "-c", "s2t"])
    defer {
      if process.isRunning { process.terminate() }
    }
    let reader = LineReader(descriptor: stdout.fileHandleForReading.fileDescriptor)

    // stdin stays open: the answer must come back while the tool still waits for more.
    try stdin.fileHandleForWriting.write(contentsOf: Data("汉字\n".utf8))
    #expect(try reader.readLine(timeout: 10) == Array("漢字\n".utf8))
    try stdin.fileHandleForWriting.write(contentsOf: Data("简体中文转换\r\n".utf8))
    #expect(try reader.readLine(timeout: 10) == Array("簡體中文轉換\r\n".utf8))
    #expect(process.isRunning)

    try stdin.fileHandleForWriting.close()
    try #require(FanjianExecutable.waitForExit(process, until: Date(timeIntervalSinceNow: 10)))
    #expect(process.terminationStatus == 0)
    #expect(try reader.readLine(timeout: 10) == [])
  }

  @Test(.timeLimit(.minutes(2)))
  func largeInputWithoutLineBreaksConvertsCompletely() throws {
    // About 20 MB in one line: the stream must hold back only a few bytes
    // inside the line, and the 64 KiB reads split characters anywhere.
    let unit = "汉字abc简体中文转换😀 "
    let converted = "漢字abc簡體中文轉換😀 "
    let repeats = 20_000_000 / unit.utf8.count
    let input = Array(String(repeating: unit, count: repeats).utf8)
    let result = try FanjianExecutable.run(["convert", "-c", "s2t"], input: input)
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.count == converted.utf8.count * repeats)
    #expect(result.standardOutput == Array(String(repeating: converted, count: repeats).utf8))
  }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads VmHWM from /proc (Linux)"),
    .timeLimit(.minutes(2)))
  func memoryStaysBoundedOnALargeStream() throws {
    let (process, stdin, stdout, _) = try FanjianExecutable.startPiped(["convert", "-c", "s2t"])
    defer {
      if process.isRunning { process.terminate() }
    }
    let reader = LineReader(descriptor: stdout.fileHandleForReading.fileDescriptor)
    try stdin.fileHandleForWriting.write(contentsOf: Data("汉字\n".utf8))
    #expect(try reader.readLine(timeout: 10) == Array("漢字\n".utf8))
    let baseline = try Self.peakResidentKilobytes(of: process.processIdentifier)

    // 40 MB in one line, drained as it comes; a tool that kept its input
    // (or output) would grow by at least that much.
    let descriptor = stdout.fileHandleForReading.fileDescriptor
    let drained = ThreadResult<Int>()
    drained.start {
      var total = 0
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 { total += count } else if count == 0 || errno != EINTR { return total }
      }
    }
    let piece = Data(String(repeating: "汉字abc", count: 1 << 17).utf8)  // 1.1 MB
    let pieces = 40_000_000 / piece.count
    for _ in 0..<pieces { try stdin.fileHandleForWriting.write(contentsOf: piece) }
    let peak = try Self.peakResidentKilobytes(of: process.processIdentifier)
    try stdin.fileHandleForWriting.close()

    #expect(drained.wait(until: Date(timeIntervalSinceNow: 60)))
    #expect(drained.value == pieces * Data(String(repeating: "漢字abc", count: 1 << 17).utf8).count)
    #expect(peak - baseline < 16 * 1024, "grew from \(baseline) kB to \(peak) kB while streaming 40 MB")
  }

  /// The peak resident set size of a running process (`VmHWM` in `/proc/<pid>/status`).
  static func peakResidentKilobytes(of pid: Int32) throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { throw HarnessError(description: "no VmHWM in /proc/\(pid)/status") }
    return kilobytes
  }

  @Test(.timeLimit(.minutes(1)))
  func closedOutputPipeEndsTheToolQuietly() throws {
    let (process, stdin, stdout, stderr) = try FanjianExecutable.startPiped(["convert", "-c", "s2t"])
    defer {
      if process.isRunning { process.terminate() }
    }
    try stdout.fileHandleForReading.close()
    // Keep writing until the tool notices that nobody reads its output.
    let line = Data(String(repeating: "汉字", count: 1000).appending("\n").utf8)
    let deadline = Date(timeIntervalSinceNow: 20)
    while process.isRunning && Date() < deadline {
      do { try stdin.fileHandleForWriting.write(contentsOf: line) } catch { break }
    }
    try? stdin.fileHandleForWriting.close()
    try #require(FanjianExecutable.waitForExit(process, until: Date(timeIntervalSinceNow: 10)))
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(errors.isEmpty)
  }
}

/// Reads lines from a descriptor with `poll(2)`, so a missing line fails the
/// test after a timeout instead of hanging it.
final class LineReader {
  private let descriptor: Int32
  private var buffered: [UInt8] = []

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The next line including its `\n`; what is left (possibly empty) at the end of input.
  ///
  /// - Throws: `HarnessError` when no full line arrived within `timeout` seconds.
  func readLine(timeout: TimeInterval) throws -> [UInt8] {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while true {
      if let newline = buffered.firstIndex(of: 0x0A) {
        let line = Array(buffered[...newline])
        buffered.removeFirst(newline + 1)
        return line
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        throw HarnessError(description: "no line within \(timeout) s; got \(buffered.count) bytes so far")
      }
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&request, 1, Int32(min(remaining, 1) * 1000))
      if ready < 0 && errno != EINTR { throw HarnessError(description: "poll failed: errno \(errno)") }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw HarnessError(description: "read failed: errno \(errno)")
      }
      if count == 0 {
        let rest = buffered
        buffered = []
        return rest
      }
      buffered += chunk[..<count]
    }
  }
}
