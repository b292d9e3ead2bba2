import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the converted text of the inputs goes.
enum OutputMode: Equatable {
  /// Standard output, one input after the other.
  case standardOutput
  /// One file (`-o FILE` with one input).
  case file(String)
  /// A directory that mirrors the input folders (`-o DIR`).
  case mirror(directory: String)
  /// Back into each input (`--in-place`), optionally keeping a backup.
  case inPlace(backupSuffix: String?)
}

/// What a run does with each conversion.
enum BatchAction: Equatable {
  /// Writes it.
  case write
  /// Lists the files that would change (`--dry-run`).
  case dryRun
  /// Shows a unified diff on standard output (`--diff`).
  case diff
}

/// One input file and where its conversion goes.
struct BatchJob {
  /// Where the input comes from.
  enum Input: Equatable {
    /// Standard input.
    case standardInput
    /// A file (for `--in-place`, the file a symbolic link points to).
    case file(String)
  }

  /// Where the conversion goes.
  enum Destination: Equatable {
    /// Standard output, written as the input is read.
    case standardOutput
    /// A file, replaced atomically once the whole input converted.
    case file(String)
    /// The input file itself, replaced atomically if the text changed.
    case inPlace
  }

  /// The input.
  var input: Input
  /// The input's name in messages (the path as given or found, or `<stdin>`).
  var name: String
  /// Where the conversion goes.
  var destination: Destination
  /// The input's size in bytes when planned (0 for standard input), for progress.
  var size: Int
  /// With `--rename` in place: the file's converted path, when it differs.
  var renamedPath: String?
  /// A failure found while planning (a missing file, an unreadable folder),
  /// reported in order with the others when the run reaches this job.
  var problem: CommandError?
  /// Why the file is left alone, found while planning (a backup named on the
  /// command line): a warning, not a failure.
  var skipReason: String?
}

/// Everything a batch run will do, worked out before any file is read.
struct BatchPlan {
  /// The files, in the order given and, inside folders, sorted by name.
  var jobs: [BatchJob] = []
  /// With `--rename` in place: folders to rename after their files, deepest first.
  var folderRenames: [(path: String, newPath: String)] = []
  /// What walking folders left out, with the reason (shown with `--verbose`).
  var leftOut: [(path: String, reason: String)] = []
  /// Where output goes.
  var mode: OutputMode = .standardOutput
  /// What is done with each conversion.
  var action: BatchAction = .write
  /// Whether this is a batch (folders, several files, in place, a mirror):
  /// then a summary is printed at the end.
  var isBatch = false
}

extension BatchOptions {
  /// Finds the files and pairs each with its destination.
  ///
  /// - Parameter transformName: converts one file or folder name (`--rename`).
  /// - Throws: `ValidationError` when the inputs and outputs do not fit together.
  func makePlan(renaming transformName: (String) -> String) throws(ValidationError) -> BatchPlan {
    var plan = BatchPlan()
    plan.action = dryRun ? .dryRun : diff ? .diff : .write
    let inputs = allPaths.isEmpty ? ["-"] : allPaths
    let hasFolder = inputs.contains { $0 != "-" && FileSystem.isDirectory($0) }
    plan.mode = try outputMode(inputs: inputs, hasFolder: hasFolder)
    if case .mirror = plan.mode, inputs.contains("-") {
      throw ValidationError(
        "standard input has no file name to use in the directory '\(output ?? "")'; give -o a file name instead")
    }
    switch plan.mode {
    case .inPlace, .mirror: break
    default: if rename { throw ValidationError("--rename needs --in-place or -o DIR") }
    }
    plan.isBatch = hasFolder || inputs.count > 1 || plan.mode != .standardOutput && !isSingleFileMode(plan.mode)

    if case .mirror(let directory) = plan.mode, rename, let outputID = FileID(path: directory),
      inputs.contains(where: { $0 != "-" && FileID(path: $0) == outputID })
    {
      throw ValidationError(
        "-o '\(directory)' is a folder being converted; to convert and rename its files where they are, "
          + "use --in-place instead of -o")
    }

    var walker = FileWalker(
      includeHidden: hidden, followSymbolicLinks: followSymlinks, includes: includes, excludes: excludes)
    if case .inPlace(let suffix?) = plan.mode { walker.backupSuffix = suffix }
    if case .mirror(let directory) = plan.mode, case .success(let info) = FileSystem.status(ofPath: directory) {
      walker.skippedFolders.insert(FileID(info))
    }
    var found: [FoundFile] = []
    var folders: [FoundFolder] = []
    for input in inputs {
      if input == "-" {
        found.append(FoundFile(path: "-", relativePath: "-", size: 0, problem: nil, info: nil))
      } else {
        walker.walk(input, files: &found, folders: &folders, leftOut: &plan.leftOut)
      }
    }

    var seenFiles = Set<FileID>()
    var destinations: [String: String] = [:]
    for file in found {
      var job = BatchJob(
        input: file.path == "-" ? .standardInput : .file(file.path),
        name: file.path == "-" ? CommandError.standardInputName : file.path,
        destination: .standardOutput, size: file.size, problem: file.problem)
      switch plan.mode {
      case .standardOutput:
        break
      case .file(let path):
        job.destination = .file(path)
        // -o naming the input itself (or a link to it) is in place, with all its safeguards.
        if Self.isSameFile(path, as: file) {
          guard convertsInPlace(&job, file, seenFiles: &seenFiles, leftOut: &plan.leftOut) else { continue }
        }
      case .mirror(let directory):
        let relative = rename ? Self.renamed(file.relativePath, transformName) : file.relativePath
        let destination = FileSystem.join(directory, relative)
        if file.problem == nil {
          if let earlier = destinations[destination] {
            throw ValidationError("'\(earlier)' and '\(file.path)' would both be written to '\(destination)'")
          }
          destinations[destination] = file.path
        }
        job.destination = .file(destination)
        if Self.isSameFile(destination, as: file) {
          guard convertsInPlace(&job, file, seenFiles: &seenFiles, leftOut: &plan.leftOut) else { continue }
        }
      case .inPlace(let suffix):
        guard convertsInPlace(&job, file, seenFiles: &seenFiles, leftOut: &plan.leftOut) else { continue }
        if let suffix, file.problem == nil, file.path.hasSuffix(suffix) {
          // Only a file named on the command line gets here: folders leave backups out.
          job.skipReason =
            "\(file.path): ends in the backup suffix \(suffix), so it is taken for a backup and left alone "
            + "(rename it, or choose another --backup suffix, to convert it)"
        }
        if rename, file.problem == nil {
          let name = FileSystem.basename(file.path)
          let newName = transformName(name)
          if newName != name { job.renamedPath = FileSystem.join(FileSystem.dirname(file.path), newName) }
        }
      }
      plan.jobs.append(job)
    }
    if rename, case .inPlace = plan.mode {
      for folder in folders.sorted(by: { $0.depth > $1.depth }) {
        let name = FileSystem.basename(folder.path)
        let newName = transformName(name)
        if newName != name {
          plan.folderRenames.append((folder.path, FileSystem.join(FileSystem.dirname(folder.path), newName)))
        }
      }
    }
    return plan
  }

