#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary output files when the tool is interrupted (SIGINT,
/// SIGTERM, SIGHUP), so Ctrl-C never leaves a `.name.fanjian-XXXXXX` behind.
///
/// Several files may be open at once (one per worker thread). Their paths are
/// kept in a fixed table of C strings allocated once, because a signal
/// handler may only call async-signal-safe functions (`unlink`, `signal`,
/// `raise`) and must never see memory being freed: a slot's path is written
/// while the slot is inactive, and only then marked active.
enum InterruptCleanup {
  /// How many temporary files can be tracked at once (more workers than this
  /// are never started).
  static let capacity = 256
  private static let pathCapacity = Int(PATH_MAX) + 1

  nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathCapacity)
  nonisolated(unsafe) private static let active: UnsafeMutablePointer<Int32> = {
    let flags = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    flags.initialize(repeating: 0, count: capacity)
    return flags
  }()
  /// `[0]`: how many threads are between creating a temporary file and
  /// tracking it; `[1]`: set once an interrupt arrived (by the handler, which
  /// cannot take the lock). `[0]` is changed under `lock` and read by the handler.
  nonisolated(unsafe) private static let progress: UnsafeMutablePointer<Int32> = {
    let counters = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
    counters.initialize(repeating: 0, count: 2)
    return counters
  }()
  nonisolated(unsafe) private static var lock = pthread_mutex_t()
  nonisolated(unsafe) private static var lockReady: Void = {
    pthread_mutex_init(&lock, nil)
  }()

  /// Installs the handlers; call once before any output file is created.
  ///
  /// A signal the parent set to be ignored (`nohup`, background jobs) stays
  /// ignored. A signal the parent left *blocked* is unblocked: programs that
  /// spawn from threads blocking every signal (Foundation's `Process` on
  /// Linux does) would otherwise start a `fanjian` that neither Ctrl-C nor
  /// `terminate()` can stop.
  static func install() {
    _ = lockReady
    _ = active
    _ = progress
    var handled = sigset_t()
    sigemptyset(&handled)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(signalNumber) { signalNumber in
        InterruptCleanup.removeAll()
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

  /// Whether an interrupt arrived. The handler is removing the temporary files
  /// and the process is about to end: no new file is started, and what fails
  /// from now on failed because of the interrupt, so it is not reported.
  static var isInterrupted: Bool {
    _ = lockReady
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return progress[1] != 0
  }

  /// Unlinks every tracked file; runs inside the signal handler.
  ///
  /// The signal may arrive on one thread while another is creating a file
  /// (with the signals held off there): wait, briefly and with only
  /// async-signal-safe calls, until no creation is half done, so that file
  /// is tracked, and removed, too.
  private static func removeAll() {
    progress[1] = 1
    var waited = 0
    while progress[0] != 0 && waited < 200 {
      var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
      nanosleep(&pause, nil)
      waited += 1
    }
    for slot in 0..<capacity where active[slot] != 0 {
      unlink(paths + slot * pathCapacity)
    }
  }

  /// A tracked temporary file: pass it to ``untrack(_:)`` once the file was
  /// renamed into place or removed.
  struct Ticket {
    fileprivate let slot: Int?
  }

  /// Creates a temporary file with `mkstemp(3)` and tracks it, with the
  /// handled signals held off in between so an interrupt cannot slip in
  /// after the file exists but before it is tracked.
  static func makeTrackedTemporaryFile(template: String) throws(SystemError) -> (FileDescriptor, path: String, Ticket) {
    var held = sigset_t()
    var previous = sigset_t()
    sigemptyset(&held)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&held, signalNumber) }
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    _ = lockReady
    pthread_mutex_lock(&lock)
    guard progress[1] == 0 else {
      pthread_mutex_unlock(&lock)
      throw SystemError(code: EINTR)
    }
    progress[0] += 1
    pthread_mutex_unlock(&lock)
    defer {
      pthread_mutex_lock(&lock)
      progress[0] -= 1
      pthread_mutex_unlock(&lock)
    }
    let created = try FileDescriptor.makeTemporaryFile(template: template)
    return (created.0, created.path, track(created.path))
  }

  private static func track(_ temporaryPath: String) -> Ticket {
    let bytes = Array(temporaryPath.utf8)
    guard bytes.count < pathCapacity else { return Ticket(slot: nil) }
    _ = lockReady
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    guard let slot = (0..<capacity).first(where: { active[$0] == 0 }) else { return Ticket(slot: nil) }
    let destination = paths + slot * pathCapacity
    bytes.withUnsafeBufferPointer { source in
      source.withMemoryRebound(to: CChar.self) { chars in
        destination.update(from: chars.baseAddress!, count: chars.count)
      }
    }
    destination[bytes.count] = 0
    active[slot] = 1
    return Ticket(slot: slot)
  }

  /// Forgets a tracked file (it was committed or removed).
  static func untrack(_ ticket: Ticket) {
    guard let slot = ticket.slot else { return }
    pthread_mutex_lock(&lock)
    active[slot] = 0
    pthread_mutex_unlock(&lock)
  }
}
