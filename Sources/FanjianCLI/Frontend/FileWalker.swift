#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file to convert, as found on the command line or in a folder.
struct FoundFile {
  /// The path to open.
  var path: String
  /// The path below the folder it was found in (its name, for a file given directly).
  var relativePath: String
  /// Its size in bytes.
  var size: Int
  /// Why it cannot be converted, found already (it is missing, say).
  var problem: CommandError?
  /// Its status (following symbolic links), when it could be read.
  var info: stat?
  /// Whether it is a symbolic link, or was reached through a symbolic link to a folder.
  var viaSymbolicLink = false
  /// Whether it was named on the command line (not found in a folder).
  var isNamed = false
}

/// A folder found below one given on the command line.
struct FoundFolder {
  /// Its path.
  var path: String
  /// How many folders deep it is below the given one (1 = directly inside).
  var depth: Int
}

/// Finds the files in folders, recursively, in name order.
///
/// Inside folders (not for paths named on the command line): hidden files and
/// folders are left out unless `includeHidden`; symbolic links to folders are
/// not followed unless `followSymbolicLinks` (and then a folder already on
/// the way down is not entered again); `includes` and `excludes` are shell
/// patterns (`fnmatch`) matched against the name, or against the path below
/// the folder when the pattern has a `/`. Files ending in `backupSuffix`
/// (backups of `--in-place --backup`) and the temporary files of an
/// interrupted run (`.NAME.fanjian-XXXXXX`) are never inputs, even with
/// `--hidden`.
struct FileWalker {
  var includeHidden: Bool
  var followSymbolicLinks: Bool
  var includes: [String]
  var excludes: [String]
  /// Folders never entered (the output directory of a mirror).
  var skippedFolders: Set<FileID> = []
  /// With `--in-place --backup SUFFIX`: files ending in it are backups, left out.
  var backupSuffix: String?

  /// Whether `name` is one of the hidden temporary files `AtomicOutputFile`
  /// makes (`.NAME.fanjian-XXXXXX`), left behind by `kill -9`.
  static func isTemporaryFileName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    let marker = Array(".fanjian-".utf8)
    guard bytes.first == UInt8(ascii: "."), bytes.count >= 1 + marker.count + 6 + 1 else { return false }
    return Array(bytes[(bytes.count - 6 - marker.count)..<(bytes.count - 6)]) == marker
  }

  /// Adds `path` (a file, or every file below a folder) to `files`.
  func walk(
    _ path: String, files: inout [FoundFile], folders: inout [FoundFolder],
    leftOut: inout [(path: String, reason: String)]
  ) {
    let info: stat
    switch FileSystem.status(ofPath: path) {
    case .success(let status): info = status
    case .failure(let error):
      files.append(
        FoundFile(
          path: path, relativePath: FileSystem.basename(path), size: 0, problem: .cannotOpen(path: path, reason: error))
      )
      return
    }
    guard FileSystem.isDirectory(info) else {
      let own = (try? FileSystem.linkStatus(ofPath: path).get()) ?? info
      files.append(
        FoundFile(
          path: path, relativePath: FileSystem.basename(path), size: Int(info.st_size), info: info,
          viaSymbolicLink: FileSystem.isSymbolicLink(own), isNamed: true))
      return
    }
    var ancestors: Set<FileID> = [FileID(info)]
    walkFolder(
      path, relative: "", depth: 0, viaLink: false, ancestors: &ancestors, files: &files, folders: &folders,
      leftOut: &leftOut)
  }

  private func walkFolder(
    _ folder: String, relative: String, depth: Int, viaLink: Bool, ancestors: inout Set<FileID>,
    files: inout [FoundFile], folders: inout [FoundFolder], leftOut: inout [(path: String, reason: String)]
  ) {
    let names: [String?]
    switch FileSystem.contentsOfDirectory(folder) {
    case .success(let list): names = list
    case .failure(let error):
      files.append(
        FoundFile(path: folder, relativePath: relative, size: 0, problem: .cannotOpen(path: folder, reason: error)))
      return
    }
    for name in names {
      guard let name else {
        leftOut.append((FileSystem.join(folder, "?"), "a name that is not valid UTF-8"))
        continue
      }
      let path = FileSystem.join(folder, name)
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      if Self.isTemporaryFileName(name) {
        leftOut.append((path, "a temporary file of an interrupted fanjian run; delete it"))
        continue
      }
      if name.hasPrefix(".") && !includeHidden {
        leftOut.append((path, "hidden (--hidden converts it)"))
        continue
      }
      if let pattern = excludes.first(where: { matches($0, name: name, relativePath: relativePath) }) {
        leftOut.append((path, "excluded by --exclude '\(pattern)'"))
        continue
      }
      guard case .success(let own) = FileSystem.linkStatus(ofPath: path) else { continue }
      var info = own
      let isLink = FileSystem.isSymbolicLink(own)
      if isLink {
        guard case .success(let target) = FileSystem.status(ofPath: path) else {
          leftOut.append((path, "a dangling symbolic link"))
          continue
        }
        info = target
      }
      if FileSystem.isDirectory(info) {
        if isLink && !followSymbolicLinks {
          leftOut.append((path, "a symbolic link to a folder (--follow-symlinks follows it)"))
          continue
        }
        let id = FileID(info)
        if skippedFolders.contains(id) {
          leftOut.append((path, "the output directory"))
          continue
        }
        guard ancestors.insert(id).inserted else {
          leftOut.append((path, "a link back to a folder above it"))
          continue
        }
        folders.append(FoundFolder(path: path, depth: depth + 1))
        walkFolder(
          path, relative: relativePath, depth: depth + 1, viaLink: viaLink || isLink, ancestors: &ancestors,
          files: &files, folders: &folders, leftOut: &leftOut)
        ancestors.remove(id)
      } else if FileSystem.isRegularFile(info) {
        if let backupSuffix, name.hasSuffix(backupSuffix) {
          leftOut.append((path, "a backup (it ends in --backup \(backupSuffix))"))
          continue
        }
        if !includes.isEmpty && !includes.contains(where: { matches($0, name: name, relativePath: relativePath) }) {
          leftOut.append((path, "not matched by --include"))
          continue
        }
        files.append(
          FoundFile(
            path: path, relativePath: relativePath, size: Int(info.st_size), info: info,
            viaSymbolicLink: viaLink || isLink))
      } else {
        leftOut.append((path, "not a regular file"))
      }
    }
  }

  private func matches(_ pattern: String, name: String, relativePath: String) -> Bool {
    FileSystem.matches(pattern, pattern.contains("/") ? relativePath : name)
  }
}
