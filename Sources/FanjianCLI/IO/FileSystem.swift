#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Path-level system calls: `stat`, `rename`, `unlink`, and path arithmetic.
enum FileSystem {
  /// The status of the file at `path` (following symbolic links), or the `errno`.
  static func status(ofPath path: String) -> Result<stat, SystemError> {
    var info = stat()
    guard retryingInterrupts({ stat(path, &info) }) == 0 else { return .failure(.current) }
    return .success(info)
  }

  /// The status of `path` itself, not following a final symbolic link (`lstat(2)`).
  static func linkStatus(ofPath path: String) -> Result<stat, SystemError> {
    var info = stat()
    guard retryingInterrupts({ lstat(path, &info) }) == 0 else { return .failure(.current) }
    return .success(info)
  }

  /// Whether a status describes a regular file.
  static func isRegularFile(_ info: stat) -> Bool {
    (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Whether a status describes a symbolic link.
  static func isSymbolicLink(_ info: stat) -> Bool {
    (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Whether `path` exists, as anything (a dangling symbolic link counts).
  static func exists(_ path: String) -> Bool {
    if case .success = linkStatus(ofPath: path) { return true }
    return false
  }

  /// The names in a folder, sorted by their bytes, without `.` and `..`.
  ///
  /// - Returns: each name as a `String`, or `nil` for a name that is not valid
  ///   UTF-8 (such a file cannot be named back through a `String` path).
  static func contentsOfDirectory(_ path: String) -> Result<[String?], SystemError> {
    var opened = opendir(path)
    while opened == nil && errno == EINTR { opened = opendir(path) }
    guard let directory = opened else { return .failure(.current) }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { return .failure(.current) }
        break
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      names.append(name)
    }
    names.sort { $0.lexicographicallyPrecedes($1) }
    return .success(names.map { String(validating: $0, as: UTF8.self) })
  }

  /// Creates a folder and any missing parents (`mkdir -p`).
  static func createDirectories(_ path: String) throws(SystemError) {
    if isDirectory(path) { return }
    let parent = dirname(path)
    if parent != path && !isDirectory(parent) { try createDirectories(parent) }
    if retryingInterrupts({ mkdir(path, 0o777) }) != 0 && !(errno == EEXIST && isDirectory(path)) { throw .current }
  }

  /// Makes `linkPath` another name of the file at `path` (`link(2)`).
  static func hardLink(_ path: String, as linkPath: String) throws(SystemError) {
    guard retryingInterrupts({ link(path, linkPath) }) == 0 else { throw .current }
  }

  /// Removes the file at `path` (`unlink(2)`).
  static func remove(_ path: String) throws(SystemError) {
    guard retryingInterrupts({ unlink(path) }) == 0 else { throw .current }
  }

  /// Flushes a folder's entries to storage, so a rename in it survives a crash.
  static func synchronizeDirectory(_ path: String) {
    let fd = retryingInterrupts { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    guard fd >= 0 else { return }
    _ = retryingInterrupts { fsync(fd) }
    _ = close(fd)
  }

  /// The canonical absolute path with symbolic links resolved (`realpath(3)`).
  static func resolvingSymbolicLinks(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether `pattern` matches `name` the way the shell would (`fnmatch(3)`).
  static func matches(_ pattern: String, _ name: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }

  /// Whether `descriptor` is a terminal.
  static func isTerminal(_ descriptor: FileDescriptor) -> Bool {
    isatty(descriptor.rawValue) == 1
  }

  /// How many processors are online.
  static var processorCount: Int {
    max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  }

  /// Seconds on a monotonic clock.
  static var monotonicSeconds: Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Whether `path` names an existing directory (following symbolic links).
  static func isDirectory(_ path: String) -> Bool {
    guard case .success(let info) = status(ofPath: path) else { return false }
    return isDirectory(info)
  }

  /// Whether a status describes a directory.
  static func isDirectory(_ info: stat) -> Bool {
    (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Atomically replaces `destination` with `source` (`rename(2)`).
  static func rename(_ source: String, to destination: String) throws(SystemError) {
    guard retryingInterrupts({ systemRename(source, destination) }) == 0 else { throw .current }
  }

  /// Removes the file at `path`, ignoring errors (used to clean up temporary files).
  static func removeIgnoringErrors(_ path: String) {
    _ = retryingInterrupts { unlink(path) }
  }

  /// The permission bits a newly created file gets: `0666` minus the umask.
  static var defaultFilePermissions: mode_t {
    // umask(2) can only be read by setting it; the tool is single-threaded here.
    let mask = umask(0o022)
    umask(mask)
    return 0o666 & ~mask
  }

  /// The last component of a path (`"a/b.txt"` → `"b.txt"`), ignoring trailing slashes.
  static func basename(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The folder part of a path (`"a/b.txt"` → `"a"`, `"b.txt"` → `"."`, `"/b"` → `"/"`).
  static func dirname(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return trimmingTrailingSlashes(String(trimmed[..<slash]))
  }

  /// `folder` and `name` joined by one slash.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }
}

private func systemRename(_ source: String, _ destination: String) -> Int32 {
  rename(source, destination)
}
