import CSystemCalls
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What every file of a run shares: encodings, and what to do with the result.
struct FileConversionSettings {
  /// The encodings to read in, tried in order (a byte order mark overrides them).
  var candidates: [TextEncoding] = [.utf8]
  /// The encoding to write; `nil` keeps each file's own.
  var outputEncoding: TextEncoding?
  /// Whether bad bytes and unencodable characters are replaced instead of failing.
  var lossy = false
  /// Whether files that look binary are converted anyway.
  var force = false
  /// Write, list (`--dry-run`) or diff.
  var action: BatchAction = .write
  /// With `--in-place`, the suffix of backups.
  var backupSuffix: String?
  /// How many threads may convert one file's large chunks: the threads that
  /// `--jobs` allows and other files do not use (a single large file gets them all).
  var threadsPerFile = 1
}

/// How converting one file ended.
struct JobResult {
  /// The outcome, as the summary counts it.
  enum Outcome {
    /// The text changed (and, unless `--dry-run` or `--diff`, was written).
    case converted
    /// The text was already as the transform makes it.
    case unchanged
    /// The file was left alone, with the reason (a warning).
    case skipped(String)
    /// The file failed; it was not changed.
    case failed(CommandError)
  }

  var outcome: Outcome
  /// Bytes read from the input.
  var bytes = 0
  /// The encoding the input was read in, and the one written.
  var encodings: (input: TextEncoding, output: TextEncoding)?
  /// Warnings to show (replaced bytes), each naming the file.
  var warnings: [String] = []
  /// What goes to standard output for this file, in input order: a
  /// `--dry-run` line or a `--diff`.
  var payload: [UInt8] = []
}

/// Converts one file: reads it in chunks, decodes it (ICU, unless it is
/// UTF-8), runs the transform, encodes, and writes to the destination, with
/// bounded memory whatever the file's size.
///
/// When several input encodings are allowed, each is tried in turn: a file
/// destination is emptied and written again, standard output is protected
/// by first decoding without writing. Invalid bytes fail the file (the
/// destination is not touched) unless `lossy`; then the encoding that read
/// furthest is used with U+FFFD for the bad bytes.
struct FileConversion {
  let transform: any FileTransform
  let settings: FileConversionSettings
  let console: Console
  let progress: BatchProgress?

  /// Converts one job; never throws, failures are in the result.
  func run(_ job: BatchJob) -> JobResult {
    if let problem = job.problem { return JobResult(outcome: .failed(problem)) }
    if let reason = job.skipReason { return JobResult(outcome: .skipped(reason)) }
    do {
      return try convert(job)
    } catch {
      return JobResult(outcome: .failed(error))
    }
  }

