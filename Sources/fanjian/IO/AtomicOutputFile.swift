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
/// final `rename(2)` stays on one file system and is atomic); ``commit()``
/// renames it over the destination, ``discard()`` removes it. The destination
/// may be one of the inputs: it is only replaced after the input was read.
///
/// The new file keeps the permission bits of the file it replaces, or gets
/// `0666` minus the umask when there was none.
struct AtomicOutputFile {
  /// The path the output is meant for.
  let destination: String
  /// Where the output is written until it is committed.
  let temporaryPath: String
  /// The open temporary file.
  let descriptor: FileDescriptor

  /// Creates the temporary file next to `destination`.
  ///
  /// - Throws: `CommandError.cannotCreateOutput` naming the destination.
  init(replacing destination: String) throws(CommandError) {
    let folder = FileSystem.dirname(destination)
    let name = FileSystem.basename(destination)
    let template = FileSystem.join(folder, ".\(name).fanjian-XXXXXX")
    let permissions: mode_t
    switch FileSystem.status(ofPath: destination) {
    case .success(let info):
      guard !FileSystem.isDirectory(info) else {
        throw .cannotCreateOutput(path: destination, reason: SystemError(code: EISDIR))
      }
      permissions = info.st_mode & 0o7777
    case .failure:
      permissions = FileSystem.defaultFilePermissions
    }
    do {
      (descriptor, temporaryPath) = try InterruptCleanup.makeTrackedTemporaryFile(template: template)
    } catch {
      throw .cannotCreateOutput(path: destination, reason: error)
    }
    self.destination = destination
    do {
      try descriptor.setPermissions(permissions)
    } catch {
      discard()
      throw .cannotCreateOutput(path: destination, reason: error)
    }
  }

  /// Flushes the temporary file and renames it over the destination.
  ///
  /// - Throws: `CommandError.writeFailed` naming the destination; the temporary
  ///   file is removed and the destination left as it was.
  func commit() throws(CommandError) {
    defer { InterruptCleanup.untrack() }
    do {
      try descriptor.synchronize()
      try descriptor.close()
    } catch {
      FileSystem.removeIgnoringErrors(temporaryPath)
      throw .writeFailed(path: destination, reason: error)
    }
    do {
      try FileSystem.rename(temporaryPath, to: destination)
    } catch {
      FileSystem.removeIgnoringErrors(temporaryPath)
      throw .writeFailed(path: destination, reason: error)
    }
  }

  /// Closes and removes the temporary file, leaving the destination as it was.
  func discard() {
    try? descriptor.close()
    FileSystem.removeIgnoringErrors(temporaryPath)
    InterruptCleanup.untrack()
  }
}
