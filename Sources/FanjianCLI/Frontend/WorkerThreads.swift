#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutual-exclusion lock over `pthread_mutex_t` (the tool does without Foundation).
class Lock: @unchecked Sendable {
  let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    return mutex
  }()

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` while holding the lock.
  func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}

/// Runs work on a fixed number of threads: the calling thread plus `count - 1` others.
///
/// Threads of our own rather than Dispatch's pool, so that `--jobs` is the
/// exact width (Dispatch caps it at the processor count) and blocking file
/// I/O never starves anything else.
enum WorkerThreads {
  /// Runs `body(worker)` on `count` threads at once and waits for all of them.
  static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    var threads: [pthread_t] = []
    for worker in 1..<max(count, 1) {
      let box = Unmanaged.passRetained(Box { body(worker) })
      var thread = pthread_t()
      let status = pthread_create(
        &thread, nil,
        { argument in
          let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
          box.body()
          return nil
        }, box.toOpaque())
      if status == 0 {
        threads.append(thread)
      } else {
        box.release()
      }
    }
    body(0)
    for thread in threads { pthread_join(thread, nil) }
  }

  /// Starts `body` on a thread of its own, for a background ticker; join it with ``join(_:)``.
  static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    let box = Unmanaged.passRetained(Box(body))
    var thread = pthread_t()
    let status = pthread_create(
      &thread, nil,
      { argument in
        Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue().body()
        return nil
      }, box.toOpaque())
    guard status == 0 else {
      box.release()
      return nil
    }
    return thread
  }

  /// Waits for a thread from ``start(_:)``.
  static func join(_ thread: pthread_t) {
    pthread_join(thread, nil)
  }

  private final class Box: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
