#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything the tool writes besides converted files, from any thread:
/// results on standard output, messages and the progress line on standard error.
///
/// Standard output carries only results (converted text, `--diff`, the
/// `--dry-run` list), so a pipe never sees anything else. Messages clear the
/// progress line first, and the ticker redraws it.
final class Console: @unchecked Sendable {
  private let lock = Lock()
  private var progressLineShown = false

  /// Prints `fanjian: <message>` on standard error.
  func report(_ message: some CustomStringConvertible) {
    lock.withLock {
      clearProgressLocked()
      try? FileDescriptor.standardError.writeAll(Array("fanjian: \(message)\n".utf8))
    }
  }

  /// Writes results on standard output.
  ///
  /// - Throws: `CommandError.brokenPipe` when the reader went away, `.writeFailed` otherwise.
  func writeResult(_ bytes: [UInt8]) throws(CommandError) {
    guard !bytes.isEmpty else { return }
    try lock.withLock { () throws(CommandError) in
      do throws(SystemError) {
        try FileDescriptor.standardOutput.writeAll(bytes)
      } catch {
        throw error.isBrokenPipe ? .brokenPipe : .writeFailed(path: CommandError.standardOutputName, reason: error)
      }
    }
  }

  /// Replaces the progress line on standard error (a terminal) with `line`.
  func showProgress(_ line: String) {
    lock.withLock {
      try? FileDescriptor.standardError.writeAll(Array("\r\u{1B}[K\(line)".utf8))
      progressLineShown = true
    }
  }

  /// Removes the progress line.
  func clearProgress() {
    lock.withLock { clearProgressLocked() }
  }

  private func clearProgressLocked() {
    guard progressLineShown else { return }
    try? FileDescriptor.standardError.writeAll(Array("\r\u{1B}[K".utf8))
    progressLineShown = false
  }
}
