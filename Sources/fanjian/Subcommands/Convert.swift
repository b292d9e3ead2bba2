import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian convert`: converts files or standard input with one configuration.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert text files or standard input.",
    discussion: """
      Input and output are UTF-8. Everything that is not Chinese text passes \
      through byte for byte: ASCII, emoji, a byte order mark, and line endings \
      (LF, CRLF, CR).

      STANDARD INPUT is used when no FILE is given, or for the FILE `-`. It is \
      streamed: each line is converted and written as soon as it arrives, and \
      memory stays small whatever the input size, so `fanjian` works in the \
      middle of a pipeline and on endless streams (tail -f).

      OUTPUT goes to standard output, the inputs' conversions one after the \
      other. With -o FILE, one input is converted into FILE; with several \
      inputs, -o must name an existing directory and each input goes to \
      DIRECTORY/<its file name>. An output file is written to a temporary file \
      next to it and renamed into place only when the whole input converted, \
      so it is never left half-written; -o may name the input file itself to \
      convert it in place.

      ERRORS: an input that is not valid UTF-8 is reported with the byte \
      offset of the first bad byte; a file with NUL bytes in its first 8 KiB is \
      rejected as binary; a missing or unreadable file is reported with the \
      reason. The other inputs are still converted. When writing to standard \
      output, what was converted before the error has already been written; \
      an -o file is left untouched.

      EXAMPLES:
        echo '简体中文' | fanjian convert -c s2t        # 簡體中文
        fanjian convert -c s2twp notes.txt -o notes-tw.txt
        fanjian convert -c t2s a.txt b.txt -o out/
        fanjian convert -c s2t draft.txt -o draft.txt   # in place
        tail -f app.log | fanjian convert -c t2s | grep 错误
        fanjian convert -c s2t --dict mine.txt book.txt

      EXIT STATUS: 0 when every input converted, 1 when some input failed \
      (or the output pipe closed), 2 for a usage error such as an unknown \
      configuration.
      """)

  /// The configuration, dictionaries and engine.
  @OptionGroup var conversion: ConversionOptions

  /// Where the output goes, when not standard output.
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to this file (one input) or into this existing directory (several inputs) instead of standard output.",
      valueName: "path"))
  var output: String?

  /// The inputs; none means standard input.
  @Argument(help: ArgumentHelp("Files to convert. None, or `-`, reads standard input.", valueName: "file"))
  var files: [String] = []

  /// Checks that the inputs and `-o` fit together before anything is read.
  func validate() throws {
    _ = try jobs()
  }

  /// Converts every input; exits with status 1 if any failed.
  func run() throws {
    // A closed output pipe should end the tool with EPIPE, not kill it with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    InterruptCleanup.install()
    let converter: Converter
    do {
      converter = try conversion.makeConverter()
    } catch {
      ConvertFrontend.report(error)
      // Asking ICU for a configuration it lacks is a usage error; a bad dictionary is an input failure.
      if case .unsupportedEngine = error { throw ExitCode(2) }
      throw ExitCode.failure
    }
    let frontend = ConvertFrontend(transcoder: Transcoder(converter: converter))
    guard frontend.run(try jobs()) else { throw ExitCode.failure }
  }

  /// Pairs every input with its destination.
  ///
  /// - Throws: `ValidationError` when the inputs and `-o` do not fit together.
  func jobs() throws(ValidationError) -> [ConvertFrontend.Job] {
    let inputs = files.isEmpty ? ["-"] : files
    guard let output, output != "-" else {
      return inputs.map { ConvertFrontend.Job(input: $0, destination: .standardOutput) }
    }
    guard FileSystem.isDirectory(output) else {
      if output.hasSuffix("/") {
        throw ValidationError("the output directory '\(output)' does not exist; create it first")
      }
      guard inputs.count == 1 else {
        throw ValidationError(
          "\(inputs.count) inputs need -o to name an existing directory, and '\(output)' is not one")
      }
      return [ConvertFrontend.Job(input: inputs[0], destination: .file(output))]
    }
    if inputs.contains("-") {
      throw ValidationError(
        "standard input has no file name to use in the directory '\(output)'; give -o a file name instead")
    }
    var seen: [String: String] = [:]
    var jobs: [ConvertFrontend.Job] = []
    for input in inputs {
      let name = FileSystem.basename(input)
      if let earlier = seen[name] {
        throw ValidationError("'\(earlier)' and '\(input)' would both be written to '\(FileSystem.join(output, name))'")
      }
      seen[name] = input
      jobs.append(ConvertFrontend.Job(input: input, destination: .file(FileSystem.join(output, name))))
    }
    return jobs
  }
}
