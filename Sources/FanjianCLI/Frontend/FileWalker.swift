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
  /// Whether it was reached through a symbolic link to a folder.
  var viaSymbolicLink = false
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
/// the folder when the pattern has a `/`.
struct FileWalker {
  var includeHidden: Bool
  var followSymbolicLinks: Bool
  var includes: [String]
  var excludes: [String]
  /// Folders never entered (the output directory of a mirror).
  var skippedFolders: Set<FileID> = []

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
          viaSymbolicLink: FileSystem.isSymbolicLink(own)))
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
