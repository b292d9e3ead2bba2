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
  ///
  /// A signal the parent set to be ignored (`nohup`, background jobs) stays
  /// ignored. A signal the parent left *blocked* is unblocked: programs that
  /// spawn from threads blocking every signal (Foundation's `Process` on
  /// Linux does) would otherwise start a `fanjian` that neither Ctrl-C nor
  /// `terminate()` can stop.
  static func install() {
    var handled = sigset_t()
    sigemptyset(&handled)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(signalNumber) { signalNumber in
        if let path = InterruptCleanup.path { unlink(path) }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
      }
      // Handlers are C function pointers, which Swift cannot compare directly.
      if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        signal(signalNumber, SIG_IGN)
      } else {
        sigaddset(&handled, signalNumber)
      }
    }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }

  /// Creates a temporary file with `mkstemp(3)` and tracks it, with the
  /// handled signals held off in between so an interrupt cannot slip in
  /// after the file exists but before it is tracked.
  static func makeTrackedTemporaryFile(template: String) throws(SystemError) -> (FileDescriptor, path: String) {
    var held = sigset_t()
    var previous = sigset_t()
    sigemptyset(&held)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&held, signalNumber) }
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let created = try FileDescriptor.makeTemporaryFile(template: template)
    track(created.path)
    return created
  }

  /// Remembers `temporaryPath` as the file to remove on interruption.
  private static func track(_ temporaryPath: String) {
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
