import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `normalize`, `check` and `detect` stream: bounded memory whatever the
/// input (an endless pipe, one huge line), and each line out as it arrives.
@Suite struct AnalysisStreamingTests {
  /// Runs `command` under `sh` with virtual memory capped at `megabytes`
  /// (`ulimit -v`): a tool that reads its whole input into memory dies.
  func capped(_ megabytes: Int, _ command: String) throws -> RunResult {
    let executable = try FanjianExecutable.url.get().path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -v \(megabytes * 1024); \(command)"]
    var environment = ProcessInfo.processInfo.environment
    environment["FANJIAN"] = executable
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, standardOutput: Array(output),
      standardError: String(decoding: errors, as: UTF8.self))
  }

  @Test("detect and check read a 300 MB pipe of NUL bytes (like /dev/zero) under a 250 MB memory cap")
  func endlessPipeInBoundedMemory() throws {
    let detect = try capped(250, "head -c 300000000 /dev/zero | \"$FANJIAN\" detect")
    #expect(detect.status == 0, "\(detect.standardError)")
    #expect(detect.outputText.hasPrefix("<stdin>: undetermined"))
    let check = try capped(250, "head -c 60000000 /dev/zero | \"$FANJIAN\" check --expect tw")
    #expect(check.status == 0, "\(check.standardError)")
  }

  @Test("normalize and check handle a 4 MB single line under a 250 MB memory cap")
  func hugeSingleLineInBoundedMemory() throws {
    let clean = String(decoding: SharedExamples.bytes(SharedExamples.normalized("tw")), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ")
    let unit = Array(clean.utf8)
    #expect(!unit.isEmpty)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanjian-stream-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("line.txt").path
    var line: [UInt8] = []
    while line.count < 4_000_000 { line += unit }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(line)))
    let normalized = try capped(250, "\"$FANJIAN\" normalize --to tw < '\(path)' | wc -c")
    #expect(normalized.status == 0, "\(normalized.standardError)")
    #expect(Int(normalized.outputText.trimmingCharacters(in: .whitespacesAndNewlines)) == line.count)
    let check = try capped(250, "\"$FANJIAN\" check --expect tw '\(path)'")
    #expect(check.status == 0, "\(check.standardError) \(check.outputText.prefix(300))")
  }

  @Test("normalize writes each line of standard input before the next one arrives")
  func eachLineComesOutAsItArrives() throws {
    let (process, stdin, stdout, _) = try FanjianExecutable.startPiped(["normalize", "--to", "tw"])
    defer { process.terminate() }
    stdin.fileHandleForWriting.write(Data("数衹\n".utf8))
    // Wait (at most 20 s) for the line without closing standard input: a
    // tool that holds lines back until more input or the end never answers.
    var received: [UInt8] = []
    let descriptor = stdout.fileHandleForReading.fileDescriptor
    let deadline = Date(timeIntervalSinceNow: 20)
    while !received.contains(0x0A) && Date() < deadline {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 200) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(descriptor, &buffer, buffer.count)
      if count <= 0 { break }
      received += buffer[..<count]
    }
    #expect(String(decoding: received, as: UTF8.self) == "數只\n")
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
