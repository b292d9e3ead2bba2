#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``Lock`` with a condition to wait on (`pthread_cond_t`): one thread
/// waits inside ``Lock/withLock(_:)`` until another changes the shared state
/// and calls ``broadcast()``.
final class ConditionLock: Lock, @unchecked Sendable {
  private let condition: UnsafeMutablePointer<pthread_cond_t> = {
    let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    pthread_cond_init(condition, nil)
    return condition
  }()

  deinit {
    pthread_cond_destroy(condition)
    condition.deallocate()
  }

  /// Waits, inside ``Lock/withLock(_:)``, until `isReady` holds (checked again
  /// after every wake-up, as spurious wake-ups are allowed).
  func wait(until isReady: () -> Bool) {
    while !isReady() { pthread_cond_wait(condition, mutex) }
  }

  /// Wakes every thread waiting in ``wait(until:)`` (call it inside ``Lock/withLock(_:)``).
  func broadcast() {
    pthread_cond_broadcast(condition)
  }
}
