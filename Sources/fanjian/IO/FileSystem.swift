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
    guard stat(path, &info) == 0 else { return .failure(.current) }
    return .success(info)
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
    guard systemRename(source, destination) == 0 else { throw .current }
  }

  /// Removes the file at `path`, ignoring errors (used to clean up temporary files).
  static func removeIgnoringErrors(_ path: String) {
    _ = unlink(path)
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
