import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian detect`: says which script (and which Traditional standard) each
/// input is written in.
struct Detect: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: deriving the name from the type costs start-up time.
    commandName: "detect",
    abstract: "Tell whether text is Simplified, Traditional or mixed, and which Traditional standard.",
    discussion: """
      Prints one verdict per input: simplified, traditional, mixed, or \
      undetermined, with the counts of the characters that decided it. Only \
      characters that one script writes and the other does not count (将 or \
      將, not 中 or 文), as the built-in tables define them; a text with fewer \
      than 5 of them is undetermined, never a guess. A text is mixed when \
      each script has at least 2 of its own characters and the smaller side \
      is at least 1% of them.

      For Traditional text (and mixed text that is mostly Traditional), the \
      regional standard is guessed from its variant characters: t (爲 着 裏), \
      tw (為 著 裡) or hk (為 着 裏 衞); none when no variant character decides \
      or two standards fit equally.

      OUTPUT: `NAME: VERDICT [STANDARD] (N simplified-only, N \
      traditional-only of N Han characters)`, or with --json an array of \
      objects with the same fields.

      EXAMPLES:
        fanjian detect article.txt notes.txt
        echo '这是简体中文的句子' | fanjian detect
        fanjian detect --json *.txt

      EXIT STATUS: 0 when every input was read, 1 when some input could not \
      be, 2 for a usage error.
      """)

  /// Whether to print JSON.
  @Flag(help: "Print a JSON array, one object per input.")
  var json = false

  /// The inputs; none means standard input.
  @Argument(help: ArgumentHelp("Files to examine. None, or `-`, reads standard input.", valueName: "file"))
  var files: [String] = []

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    var objects: [JSONValue] = []
    // Counted as the chunks arrive: constant memory, whatever the input.
    var stream = ScriptDetectionStream()
    var name = ""
    let succeeded = try TextInput.readChunks(
      files,
      start: { inputName in
        name = inputName
        stream = ScriptDetectionStream()
      },
      chunk: { chunk in
        do throws(FanjianError) { try stream.add(chunk) } catch { throw TextInputError(error, path: name) }
      },
      end: { complete in
        guard complete else { return }
        let detection: ScriptDetection
        do throws(FanjianError) { detection = try stream.finish() } catch { throw TextInputError(error, path: name) }
        if json {
          objects.append(Self.json(detection, name: name))
        } else {
          do { try AnalysisOutput.write(Self.line(detection, name: name) + "\n") } catch { throw ExitCode.failure }
        }
      })
    if json {
      do { try AnalysisOutput.write(JSONValue.array(objects).rendered() + "\n") } catch { throw ExitCode.failure }
    }
    if !succeeded { throw ExitCode.failure }
  }

  /// `name: mixed, mostly traditional, t (74 simplified-only, 745 traditional-only of 2721 Han characters)`.
  static func line(_ detection: ScriptDetection, name: String) -> String {
    var verdict = detection.script.description
    if detection.script == .mixed {
      verdict += detection.traditionalCount > detection.simplifiedCount ? ", mostly traditional" : ", mostly simplified"
    }
    if let standard = detection.standard { verdict += ", \(standard.rawValue)" }
    return "\(name): \(verdict) (\(detection.simplifiedCount) simplified-only, "
      + "\(detection.traditionalCount) traditional-only of \(detection.hanCount) Han characters)"
  }

  static func json(_ detection: ScriptDetection, name: String) -> JSONValue {
    .object([
      ("name", .string(name)),
      ("script", .string(detection.script.rawValue)),
      ("standard", .string(detection.standard?.rawValue)),
      ("simplifiedOnly", .int(detection.simplifiedCount)),
      ("traditionalOnly", .int(detection.traditionalCount)),
      ("han", .int(detection.hanCount)),
      (
        "variantMismatches",
        .object(
          [Standard.traditional, .taiwan, .hongKong].map { ($0.rawValue, .int(detection.variantMismatches[$0] ?? 0)) })
      ),
    ])
  }
}
