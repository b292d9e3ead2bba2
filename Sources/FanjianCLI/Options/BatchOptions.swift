import ArgumentParser
import Fanjian

/// The options of every command that converts files: what to read, where to
/// write, how to find files in folders, and how to report. `convert` and
/// `normalize` share them; ``BatchOptions/makePlan(renaming:)`` turns them into
/// a ``BatchPlan`` for ``BatchRunner``.
struct BatchOptions: ParsableArguments {
  /// Files and folders; none means standard input.
  @Argument(
    help: ArgumentHelp(
      "Files and folders to convert (folders recursively). None, or `-`, reads standard input.",
      valueName: "path"))
  var paths: [String] = []

  /// Inputs given OpenCC's way (`-i FILE`), added after the paths.
  @Option(
    name: [.short, .customLong("input")],
    help: ArgumentHelp(
      "An input file or folder, as OpenCC's -i takes it (the same as naming it as a path); repeatable. "
        + "It never means --in-place.",
      valueName: "path"))
  var inputs: [String] = []

  /// Where the output goes, when not standard output.
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to this file (one input), or into this directory, mirroring the input folders (created if needed; "
        + "a trailing / or several inputs mean a directory). -o naming an input converts it in place.",
      valueName: "path"))
  var output: String?

  /// Whether inputs are replaced by their conversions.
  ///
  /// Long only: OpenCC users read `-i` as "input", so it must never silently
  /// mean "overwrite".
  @Flag(name: .customLong("in-place"), help: "Replace each input file by its conversion.")
  var inPlace = false

  /// The suffix of backups made by `--in-place`.
  @Option(
    help: ArgumentHelp(
      "With --in-place, keep each original that changes as FILE<suffix> (for example .orig). Files ending in the "
        + "suffix are backups: they are never converted.", valueName: "suffix"))
  var backup: String?

  /// Shell patterns a file found in a folder must match.
  @Option(
    name: .customLong("include"),
    help: ArgumentHelp(
      "In folders, convert only files matching this shell pattern ('*.txt'); repeatable. A pattern with a / "
        + "matches the path below the folder, one without matches the file name.",
      valueName: "glob"))
  var includes: [String] = []

  /// Shell patterns of files and folders to leave out.
  @Option(
    name: .customLong("exclude"),
    help: ArgumentHelp("In folders, skip files and folders matching this shell pattern; repeatable.", valueName: "glob")
  )
  var excludes: [String] = []

  /// Whether hidden files and folders are converted too.
  @Flag(help: "Also convert hidden files and folders (names starting with a dot) found in folders.")
  var hidden = false

  /// Whether symbolic links to folders are followed.
  ///
  /// In place, it also decides symbolic links to files found in folders:
  /// without it they are left alone, so nothing outside the named trees is written.
  @Flag(
    help: ArgumentHelp(
      "Follow symbolic links to folders found in folders (skipped by default); with --in-place, also convert "
        + "the files that symbolic links found in folders point to (left alone by default)."))
  var followSymlinks = false

  /// Whether names are converted too.
  @Flag(help: "Also convert the names of files and folders found in folders (with --in-place or -o DIR).")
  var rename = false

  /// Whether nothing is written.
  @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "List the files that would change; write nothing.")
  var dryRun = false

  /// Whether a diff is shown instead of writing.
  @Flag(help: "Show a unified diff of each change on standard output instead of writing.")
  var diff = false

  /// Whether binary-looking files are converted anyway.
  @Flag(help: "Convert files that look binary (NUL bytes in their first 8 KiB) instead of skipping them.")
  var force = false

  /// How many files are converted at once.
  @Option(
    name: [.short, .customLong("jobs")],
    help: ArgumentHelp("Convert this many files at once (default: the number of processors).", valueName: "n"))
  var jobs: Int?

  /// Whether only errors are reported.
  @Flag(name: [.short, .long], help: "Report only errors: no progress, warnings or summary.")
  var quiet = false

  /// Whether every file is reported.
  @Flag(name: [.short, .long], help: "Report every file, and what was skipped in folders and why.")
  var verbose = false

  /// Checks that the options fit together, before anything is read.
  func validate() throws {
    if let jobs, jobs < 1 || jobs > InterruptCleanup.capacity {
      throw ValidationError("--jobs must be between 1 and \(InterruptCleanup.capacity)")
    }
    if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; choose one") }
    if dryRun && diff { throw ValidationError("--dry-run and --diff both write nothing; choose one") }
    if backup != nil && !inPlace { throw ValidationError("--backup needs --in-place") }
    if let backup, backup.isEmpty || backup.contains("/") {
      throw ValidationError("--backup takes a suffix such as .orig, without a slash")
    }
    if inPlace {
      if let output, output != "-" { throw ValidationError("--in-place and -o contradict each other; choose one") }
      if allPaths.isEmpty || allPaths.contains("-") {
        throw ValidationError("--in-place needs files or folders; standard input has nowhere to go back to")
      }
    }
  }

  /// Every input: the paths, then the `-i` inputs.
  var allPaths: [String] { paths + inputs }

  /// The number of worker threads.
  var width: Int { jobs ?? min(FileSystem.processorCount, InterruptCleanup.capacity) }
}
