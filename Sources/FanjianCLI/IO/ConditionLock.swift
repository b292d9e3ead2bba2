#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lock with a condition to wait on (`pthread_mutex_t` and
/// `pthread_cond_t`): one thread waits inside ``withLock(_:)`` until another
/// changes the shared state and calls ``broadcast()``.
final class ConditionLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Runs `body` while holding the lock.
  func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }

  /// Waits, inside ``withLock(_:)``, until `isReady` holds (checked again
  /// after every wake-up, as spurious wake-ups are allowed).
  func wait(until isReady: () -> Bool) {
    while !isReady() { pthread_cond_wait(condition, mutex) }
  }

  /// Wakes every thread waiting in ``wait(until:)`` (call it inside ``withLock(_:)``).
  func broadcast() {
    pthread_cond_broadcast(condition)
  }
}
