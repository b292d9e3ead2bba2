#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor; every `read(2)`, `write(2)` and `open(2)` the tool
/// makes goes through this type (the seam the swift-system style asks for).
///
/// Every call that can fail with `EINTR` is retried (see
/// ``retryingInterrupts(_:)``), and ``writeAll(_:)`` loops over partial
/// writes, so callers never see either. `close(2)` is the exception: on
/// Linux the descriptor is released even when it reports `EINTR`.
struct FileDescriptor: Hashable, Sendable {
  /// The raw descriptor number.
  let rawValue: Int32

  /// Standard input (descriptor 0).
  static let standardInput = FileDescriptor(rawValue: 0)
  /// Standard output (descriptor 1).
  static let standardOutput = FileDescriptor(rawValue: 1)
  /// Standard error (descriptor 2).
  static let standardError = FileDescriptor(rawValue: 2)

  /// Opens `path` for reading.
  ///
  /// - Throws: the `errno` of `open(2)`, such as `ENOENT` or `EACCES`.
  static func openForReading(_ path: String) throws(SystemError) -> FileDescriptor {
    while true {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd >= 0 { return FileDescriptor(rawValue: fd) }
      if errno != EINTR { throw .current }
    }
  }

  /// Creates a new, uniquely named file from a `mkstemp(3)` template ending in `XXXXXX`.
  ///
  /// - Returns: the open descriptor and the path that was created.
  /// - Throws: the `errno` of `mkstemp(3)`.
  static func makeTemporaryFile(template: String) throws(SystemError) -> (FileDescriptor, path: String) {
    var bytes: [CChar] = []
    let fd = retryingInterrupts {
      // A failed mkstemp may have filled in the XXXXXX: each try starts from the template.
      bytes = Array(template.utf8CString)
      return bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    }
    guard fd >= 0 else { throw .current }
    let path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return (FileDescriptor(rawValue: fd), path)
  }

  /// Reads whatever is available, up to `buffer.count` bytes; blocks only until
  /// some data (or the end) arrives, which is what makes a pipe filter stream.
  ///
  /// - Returns: the number of bytes read; 0 at the end of the input.
  /// - Throws: the `errno` of `read(2)` (never `EINTR`).
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
    while true {
      let count = systemRead(rawValue, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw .current }
    }
  }

  /// Writes all of `bytes`, looping over partial writes and `EINTR`.
  ///
  /// - Throws: the `errno` of `write(2)`, such as `EPIPE` or `ENOSPC`.
  func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
      let count = systemWrite(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
      if count >= 0 {
        offset += count
      } else if errno != EINTR {
        throw .current
      }
    }
  }

  /// Writes all of `bytes`; see ``writeAll(_:)-(UnsafeRawBufferPointer)``.
  func writeAll(_ bytes: [UInt8]) throws(SystemError) {
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(SystemError) in try writeAll(buffer) }
    }
    try result.get()
  }

  /// The file's status as `fstat(2)` reports it.
  func status() throws(SystemError) -> stat {
    var info = stat()
    guard retryingInterrupts({ fstat(rawValue, &info) }) == 0 else { throw .current }
    return info
  }

  /// Moves back to the start of the file; `false` for a pipe or terminal.
  func rewind() -> Bool {
    lseek(rawValue, 0, SEEK_SET) == 0
  }

  /// Empties the file and moves to its start.
  func truncate() throws(SystemError) {
    guard retryingInterrupts({ ftruncate(rawValue, 0) }) == 0 else { throw .current }
    guard lseek(rawValue, 0, SEEK_SET) == 0 else { throw .current }
  }

  /// Gives the file an owner and group (`fchown(2)`).
  func setOwner(user: uid_t, group: gid_t) throws(SystemError) {
    guard retryingInterrupts({ fchown(rawValue, user, group) }) == 0 else { throw .current }
  }

  /// Sets the file's permission bits (`fchmod(2)`).
  func setPermissions(_ mode: mode_t) throws(SystemError) {
    guard retryingInterrupts({ fchmod(rawValue, mode) }) == 0 else { throw .current }
  }

  /// Flushes the file's data to its storage device (`fsync(2)`).
  func synchronize() throws(SystemError) {
    while fsync(rawValue) != 0 {
      if errno != EINTR { throw .current }
    }
  }

  /// Closes the descriptor. `EINTR` is not retried: on Linux the descriptor is
  /// already released when `close(2)` reports it.
  func close() throws(SystemError) {
    if systemClose(rawValue) != 0 && errno != EINTR { throw .current }
  }
}

/// Calls `call` again for as long as it fails with `EINTR` (a signal arrived
/// during a system call that was not restarted), and returns its result.
///
/// - Parameter call: a system call returning -1 and setting `errno` on failure.
func retryingInterrupts(_ call: () -> Int32) -> Int32 {
  while true {
    let result = call()
    if result != -1 || errno != EINTR { return result }
  }
}

// The C functions under names that the methods above do not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
private func systemClose(_ fd: Int32) -> Int32 {
  close(fd)
}
