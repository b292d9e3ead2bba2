import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian check`: a lint that lists what does not belong to the expected standard.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: deriving the name from the type costs start-up time.
    commandName: "check",
    abstract: "List every character or word that does not belong to the expected standard (a lint).",
    discussion: """
      Prints one finding per line, `file:line:column: found → suggested \
      (reason)`, where the reason is leftover (a character of the other \
      script), over-conversion or context form (with the phrase that \
      decided), or variant form (another standard's form of the character). \
      The findings are exactly the edits `fanjian normalize --to STANDARD` \
      would make, so a file is clean once normalized.

      POSITIONS: lines and columns count from 1. Columns count Unicode \
      scalars (code points): one per CJK character, including characters \
      outside the BMP, as editors show them; a tab is one column. A CRLF is \
      one line break, and a byte order mark at the start takes no column.

      STANDARDS: s Simplified; t Traditional in OpenCC's standard forms \
      (爲 着 裏); tw Taiwan (為 著 裡); hk Hong Kong (為 着 裏).

      EXAMPLES:
        fanjian check --expect tw docs/*.md
        fanjian check --expect t --json article.txt
        git diff --name-only | xargs fanjian check --expect s

      EXIT STATUS: 0 when every input is clean, 1 when something was \
      found, 2 for a usage error or an input that could not be read.
      """)

  /// The standard the inputs should be written in.
  @Option(help: ArgumentHelp("The standard the text should follow: s, t, tw or hk.", valueName: "standard"))
  var expect: Standard

  /// Whether to print JSON.
  @Flag(help: "Print a JSON array, one object per input, with its findings.")
  var json = false

  /// The inputs; none means standard input.
  @Argument(help: ArgumentHelp("Files to check. None, or `-`, reads standard input.", valueName: "file"))
  var files: [String] = []

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let normalizer: Normalizer
    do {
      normalizer = try Normalizer(target: expect)
    } catch {
      AnalysisOutput.report(error)
      throw ExitCode(2)
    }
    var findingCount = 0
    var objects: [JSONValue] = []
    // Each input streams through the normalizer; findings are printed as
    // they are found (text) or kept as JSON values (--json).
    var stream = normalizer.makeStream()
    var name = ""
    var findings = ChangeReport.StreamedJSON()
    var discarded: [UInt8] = []
    func report(_ changes: [NormalizationResult.Change]) throws {
      guard !changes.isEmpty else { return }
      findingCount += changes.count
      if json {
        findings.add(changes)
      } else {
        let lines = changes.map { ChangeReport.line(for: $0, in: name) + "\n" }.joined()
        do { try AnalysisOutput.write(lines) } catch { throw ExitCode(2) }
      }
    }
    let allRead = try TextInput.readChunks(
      files,
      start: { inputName in
        name = inputName
        stream = normalizer.makeStream()
        findings = ChangeReport.StreamedJSON()
      },
      chunk: { chunk in
        do throws(FanjianError) {
          try stream.normalize(chunk, appendingTo: &discarded)
        } catch {
          throw TextInputError(error, path: name)
        }
        discarded.removeAll(keepingCapacity: true)
        try report(stream.takeChanges())
      },
      end: { complete in
        guard complete else { return }
        do throws(FanjianError) {
          try stream.finish(appendingTo: &discarded)
        } catch {
          throw TextInputError(error, path: name)
        }
        discarded.removeAll(keepingCapacity: true)
        try report(stream.takeChanges())
        if json {
          objects.append(
            .object([
              ("name", .string(name)), ("expect", .string(expect.rawValue)), ("findings", .array(findings.changes)),
            ]))
        }
      })
    if json {
      do { try AnalysisOutput.write(JSONValue.array(objects).rendered() + "\n") } catch { throw ExitCode(2) }
    }
    if !allRead { throw ExitCode(2) }
    if findingCount > 0 { throw ExitCode.failure }
  }
}
