import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a run of the `fanjian` executable produced.
struct RunResult {
  /// The exit status.
  var status: Int32
  /// Everything written to standard output.
  var standardOutput: [UInt8]
  /// Everything written to standard error, decoded as UTF-8.
  var standardError: String

  /// Standard output decoded as UTF-8.
  var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
}

/// A failure of the test harness itself (not of the tool under test).
struct HarnessError: Error, CustomStringConvertible {
  var description: String
}

/// Finds and runs the `fanjian` executable that SwiftPM built next to the tests.
enum FanjianExecutable {
  /// The built executable, found once.
  ///
  /// `swift build` and `swift test` put products and the test bundle in one
  /// folder (`.build/debug`, or `<scratch>/debug`): on Linux the test binary is
  /// `<products>/FanjianPackageTests.xctest`, on macOS the bundle's
  /// `Contents/MacOS/…` sits inside it. So walk up a few folders from the test
  /// binary and the loaded `.xctest` bundles. `FANJIAN_EXECUTABLE` overrides.
  static let url: Result<URL, HarnessError> = locate()

  private static func locate() -> Result<URL, HarnessError> {
    let fileManager = FileManager.default
    if let override = ProcessInfo.processInfo.environment["FANJIAN_EXECUTABLE"] {
      guard fileManager.isExecutableFile(atPath: override) else {
        return .failure(HarnessError(description: "FANJIAN_EXECUTABLE=\(override) is not an executable file"))
      }
      return .success(URL(fileURLWithPath: override))
    }
    var starts: [URL] = []
    starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath())
    starts += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL)
    starts.append(Bundle.main.bundleURL)
    var searched: [String] = []
    for start in starts {
      var folder = start.deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("fanjian")
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
          fileManager.isExecutableFile(atPath: candidate.path)
        {
          return .success(candidate)
        }
        searched.append(folder.path)
        folder = folder.deletingLastPathComponent()
      }
    }
    return .failure(
      HarnessError(
        description: "cannot find the built `fanjian` executable next to the test binary; searched "
          + searched.joined(separator: ", ")
          + ". Run the tests with `swift test` (which builds it), or set FANJIAN_EXECUTABLE."))
  }

  /// Makes a `Process` for `fanjian` with `arguments`, not yet started.
  static func process(_ arguments: [String], in directory: URL? = nil) throws -> Process {
    let process = Process()
    process.executableURL = try url.get()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    return process
  }

  /// Starts `fanjian` with a pipe on each of its standard streams, for tests
  /// that talk to it while it runs (and for ``run(_:input:in:timeout:)``).
  static func startPiped(
    _ arguments: [String], in directory: URL? = nil
  ) throws -> (Process, stdin: Pipe, stdout: Pipe, stderr: Pipe) {
    _ = ignoreSIGPIPE
    let process = try process(arguments, in: directory)
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    return (process, stdin, stdout, stderr)
  }

  /// Runs `fanjian` to completion, feeding it `input` on standard input.
  ///
  /// Input is written and both outputs are read on their own threads, so
  /// large inputs cannot deadlock on full pipes.
  ///
  /// - Throws: `HarnessError` if the process does not finish within `timeout`.
  static func run(
    _ arguments: [String], input: [UInt8] = [], in directory: URL? = nil, timeout: TimeInterval = 120
  ) throws -> RunResult {
    let (process, stdin, stdout, stderr) = try startPiped(arguments, in: directory)

    let output = ThreadResult<Data>()
    let errors = ThreadResult<Data>()
    let written = ThreadResult<Void>()
    output.start { stdout.fileHandleForReading.readDataToEndOfFile() }
    errors.start { stderr.fileHandleForReading.readDataToEndOfFile() }
    written.start {
      // The tool may exit before reading everything (usage errors): EPIPE is fine.
      try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    let deadline = Date(timeIntervalSinceNow: timeout)
    guard output.wait(until: deadline), errors.wait(until: deadline), written.wait(until: deadline),
      waitForExit(process, until: deadline)
    else {
      process.terminate()
      throw HarnessError(description: "fanjian \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
    }
    return RunResult(
      status: process.terminationStatus,
      standardOutput: Array(output.value ?? Data()),
      standardError: String(decoding: errors.value ?? Data(), as: UTF8.self))
  }

  /// Waits for `process` to exit; `false` if `deadline` passed first.
  static func waitForExit(_ process: Process, until deadline: Date) -> Bool {
    while process.isRunning {
      if Date() > deadline { return false }
      usleep(5_000)
    }
    process.waitUntilExit()
    return true
  }

  /// Writing to a pipe whose reader exited must fail with EPIPE, not kill the test runner.
  static let ignoreSIGPIPE: Void = {
    signal(SIGPIPE, SIG_IGN)
  }()
}

/// A value computed on a dedicated thread (not the cooperative pool, which
/// blocking pipe reads would starve).
final class ThreadResult<Value>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var stored: Value?

  /// The value, once the thread finished.
  var value: Value? { lock.withLock { stored } }

  /// Starts `body` on a new thread.
  func start(_ body: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in
      let result = body()
      lock.withLock { stored = result }
      done.signal()
    }
    thread.start()
  }

  /// Waits for the thread; `false` if `deadline` passed first.
  func wait(until deadline: Date) -> Bool {
    done.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow)) == .success
  }
}
