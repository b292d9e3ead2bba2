#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a list of conversions, input by input, and reports failures.
///
/// One failing input does not stop the others (except a broken output pipe,
/// which ends everything): each failure is printed as `fanjian: <message>` on
/// standard error and ``run(_:)`` returns `false`.
struct ConvertFrontend {
  /// Where one input's output goes.
  enum Destination: Equatable {
    /// Standard output, written as the input is read.
    case standardOutput
    /// A file, replaced atomically once the whole input converted.
    case file(String)
  }

  /// One input and where its output goes.
  struct Job: Equatable {
    /// The input's path, or `-` for standard input.
    var input: String
    /// Where the output goes.
    var destination: Destination
  }

  /// The transcoder that every job runs through.
  let transcoder: Transcoder

  /// Runs the jobs in order.
  ///
  /// - Returns: `true` when every job succeeded.
  func run(_ jobs: [Job]) -> Bool {
    var succeeded = true
    for job in jobs {
      do {
        try run(job)
      } catch .brokenPipe {
        // The reader is gone (`… | head`): nothing more can be delivered.
        return false
      } catch {
        Self.report(error)
        succeeded = false
      }
    }
    return succeeded
  }

  /// Prints `fanjian: <message>` on standard error.
  static func report(_ message: some CustomStringConvertible) {
    try? FileDescriptor.standardError.writeAll(Array("fanjian: \(message)\n".utf8))
  }

  private func run(_ job: Job) throws(CommandError) {
    let isStandardInput = job.input == "-"
    let inputName = isStandardInput ? CommandError.standardInputName : job.input
    let input = isStandardInput ? FileDescriptor.standardInput : try Self.open(job.input)
    defer { if !isStandardInput { try? input.close() } }

    switch job.destination {
    case .standardOutput:
      try transcoder.transcode(
        from: input, named: inputName, rejectsBinary: !isStandardInput,
        to: .standardOutput, named: CommandError.standardOutputName)
    case .file(let path):
      let output = try AtomicOutputFile(replacing: path)
      do {
        try transcoder.transcode(
          from: input, named: inputName, rejectsBinary: !isStandardInput, to: output.descriptor, named: path)
      } catch {
        output.discard()
        throw error
      }
      try output.commit()
    }
  }

  private static func open(_ path: String) throws(CommandError) -> FileDescriptor {
    let descriptor: FileDescriptor
    do {
      descriptor = try FileDescriptor.openForReading(path)
    } catch {
      throw .cannotOpen(path: path, reason: error)
    }
    if let info = try? descriptor.status(), FileSystem.isDirectory(info) {
      try? descriptor.close()
      throw .cannotOpen(path: path, reason: SystemError(code: EISDIR))
    }
    return descriptor
  }
}
