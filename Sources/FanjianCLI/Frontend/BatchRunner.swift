import ArgumentParser
import Fanjian

/// Runs a batch command: finds the files, converts them on `--jobs` threads
/// through a ``FileTransform``, shows progress on a terminal, reports each
/// failure, renames (`--rename`) and prints a summary.
///
/// A subcommand builds its transform and calls ``run(transform:)``:
///
/// ```swift
/// let runner = BatchRunner(options: batch, encodings: encoding)
/// guard try runner.run(transform: ConverterTransform(converter: converter)) else { throw ExitCode.failure }
/// ```
///
/// Results reach standard output in input order: converted text (one file at
/// a time, streamed), `--diff` hunks or `--dry-run` lines. Messages, progress
/// and the summary go to standard error.
struct BatchRunner {
  let options: BatchOptions
  let encodings: any EncodingChoice

  /// Converts everything.
  ///
  /// - Returns: `true` when no file failed (skipped files are not failures).
  /// - Throws: `ValidationError` when the inputs and outputs do not fit together.
  func run(transform: any FileTransform) throws(ValidationError) -> Bool {
    let plan = try options.makePlan(renaming: transform.transformName)
    let console = Console()
    if options.verbose {
      for (path, reason) in plan.leftOut { console.report("\(path): left out: \(reason)") }
    }
    let jobs = plan.jobs
    // Standard output takes one file at a time, in order, streamed as it converts.
    let streamsToStandardOutput = jobs.contains { $0.destination == .standardOutput } && plan.action == .write
    let width = streamsToStandardOutput ? 1 : min(options.width, max(jobs.count, 1))

    let showsProgress =
      !options.quiet && FileSystem.isTerminal(.standardError) && !jobs.contains { $0.input == .standardInput }
      && !(plan.action != .write || streamsToStandardOutput ? FileSystem.isTerminal(.standardOutput) : false)
    let progress = BatchProgress(
      totalFiles: jobs.count, totalBytes: jobs.reduce(0) { $0 + $1.size }, console: console)
    if showsProgress { progress.startDrawing() }

    var settings = FileConversionSettings()
    settings.candidates = encodings.inputEncodings
    settings.outputEncoding = encodings.outputEncoding
    settings.lossy = encodings.isLossy
    settings.force = options.force
    settings.action = plan.action
    if case .inPlace(let suffix) = plan.mode { settings.backupSuffix = suffix }
    // Threads that no other file uses go to the files' large chunks: one big
    // file is converted on every thread --jobs allows.
    settings.threadsPerFile = max(1, options.width / width)
    let conversion = FileConversion(transform: transform, settings: settings, console: console, progress: progress)

    let state = RunState(count: jobs.count, console: console, verbose: options.verbose, quiet: options.quiet)
    WorkerThreads.run(count: width) { _ in
      while let index = state.nextJob() {
        let result = conversion.run(jobs[index])
        progress.finishFile()
        state.finish(index, jobs[index], result)
      }
    }
    if case .inPlace = plan.mode, options.rename, !state.isCancelled {
      renameInPlace(plan, state: state, console: console)
    }
    progress.stop()
    if plan.isBatch && !options.quiet && !state.isCancelled {
      console.report(state.summary(seconds: progress.elapsed, action: plan.action))
    }
    return state.failed == 0 && !state.isCancelled
  }

  /// `--rename` in place: files first (their paths hold the old folder
  /// names), then folders from the deepest up. An existing name is never replaced.
  private func renameInPlace(_ plan: BatchPlan, state: RunState, console: Console) {
    var renames: [(String, String)] = []
    for (index, job) in plan.jobs.enumerated() {
      guard let newPath = job.renamedPath, state.succeeded(index) else { continue }
      renames.append((job.name, newPath))
    }
    renames += plan.folderRenames.map { ($0.path, $0.newPath) }
    for (path, newPath) in renames {
      if plan.action != .write {
        if plan.action == .dryRun { try? console.writeResult(Array("\(path) -> \(newPath)\n".utf8)) }
        continue
      }
      if FileSystem.exists(newPath) {
        state.fail(.cannotRename(path: path, newPath: newPath, reason: "it exists already"))
        continue
      }
      do {
        try FileSystem.rename(path, to: newPath)
        if options.verbose { console.report("renamed \(path) to \(newPath)") }
      } catch {
        state.fail(.cannotRename(path: path, newPath: newPath, reason: error.description))
      }
    }
  }
}

