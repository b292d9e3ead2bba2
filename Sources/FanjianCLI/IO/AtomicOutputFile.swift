import CSystemCalls

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file that appears all at once or not at all.
///
/// Writing goes to a temporary file in the destination's folder (so that the
/// final `rename(2)` stays on one file system and is atomic); ``commit(backup:unlessChangedSince:)``
/// flushes it (`fsync`) and renames it over the destination, ``discard()``
/// removes it. The destination may be one of the inputs: it is only replaced
/// after the input was read. A process killed at any moment therefore leaves
/// the destination either old or new, never half-written.
///
/// The new file keeps the permission bits (and, where allowed, the owner) of
/// the file it replaces, or gets `0666` minus the umask when there was none.
struct AtomicOutputFile {
  /// The path the output is meant for.
  let destination: String
  /// Where the output is written until it is committed.
  let temporaryPath: String
  /// The open temporary file.
  let descriptor: FileDescriptor
  private let ticket: InterruptCleanup.Ticket

  /// Creates the temporary file next to `destination`.
  ///
  /// - Throws: `CommandError.cannotCreateOutput` naming the destination.
  init(replacing destination: String) throws(CommandError) {
    let folder = FileSystem.dirname(destination)
    let name = FileSystem.basename(destination)
    let template = FileSystem.join(folder, ".\(name).fanjian-XXXXXX")
    let existing: stat?
    switch FileSystem.status(ofPath: destination) {
    case .success(let info):
      guard !FileSystem.isDirectory(info) else {
        throw .cannotCreateOutput(path: destination, reason: SystemError(code: EISDIR))
      }
      existing = info
    case .failure:
      existing = nil
    }
    do {
      (descriptor, temporaryPath, ticket) = try InterruptCleanup.makeTrackedTemporaryFile(template: template)
    } catch {
      // After Ctrl-C no new file is started; that is not this file's failure.
      if InterruptCleanup.isInterrupted { throw .interrupted }
      throw .cannotCreateOutput(path: destination, reason: error)
    }
    self.destination = destination
    do {
      if let existing {
        // Only root may give a file away; for everyone else this is a no-op or EPERM.
        try? descriptor.setOwner(user: existing.st_uid, group: existing.st_gid)
        try descriptor.setPermissions(existing.st_mode & 0o7777)
      } else {
        try descriptor.setPermissions(FileSystem.defaultFilePermissions)
      }
    } catch {
      discard()
      throw .cannotCreateOutput(path: destination, reason: error)
    }
  }

  /// Writes at least this many bytes at once, and they start going to storage at once.
  static let writebackSize = 256 * 1024

  /// Appends `bytes` to the temporary file.
  ///
  /// A large write also starts going to storage in the background
  /// (`sync_file_range` on Linux), while the next chunk is converted, so the
  /// `fsync` of ``commit(backup:unlessChangedSince:)`` has little left to wait
  /// for: the durability is the same, the wait at the end shorter.
  func write(_ bytes: [UInt8]) throws(SystemError) {
    try descriptor.writeAll(bytes)
    guard bytes.count >= Self.writebackSize else { return }
    let end = lseek(descriptor.rawValue, 0, SEEK_CUR)
    if end >= bytes.count {
      // Only a hint: where it fails, fsync still does all the work.
      _ = fj_start_writeback(descriptor.rawValue, Int64(end) - Int64(bytes.count), Int64(bytes.count))
    }
  }

  /// Empties the temporary file, to write the output again from the start.
  func restart() throws(CommandError) {
    do {
      try descriptor.truncate()
    } catch {
      throw .writeFailed(path: destination, reason: error)
    }
  }

  /// Flushes the temporary file and renames it over the destination.
  ///
  /// - Parameters:
  ///   - backup: where to keep the destination's old content (a hard link to
  ///     it, or a copy where links are not possible), made before the rename.
  ///   - original: the destination's status when its input was opened; when
  ///     given, a destination that changed since (another inode, size or
  ///     modification time) is not replaced.
  /// - Throws: `CommandError.writeFailed` or `.changedDuringConversion` naming
  ///   the destination; the temporary file is removed and the destination left
  ///   as it was.
  func commit(backup: String? = nil, unlessChangedSince original: stat? = nil) throws(CommandError) {
    defer { InterruptCleanup.untrack(ticket) }
    do {
      try descriptor.synchronize()
      try descriptor.close()
    } catch {
      FileSystem.removeIgnoringErrors(temporaryPath)
      throw .writeFailed(path: destination, reason: error)
    }
    if let original {
      guard case .success(let now) = FileSystem.status(ofPath: destination), Self.isUnchanged(now, since: original)
      else {
        FileSystem.removeIgnoringErrors(temporaryPath)
        throw .changedDuringConversion(path: destination)
      }
    }
    do {
      if let backup { try Self.makeBackup(of: destination, at: backup) }
      try FileSystem.rename(temporaryPath, to: destination)
    } catch {
      FileSystem.removeIgnoringErrors(temporaryPath)
      throw .writeFailed(path: destination, reason: error)
    }
    FileSystem.synchronizeDirectory(FileSystem.dirname(destination))
  }

  /// Closes and removes the temporary file, leaving the destination as it was.
  func discard() {
    try? descriptor.close()
    FileSystem.removeIgnoringErrors(temporaryPath)
    InterruptCleanup.untrack(ticket)
  }

  /// Whether a file is still the one that was read: same inode, size and
  /// modification time.
  static func isUnchanged(_ now: stat, since original: stat) -> Bool {
    now.st_dev == original.st_dev && now.st_ino == original.st_ino && now.st_size == original.st_size
      && now.st_mtim.tv_sec == original.st_mtim.tv_sec && now.st_mtim.tv_nsec == original.st_mtim.tv_nsec
  }

  /// Keeps the old content of `path` at `backup`: a hard link (the old inode,
  /// with its permissions and times), or a flushed copy where a link fails.
  private static func makeBackup(of path: String, at backup: String) throws(SystemError) {
    if FileSystem.exists(backup) { try FileSystem.remove(backup) }
    do {
      try FileSystem.hardLink(path, as: backup)
    } catch {
      try copy(path, to: backup)
    }
  }

  private static func copy(_ path: String, to destination: String) throws(SystemError) {
    let input = try FileDescriptor.openForReading(path)
    defer { try? input.close() }
    let fd = retryingInterrupts { open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
    guard fd >= 0 else { throw .current }
    let output = FileDescriptor(rawValue: fd)
    defer { try? output.close() }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = try buffer.withUnsafeMutableBytes { bytes in
        Result { () throws(SystemError) in try input.read(into: bytes) }
      }.get()
      if count == 0 { break }
      try buffer.withUnsafeBytes { bytes in
        Result { () throws(SystemError) in try output.writeAll(UnsafeRawBufferPointer(rebasing: bytes[..<count])) }
      }.get()
    }
    if let info = try? input.status() { try output.setPermissions(info.st_mode & 0o7777) }
    try output.synchronize()
  }
}