  private func convert(_ job: BatchJob) throws(CommandError) -> JobResult {
    let input: InputFile
    var original: stat?
    switch job.input {
    case .standardInput:
      input = InputFile(
        descriptor: .standardInput, name: job.name, isStandardInput: true, progress: progress,
        threads: settings.threadsPerFile)
    case .file(let path):
      input = InputFile(
        descriptor: try Self.open(path, name: job.name), name: job.name, isStandardInput: false, progress: progress,
        threads: settings.threadsPerFile)
      if job.destination == .inPlace {
        guard let info = try? input.descriptor.status(), FileSystem.isRegularFile(info) else {
          input.close()
          throw .notRegularFile(path: job.name)
        }
        guard info.st_nlink <= 1 else {
          input.close()
          throw .hardLinked(path: job.name, links: Int(info.st_nlink))
        }
        original = info
      }
    }
    defer { input.close() }

    let probe = try input.probe()
    var candidates = settings.candidates
    if let mark = TextEncoding.detectByteOrderMark(probe) { candidates = [mark.encoding] }
    if !input.isStandardInput && !settings.force && candidates[0].hasByteUnits
      && probe.prefix(InputFile.binaryProbeSize).contains(0)
    {
      return JobResult(
        outcome: .skipped(
          "\(job.name): looks like a binary file (it contains NUL bytes); skipped (--force converts it)"))
    }

    var sink: Sink
    var inPlacePath: String?
    switch (settings.action, job.destination) {
    case (.write, .standardOutput):
      sink = .standardOutput(console)
    case (.write, .file(let path)):
      do {
        try FileSystem.createDirectories(FileSystem.dirname(path))
      } catch {
        throw .cannotCreateOutput(path: path, reason: error)
      }
      sink = .file(try AtomicOutputFile(replacing: path))
    case (.write, .inPlace):
      guard case .file(let path) = job.input else { throw .notRegularFile(path: job.name) }
      inPlacePath = path
      sink = .file(try AtomicOutputFile(replacing: path))
    default:
      sink = .discard
    }

    let attempt: Attempt
    do {
      attempt = try convertTrying(candidates, input: input, sink: &sink, diffName: job.diffName)
    } catch {
      sink.discard()
      throw error
    }
    var result = JobResult(outcome: attempt.changed ? .converted : .unchanged, bytes: attempt.bytes)
    result.encodings = (attempt.encoding, attempt.outputEncoding)
    if attempt.replacements > 0 {
      result.warnings.append(
        "\(job.name): \(attempt.replacements) invalid byte sequence\(attempt.replacements == 1 ? "" : "s") "
          + "in \(attempt.encoding) replaced with U+FFFD (--lossy)")
    }
    if attempt.substitutions > 0 {
      result.warnings.append(
        "\(job.name): \(attempt.substitutions) character\(attempt.substitutions == 1 ? "" : "s") "
          + "that \(attempt.outputEncoding) lacks substituted (--lossy)")
    }
    switch settings.action {
    case .write:
      if case .file(let output) = sink {
        if let inPlacePath {
          if attempt.changed {
            try output.commit(backup: settings.backupSuffix.map { inPlacePath + $0 }, unlessChangedSince: original)
          } else {
            output.discard()
          }
        } else {
          try output.commit()
        }
      }
    case .dryRun:
      if attempt.changed { result.payload = Array("\(job.name)\n".utf8) }
    case .diff:
      result.payload = attempt.diff
    }
    return result
  }

  /// One pass over the input in one encoding.
  private struct Attempt {
    var encoding: TextEncoding
    var outputEncoding: TextEncoding
    var changed = false
    var bytes = 0
    var replacements = 0
    var substitutions = 0
    var diff: [UInt8] = []
  }

  /// Converts with the first candidate that decodes the whole input.
  private func convertTrying(
    _ candidates: [TextEncoding], input: InputFile, sink: inout Sink, diffName: String
  ) throws(CommandError) -> Attempt {
    guard candidates.count > 1, input.canRewind else {
      return try attempt(candidates[0], lossy: settings.lossy, input: input, sink: &sink, diffName: diffName)
    }
    // The encoding that decoded furthest before failing: the likeliest one.
    var best: (encoding: TextEncoding, error: CommandError, offset: Int)?
    func record(_ encoding: TextEncoding, _ error: CommandError, _ offset: Int) throws(CommandError) {
      if best == nil || offset > best!.offset { best = (encoding, error, offset) }
      guard input.rewind() else { throw error }
    }
    if sink.canRestart {
      for encoding in candidates {
        do throws(CommandError) {
          return try attempt(encoding, lossy: false, input: input, sink: &sink, diffName: diffName)
        } catch .invalidBytes(let path, let name, let offset) {
          try record(encoding, .invalidBytes(path: path, encoding: name, byteOffset: offset), offset)
          try sink.restart()
        }
      }
    } else {
      // Standard output cannot be taken back: decide before writing.
      var discard = Sink.discard
      var chosen: TextEncoding?
      for encoding in candidates {
        do throws(CommandError) {
          _ = try attempt(encoding, lossy: false, input: input, sink: &discard, diffName: diffName, decodeOnly: true)
          chosen = encoding
        } catch .invalidBytes(let path, let name, let offset) {
          try record(encoding, .invalidBytes(path: path, encoding: name, byteOffset: offset), offset)
        }
        if chosen != nil { break }
      }
      if let chosen {
        guard input.rewind() else { throw .readFailed(path: input.name, reason: SystemError(code: ESPIPE)) }
        return try attempt(chosen, lossy: false, input: input, sink: &sink, diffName: diffName)
      }
    }
    guard let best else { throw .readFailed(path: input.name, reason: SystemError(code: EINVAL)) }
    guard settings.lossy else { throw best.error }
    return try attempt(best.encoding, lossy: true, input: input, sink: &sink, diffName: diffName)
  }

