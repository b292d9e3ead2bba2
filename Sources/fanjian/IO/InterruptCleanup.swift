#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary output file when the tool is interrupted (SIGINT,
/// SIGTERM, SIGHUP), so Ctrl-C never leaves a `.name.fanjian-XXXXXX` behind.
///
/// At most one temporary file is open at a time. Its path is kept as a C
/// string in a global because a signal handler may only call
/// async-signal-safe functions (`unlink`, `signal`, `raise`).
enum InterruptCleanup {
  nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

  /// Installs the handlers; call once before any output file is created.
  static func install() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { signalNumber in
        if let path = InterruptCleanup.path { unlink(path) }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
      }
    }
  }

  /// Remembers `temporaryPath` as the file to remove on interruption.
  static func track(_ temporaryPath: String) {
    let copy = strdup(temporaryPath)
    let old = path
    path = copy
    free(old)
  }

  /// Forgets the tracked file (it was committed or removed).
  static func untrack() {
    let old = path
    path = nil
    free(old)
  }
}
