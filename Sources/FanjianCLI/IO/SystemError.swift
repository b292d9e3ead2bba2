#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An `errno` value reported by a system call, described the way `strerror` does.
///
/// ```swift
/// SystemError(code: ENOENT).description  // "No such file or directory"
/// ```
struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The raw `errno` value, such as `ENOENT`.
  let code: Int32

  /// The current thread's `errno`.
  static var current: SystemError { SystemError(code: errno) }

  /// Whether this is `EPIPE`: the reader of a pipe went away.
  var isBrokenPipe: Bool { code == EPIPE }

  /// The system's message for this error, as `strerror(3)` gives it.
  var description: String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
  }
}
