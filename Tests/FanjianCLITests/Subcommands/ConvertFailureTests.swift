import Foundation
import Testing

/// How `fanjian convert` fails when the outside world does: a full disk, an interrupt.
@Suite struct ConvertFailureTests {
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
  func writeErrorOnStdoutIsReportedWithExitStatus1() throws {
    let process = try FanjianExecutable.process(["convert", "-c", "s2t"])
    let stdin = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    process.standardError = stderr
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
    }
    try? stdin.fileHandleForWriting.write(contentsOf: Data("汉字\n".utf8))
    try? stdin.fileHandleForWriting.close()
    try #require(FanjianExecutable.waitForExit(process, until: Date(timeIntervalSinceNow: 20)))
    #expect(process.terminationStatus == 1)
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(errors.contains("fanjian: <stdout>: cannot write: No space left on device"))
  }

  @Test(.timeLimit(.minutes(1)))
  func interruptedConversionLeavesNoTemporaryFile() throws {
    let folder = try TemporaryDirectory()
    let process = try FanjianExecutable.process(["convert", "-c", "s2t", "-o", folder.path("out.txt")])
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
    }
    try stdin.fileHandleForWriting.write(contentsOf: Data("汉字\n".utf8))

    // Wait until the tool is writing into its temporary file, then Ctrl-C it.
    let deadline = Date(timeIntervalSinceNow: 20)
    while try folder.contents().isEmpty && Date() < deadline { usleep(10_000) }
    let temporary = try folder.contents()
    #expect(temporary.count == 1 && temporary[0].hasPrefix(".out.txt.fanjian-"), "\(temporary)")
    process.interrupt()
    try #require(FanjianExecutable.waitForExit(process, until: Date(timeIntervalSinceNow: 20)))
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try folder.contents() == [], "left behind after SIGINT")
    try? stdin.fileHandleForWriting.close()
  }
}