  /// Reads the whole input in `encoding` and writes its conversion to `sink`.
  ///
  /// It is cheap per chunk: the buffers are reused, UTF-8 skips ICU on both
  /// sides, and the change detector and diff only look at bytes once.
  private func attempt(
    _ encoding: TextEncoding, lossy: Bool, input: InputFile, sink: inout Sink, diffName: String,
    decodeOnly: Bool = false
  ) throws(CommandError) -> Attempt {
    let outputEncoding = settings.outputEncoding ?? encoding
    var result = Attempt(encoding: encoding, outputEncoding: outputEncoding)
    let name = input.name
    // Bytes converted in parallel before a sequential stream took over (see below).
    var streamStart = 0
    func failure(_ error: FanjianError) -> CommandError { .converting(name, error, from: streamStart) }
    let decoder: TextDecoder?
    let encoder: TextEncoder?
    do {
      // UTF-8 skips ICU: the filter validates it as it goes (but a pass that only decodes needs ICU).
      decoder = encoding.isUTF8 && !lossy && !decodeOnly ? nil : try TextDecoder(encoding, lossy: lossy)
      encoder = decodeOnly || outputEncoding.isUTF8 ? nil : try TextEncoder(outputEncoding, lossy: settings.lossy)
    } catch {
      throw failure(error)
    }
    // Large outputs are written on a thread of their own while the next chunk converts.
    let writer = BackgroundWriter(to: sink)
    defer { writer.stop() }
    var filter = transform.makeFilter(threads: settings.threadsPerFile)
    var detector = ChangeDetector()
    var diff = settings.action == .diff ? UnifiedDiff(oldName: diffName, newName: diffName) : nil
    var decoded: [UInt8] = []
    var transformed: [UInt8] = []
    var encoded: [UInt8] = []
    // A byte order mark has no place in Big5 or GBK: it is dropped there.
    var checksByteOrderMark = !outputEncoding.coversUnicode

    func pass(_ text: UnsafeRawBufferPointer, isLast: Bool) throws(CommandError) {
      guard !decodeOnly else { return }
      transformed.removeAll(keepingCapacity: true)
      do throws(FanjianError) {
        try filter.process(text, appendingTo: &transformed)
        if isLast { try filter.finish(appendingTo: &transformed) }
      } catch {
        throw failure(error)
      }
      detector.input(text)
      detector.output(transformed)
      diff?.old(text)
      diff?.new(transformed)
      if checksByteOrderMark && !transformed.isEmpty {
        if transformed.starts(with: [0xEF, 0xBB, 0xBF]) { transformed.removeFirst(3) }
        checksByteOrderMark = false
      }
      if let encoder {
        encoded.removeAll(keepingCapacity: true)
        do throws(FanjianError) {
          try encoder.encode(transformed, appendingTo: &encoded)
          if isLast { try encoder.finish(appendingTo: &encoded) }
        } catch {
          throw failure(error)
        }
        try writer.write(&encoded)
      } else {
        try writer.write(&transformed)
      }
    }

    // A large UTF-8 input to convert on several threads goes through the
    // pipeline (reading, converting and writing overlap); it hands back only
    // a line longer than its buffers, and the stream below goes on from there.
    if let converter = transform.lineConverter, settings.threadsPerFile > 1, settings.action == .write,
      decoder == nil, encoder == nil, !decodeOnly
    {
      let pipeline = LinePipeline(converter: converter, workers: settings.threadsPerFile, sink: sink, name: name)
      let outcome = try pipeline.run(input)
      result.bytes = outcome.bytes
      if outcome.changed { detector.markChanged() }
      guard let unfinished = outcome.unfinished else {
        result.changed = outcome.changed || outputEncoding != encoding
        return result
      }
      streamStart = outcome.bytes
      result.bytes += unfinished.count
      try unfinished.withBytes { bytes throws(CommandError) in try pass(bytes, isLast: false) }
    }

    while let chunk = try input.next() {
      result.bytes += chunk.count
      if let decoder {
        decoded.removeAll(keepingCapacity: true)
        do {
          try decoder.decode(chunk, appendingTo: &decoded)
        } catch {
          throw failure(error)
        }
        try decoded.withBytes { bytes throws(CommandError) in try pass(bytes, isLast: false) }
      } else {
        try pass(chunk, isLast: false)
      }
    }
    decoded.removeAll(keepingCapacity: true)
    if let decoder {
      do {
        try decoder.finish(appendingTo: &decoded)
      } catch {
        throw failure(error)
      }
      result.replacements = decoder.replacementCount
    }
    try decoded.withBytes { bytes throws(CommandError) in try pass(bytes, isLast: true) }
    try writer.finish()
    result.substitutions = encoder?.substitutionCount ?? 0
    diff?.finish()
    result.diff = diff?.text ?? []
    result.changed =
      detector.changed || result.replacements > 0 || result.substitutions > 0 || outputEncoding != encoding
    return result
  }