/// What the workers share: the next job, the counts, and results waiting
/// to go to standard output in input order.
final class RunState: @unchecked Sendable {
  private let lock = Lock()
  private let console: Console
  private let verbose: Bool
  private let quiet: Bool
  private var next = 0
  private let count: Int
  private var cancelled = false
  private var waiting: [Int: [UInt8]] = [:]
  private var nextToPrint = 0
  private var outcomes: [Bool?]

  private(set) var converted = 0
  private(set) var unchanged = 0
  private(set) var skipped = 0
  private(set) var failed = 0
  private var bytes = 0

  init(count: Int, console: Console, verbose: Bool, quiet: Bool) {
    self.count = count
    self.console = console
    self.verbose = verbose
    self.quiet = quiet
    outcomes = Array(repeating: nil, count: count)
  }

  /// The index of the next job to run, or `nil` when all are taken or the run was cancelled.
  func nextJob() -> Int? {
    lock.withLock {
      // After an interrupt the process is ending: start nothing new.
      guard !cancelled, !InterruptCleanup.isInterrupted, next < count else { return nil }
      defer { next += 1 }
      return next
    }
  }

  /// Whether output stopped (a closed pipe).
  var isCancelled: Bool { lock.withLock { cancelled } }

  /// Whether a job converted (or was unchanged).
  func succeeded(_ index: Int) -> Bool { lock.withLock { outcomes[index] == true } }

  /// Counts a failure found after the jobs (a rename).
  func fail(_ error: CommandError) {
    console.report(error)
    lock.withLock { failed += 1 }
  }

  /// Records a finished job: reports it and prints results that are now in order.
  func finish(_ index: Int, _ job: BatchJob, _ result: JobResult) {
    if case .failed(let error) = result.outcome, error == .interrupted || InterruptCleanup.isInterrupted {
      // An interrupt arrived while the file was being converted: its temporary file is gone and the tool is
      // ending; the file was left as it was, which is not a failure to report.
      lock.withLock { cancelled = true }
      return
    }
    var isBrokenPipe = false
    switch result.outcome {
    case .converted, .unchanged:
      if verbose {
        let changed: Bool
        if case .converted = result.outcome { changed = true } else { changed = false }
        var encodings = ""
        if let (input, output) = result.encodings {
          encodings = input == output ? " (\(input))" : " (\(input) to \(output))"
        }
        console.report("\(job.name): \(changed ? "converted" : "unchanged")\(encodings)")
      }
    case .skipped(let reason):
      if !quiet { console.report(reason) }
    case .failed(.brokenPipe):
      isBrokenPipe = true
    case .failed(let error):
      console.report(error)
    }
    if !quiet { for warning in result.warnings { console.report(warning) } }
    lock.withLock {
      bytes += result.bytes
      switch result.outcome {
      case .converted:
        converted += 1
        outcomes[index] = true
      case .unchanged:
        unchanged += 1
        outcomes[index] = true
      case .skipped:
        skipped += 1
        outcomes[index] = false
      case .failed:
        failed += 1
        outcomes[index] = false
      }
      if isBrokenPipe { cancelled = true }
      waiting[index] = result.payload
      while !cancelled, let payload = waiting.removeValue(forKey: nextToPrint) {
        nextToPrint += 1
        do throws(CommandError) {
          try console.writeResult(payload)
        } catch .brokenPipe {
          cancelled = true
        } catch {
          console.report(error)
          cancelled = true
        }
      }
    }
  }

  /// The closing line: counts, bytes and time.
  func summary(seconds: Double, action: BatchAction) -> String {
    lock.withLock {
      let total = converted + unchanged + skipped + failed
      let verb = action == .write ? "converted" : "to convert"
      var text = action == .write ? "" : action == .diff ? "diff only, nothing written: " : "dry run, nothing written: "
      text += "\(total) file\(total == 1 ? "" : "s"): \(converted) \(verb), \(unchanged) unchanged, "
      text += "\(skipped) skipped, \(failed) failed; \(BatchProgress.megabytes(bytes)) MB in "
      text += seconds < 10 ? "\(Double(Int(seconds * 100)) / 100) s" : BatchProgress.duration(seconds)
      if seconds > 0.05 { text += " (\(BatchProgress.megabytes(Int(Double(bytes) / seconds))) MB/s)" }
      return text
    }
  }
}
