#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a large output on a thread of its own, so that writing chunk *k*
/// (copying it into the page cache, starting its writeback) overlaps
/// converting chunk *k + 1*.
///
/// The converting thread hands over its filled buffer with ``write(_:)`` and
/// gets an emptied one back (buffers circulate; nothing is allocated per
/// chunk). At most ``depth`` buffers wait, so memory stays bounded when the
/// destination is slower than conversion. Small outputs are written at once
/// on the calling thread: the thread only starts with the first buffer of
/// ``threshold`` bytes or more, so a folder of small files starts none.
///
/// A failed write is kept and thrown by the next ``write(_:)`` or by
/// ``finish()``; what follows it is not written. ``stop()`` must be called
/// on every path (it waits for the thread), before the destination is
/// committed or discarded.
final class BackgroundWriter: @unchecked Sendable {
  /// The smallest buffer that is written in the background.
  static let threshold = 256 * 1024
  /// How many buffers may wait to be written.
  static let depth = 2

  private let sink: Sink
  private let lock = ConditionLock()
  // Guarded by `lock`:
  private var pending: [[UInt8]] = []
  private var spare: [[UInt8]] = []
  private var isWriting = false
  private var isStopping = false
  private var failure: CommandError?
  // Only touched by the calling thread:
  private var thread: pthread_t?

  /// A writer to `sink`.
  init(to sink: Sink) {
    self.sink = sink
  }

  deinit {
    stop()
  }

  /// Writes `buffer` (in the background when it is large) and leaves an
  /// empty buffer with capacity in its place.
  ///
  /// - Throws: the error of an earlier background write, or of this one.
  func write(_ buffer: inout [UInt8]) throws(CommandError) {
    guard !buffer.isEmpty else { return }
    if thread == nil {
      guard buffer.count >= Self.threshold, case .file = sink, let started = startThread() else {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
        return
      }
      thread = started
    }
    let error: CommandError? = lock.withLock {
      lock.wait { pending.count < Self.depth || failure != nil }
      if let failure { return failure }
      pending.append(buffer)
      buffer = spare.popLast() ?? []
      lock.broadcast()
      return nil
    }
    if let error { throw error }
  }

  /// Waits until everything handed over is written.
  ///
  /// - Throws: the first write's error, if one failed.
  func finish() throws(CommandError) {
    guard thread != nil else { return }
    let error: CommandError? = lock.withLock {
      lock.wait { (pending.isEmpty && !isWriting) || failure != nil }
      return failure
    }
    if let error { throw error }
  }

  /// Stops the thread, dropping what was not written yet; waits for a write
  /// in progress. Safe to call more than once.
  func stop() {
    guard let running = thread else { return }
    lock.withLock {
      isStopping = true
      pending.removeAll()
      lock.broadcast()
    }
    WorkerThreads.join(running)
    thread = nil
  }

  private func startThread() -> pthread_t? {
    WorkerThreads.start { [self] in run() }
  }

  private func run() {
    while true {
      let next: [UInt8]? = lock.withLock {
        lock.wait { !pending.isEmpty || isStopping }
        guard !isStopping else { return nil }
        isWriting = true
        return pending.removeFirst()
      }
      guard var buffer = next else { return }
      var error: CommandError?
      do {
        try sink.write(buffer)
      } catch let writeError {
        error = writeError
      }
      buffer.removeAll(keepingCapacity: true)
      lock.withLock {
        isWriting = false
        if let error, failure == nil {
          failure = error
          pending.removeAll()
        }
        spare.append(buffer)
        lock.broadcast()
      }
    }
  }
}