  private static func open(_ path: String, name: String) throws(CommandError) -> FileDescriptor {
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor.openForReading(path)
    } catch {
      throw .cannotOpen(path: name, reason: error)
    }
    if let info = try? descriptor.status(), FileSystem.isDirectory(info) {
      try? descriptor.close()
      throw .cannotOpen(path: name, reason: SystemError(code: EISDIR))
    }
    return descriptor
  }
}

extension BatchJob {
  /// The name in `--diff` headers: the file that would be written.
  var diffName: String {
    if case .file(let path) = destination { return path }
    return name
  }
}

/// Where one file's output goes while it is being converted.
enum Sink {
  /// Standard output (cannot be taken back).
  case standardOutput(Console)
  /// A temporary file renamed into place at the end.
  case file(AtomicOutputFile)
  /// Nowhere (`--dry-run`, `--diff`).
  case discard

  /// Writes bytes.
  func write(_ bytes: [UInt8]) throws(CommandError) {
    guard !bytes.isEmpty else { return }
    switch self {
    case .standardOutput(let console):
      try console.writeResult(bytes)
    case .file(let output):
      do {
        try output.write(bytes)
      } catch {
        throw .writeFailed(path: output.destination, reason: error)
      }
    case .discard:
      break
    }
  }

  /// Whether what was written can be taken back to write again.
  var canRestart: Bool {
    if case .standardOutput = self { return false }
    return true
  }

  /// Takes back what was written.
  func restart() throws(CommandError) {
    if case .file(let output) = self { try output.restart() }
  }

  /// Drops a file output that will not be committed.
  func discard() {
    if case .file(let output) = self { output.discard() }
  }
}

/// An input read in chunks, with its start read ahead once (to look for a
/// byte order mark and NUL bytes) and handed out again.
///
/// Chunks are large: 1 MiB a thread that may convert the input (fewer system
/// calls, and enough lines in a chunk to share out; memory stays a few
/// megabytes). From a pipe or terminal, a chunk is what one read returns as
/// soon as anything arrives, plus whatever else is already waiting: a slow
/// producer's line is converted the moment it is there, a fast producer's
/// output in large chunks.
final class InputFile {
  /// The chunk size for one thread.
  static let chunkSize = 1 << 20
  /// How much of the start of a file is checked for NUL bytes.
  static let binaryProbeSize = 8 * 1024

  let descriptor: FileDescriptor
  let name: String
  let isStandardInput: Bool
  private let isRegularFile: Bool
  private let progress: BatchProgress?
  private let buffer: UnsafeMutableRawBufferPointer
  private var replay = 0  // bytes of the probe still to hand out
  private var replayOffset = 0  // where they start in `buffer`
  private var readThisPass = 0