  /// Makes `job` convert its input in place, with the in-place rules: a
  /// file reached twice converts once, a symbolic link named on the command
  /// line converts the file it points to (the link stays a link), and one
  /// found in a folder only with `--follow-symlinks`, so that nothing outside
  /// the named files and folders is written unless asked.
  ///
  /// - Returns: `false` when the job is left out (already planned, or a link).
  private func convertsInPlace(
    _ job: inout BatchJob, _ file: FoundFile, seenFiles: inout Set<FileID>,
    leftOut: inout [(path: String, reason: String)]
  ) -> Bool {
    job.destination = .inPlace
    guard let info = file.info else { return true }
    if file.viaSymbolicLink && !file.isNamed && !followSymlinks {
      leftOut.append(
        (file.path, "a symbolic link; in place, --follow-symlinks converts the file it points to (the link stays)"))
      return false
    }
    // The same file reached twice (a link, or named and found in a folder) converts once.
    guard seenFiles.insert(FileID(info)).inserted else { return false }
    if file.viaSymbolicLink, let target = FileSystem.resolvingSymbolicLinks(file.path) {
      job.input = .file(target)
    }
    return true
  }

  /// Whether `path` names the same file as `file` (device and inode, after
  /// symbolic links), so that writing it would overwrite the input.
  private static func isSameFile(_ path: String, as file: FoundFile) -> Bool {
    guard let info = file.info, let id = FileID(path: path) else { return false }
    return id == FileID(info)
  }

  private func isSingleFileMode(_ mode: OutputMode) -> Bool {
    if case .file = mode { return true }
    return false
  }

  private func outputMode(inputs: [String], hasFolder: Bool) throws(ValidationError) -> OutputMode {
    if inPlace { return .inPlace(backupSuffix: backup) }
    guard let output, output != "-" else { return .standardOutput }
    if FileSystem.isDirectory(output) { return .mirror(directory: output) }
    // A folder to convert, several inputs or a trailing slash: a directory, created when the first file is written.
    if hasFolder || inputs.count > 1 || output.hasSuffix("/") {
      if FileSystem.exists(output) {
        let what = hasFolder ? "a folder" : inputs.count > 1 ? "\(inputs.count) inputs" : "a trailing /"
        throw ValidationError("'\(output)' is a file; with \(what), -o must name a directory")
      }
      return .mirror(directory: output)
    }
    return .file(output)
  }

  /// A relative path with every component renamed.
  private static func renamed(_ relativePath: String, _ transformName: (String) -> String) -> String {
    relativePath.split(separator: "/", omittingEmptySubsequences: false).map { transformName(String($0)) }
      .joined(separator: "/")
  }
}

/// A file's identity: its device and inode.
struct FileID: Hashable {
  var device: UInt64
  var inode: UInt64

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  /// The identity of the file at `path`, following symbolic links; `nil` when it does not exist.
  init?(path: String) {
    guard case .success(let info) = FileSystem.status(ofPath: path) else { return nil }
    self.init(info)
  }
}