  init(descriptor: FileDescriptor, name: String, isStandardInput: Bool, progress: BatchProgress?, threads: Int = 1) {
    self.descriptor = descriptor
    self.name = name
    self.isStandardInput = isStandardInput
    self.progress = progress
    isRegularFile = (try? descriptor.status()).map(FileSystem.isRegularFile) ?? false
    if !isRegularFile {
      // A larger pipe buffer (a hint; 1 MiB is what Linux allows anyone) lets a
      // fast producer run ahead instead of waking this reader every 64 KiB.
      _ = fj_enlarge_pipe(descriptor.rawValue, Int32(Self.chunkSize))
    }
    let size = Self.chunkSize * max(1, threads)
    buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
  }

  deinit {
    buffer.deallocate()
  }

  /// Reads the start: for a file, at least 8 KiB (or all of it); for
  /// standard input whatever arrives first, so a pipe still streams.
  func probe() throws(CommandError) -> ArraySlice<UInt8> {
    let minimum = isStandardInput ? 1 : Self.binaryProbeSize
    var total = 0
    while total < minimum {
      let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
      if count == 0 { break }
      total += count
    }
    replay = total
    replayOffset = 0
    return ArraySlice(buffer[..<total])
  }

  /// Whether ``fill(_:)`` fills its buffer (a regular file), rather than
  /// returning what has arrived (a pipe or terminal).
  var fillsBuffers: Bool { isRegularFile }

  /// Reads into `destination`: first what ``probe()`` read ahead, then from
  /// the input. A file fills `destination` unless its end comes first; a pipe
  /// gives what has arrived (waiting for at least one byte) and whatever
  /// else is already waiting, so a fast producer gives large chunks and a
  /// slow one each line at once.
  ///
  /// - Returns: the bytes read, and whether the end of the input was reached.
  func fill(_ destination: UnsafeMutableRawBufferPointer) throws(CommandError) -> (count: Int, atEnd: Bool) {
    var count = 0
    if replay > 0 {
      count = min(replay, destination.count)
      let source = buffer.baseAddress! + replayOffset
      if destination.baseAddress! != source { destination.baseAddress!.copyMemory(from: source, byteCount: count) }
      replay -= count
      replayOffset = replay > 0 ? replayOffset + count : 0
    }
    var atEnd = false
    while count < destination.count {
      // A pipe waits only for its first byte.
      if count > 0 && !isRegularFile && !Self.hasDataWaiting(descriptor) { break }
      let more = try read(into: UnsafeMutableRawBufferPointer(rebasing: destination[count...]))
      if more == 0 {
        atEnd = true
        break
      }
      count += more
    }
    readThisPass += count
    progress?.add(bytes: count)
    return (count, atEnd)
  }

  /// The next chunk, or `nil` at the end of the input; valid until the next
  /// call, which reads into the same buffer.
  func next() throws(CommandError) -> UnsafeRawBufferPointer? {
    // What the probe read ahead is handed out where it lies.
    let start = replay > 0 ? replayOffset : 0
    let (count, _) = try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
    guard count > 0 else { return nil }
    return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
  }

  /// Whether a read of `descriptor` would return at once (data or the end).
  private static func hasDataWaiting(_ descriptor: FileDescriptor) -> Bool {
    var request = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, 0) > 0 && request.revents & Int16(POLLIN | POLLHUP) != 0
  }

  /// Whether the input can be read again from the start (files; not pipes).
  var canRewind: Bool { lseek(descriptor.rawValue, 0, SEEK_CUR) >= 0 }

  /// Goes back to the start, to read the input in another encoding.
  func rewind() -> Bool {
    guard descriptor.rewind() else { return false }
    progress?.add(bytes: -readThisPass)
    readThisPass = 0
    replay = 0
    replayOffset = 0
    return true
  }

  /// Closes a file input (standard input stays open).
  func close() {
    if !isStandardInput { try? descriptor.close() }
  }

  private func read(into bytes: UnsafeMutableRawBufferPointer) throws(CommandError) -> Int {
    do {
      return try descriptor.read(into: bytes)
    } catch {
      throw .readFailed(path: name, reason: error)
    }
  }
}

extension Array where Element == UInt8 {
  /// `withUnsafeBytes` for a body with a typed error.
  func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws(CommandError) -> T) throws(CommandError) -> T {
    let result = withUnsafeBytes { bytes in Result { () throws(CommandError) in try body(bytes) } }
    return try result.get()
  }
}
