import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian normalize`: makes mixed text consistent in one standard with the
/// fewest edits, optionally listing every edit.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: deriving the name from the type costs start-up time.
    commandName: "normalize",
    abstract: "Make mixed or half-converted text consistent in one standard, with the fewest edits.",
    discussion: """
      Repairs text that is not cleanly one script, such as the output of a \
      character-by-character converter: converts characters of the other \
      script that were left behind (对标 → 對標), repairs over-conversions \
      (紮克伯格 → 扎克伯格, 隻是 → 只是, 一齣就到 → 一出就到), restores context \
      forms (關系 → 關係) and unifies variant forms to the target standard \
      (爲 → 為 for Taiwan). For tw and hk, the author's form of a one-to-many \
      character is weighed against the tables' choice by how often Taiwan or \
      Hong Kong text writes each form in that context; a text that looks \
      machine-converted (leftovers, forms never written there) gets less \
      trust, clean text almost no edits: 台 and 臺, 佈 and 布 stay as written. \
      Normalizing twice gives the same text as once.

      STANDARDS: s Simplified; t Traditional in OpenCC's standard forms \
      (爲 着 裏); tw Taiwan (為 著 裡); hk Hong Kong (為 着 裏).

      INPUT is each FILE, or standard input when none is given (or for `-`). \
      Without --report, files, folders and outputs work as in `fanjian \
      convert`: folders recursively (--include, --exclude, --hidden), -o DIR \
      mirroring them, --in-place with --backup, --dry-run, --diff, --jobs, \
      and other encodings with --encoding and --output-encoding (see \
      `fanjian convert --help`). With --report, inputs are UTF-8. Memory stays \
      bounded however long the input or its lines, and each line of standard \
      input is written as soon as it arrives.

      OUTPUT is the normalized text on standard output, or in -o FILE (one \
      input) or -o DIRECTORY/<name> (several inputs; created if needed, \
      except with --report, where it must exist). An output file is written \
      to a temporary file and renamed into place; -o naming the input \
      converts it in place, with the safeguards of --in-place.

      REPORT: --report lists every change instead of printing the text (the \
      text still goes to -o when given): one line per change, \
      `file:line:column: before → after (reason)`, with a summary on standard \
      error; the reason is leftover, over-conversion or context form (with \
      the phrase that decided), or variant form. Columns count Unicode \
      scalars from 1 (one per CJK character, as editors show them); a CRLF \
      is one line break. --report json prints the same as JSON, with UTF-8 \
      and scalar offsets in the input and the output.

      EXAMPLES:
        fanjian normalize --to tw article.txt -o article-tw.txt
        fanjian normalize --to t --report article.txt
        fanjian normalize --to s --report json < article.txt
        echo '小紮隻是对标' | fanjian normalize --to t     # 小扎只是對標

      EXIT STATUS: 0 when every input was normalized, 1 when some input \
      could not be read or written, 2 for a usage error.
      """)

  /// The report formats of `--report`.
  enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  /// The standard to make the text consistent in.
  @Option(help: ArgumentHelp("The standard to normalize to: s, t, tw or hk.", valueName: "standard"))
  var to: Standard

  /// Whether (and how) to list the changes instead of printing the text.
  @Option(
    help: ArgumentHelp(
      "List every change instead of printing the text: text (the default when the value is left out) or json.",
      valueName: "format"))
  var report: ReportFormat?

  /// Files, folders, outputs and reporting, shared with `convert`.
  @OptionGroup(title: "Files") var batch: BatchOptions

  /// How files are decoded and encoded (`--to` is the standard here).
  @OptionGroup(title: "Encodings") var encoding: NamedEncodingOptions

  /// Where the normalized text goes, when not standard output.
  var output: String? { batch.output }

  /// The inputs; none means standard input.
  var files: [String] { batch.allPaths }

  func validate() throws {
    guard report != nil else { return }  // the batch options check themselves
    let batchOnly = batch.inPlace || batch.dryRun || batch.diff || batch.rename
    if batchOnly { throw ValidationError("--report lists changes; it does not combine with --in-place, -n, --diff or --rename") }
    guard let output, output != "-" else { return }
    let inputs = files.isEmpty ? ["-"] : files
    if FileSystem.isDirectory(output) {
      if inputs.contains("-") {
        throw ValidationError("standard input has no file name to use in the directory '\(output)'; give -o a file name")
      }
    } else if inputs.count > 1 {
      throw ValidationError("\(inputs.count) inputs need -o to name an existing directory, and '\(output)' is not one")
    }
  }

  /// `--report` may be given without a value; ArgumentParser options always
  /// take one, so the root command inserts `text` where it is missing.
  static func insertingDefaultReportFormat(_ arguments: [String]) -> [String] {
    guard arguments.first == "normalize" else { return arguments }
    var result: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      result.append(argument)
      if argument == "--" {
        result += arguments[(index + 1)...]
        break
      }
      if argument == "--report" {
        let next = index + 1 < arguments.count ? arguments[index + 1] : nil
        if next.flatMap(ReportFormat.init(rawValue:)) == nil { result.append(ReportFormat.text.rawValue) }
      }
      index += 1
    }
    return result
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    InterruptCleanup.install()
    let normalizer: Normalizer
    do {
      normalizer = try Normalizer(target: to)
    } catch {
      AnalysisOutput.report(error)
      throw ExitCode.failure
    }
    if report == nil {
      // The text itself: folders, encodings, in place, in parallel, like `convert`.
      let runner = BatchRunner(options: batch, encodings: encoding)
      guard try runner.run(transform: NormalizerTransform(normalizer: normalizer)) else { throw ExitCode.failure }
      return
    }
    var delivered = true
    var reports: [JSONValue] = []
    var tally = ChangeReport.Tally()
    // Each input streams through the normalizer: the text goes to -o as it
    // is made, the changes to the report as they are found.
    var stream = normalizer.makeStream()
    var name = ""
    var inputTally = ChangeReport.Tally()
    var changesJSON = ChangeReport.StreamedJSON()
    var file: AtomicOutputFile?
    var destination = ""
    // -o naming the input is in place, with its safeguards: an unchanged file
    // is not rewritten, a file with other hard links is refused, and a
    // symbolic link stays a link (the file it points to is replaced).
    var inPlace = false
    var text: [UInt8] = []
    func deliver() {
      defer { text.removeAll(keepingCapacity: true) }
      guard let current = file, !text.isEmpty else { return }
      do {
        try current.descriptor.writeAll(text)
      } catch {
        current.discard()
        file = nil
        AnalysisOutput.report(CommandError.writeFailed(path: destination, reason: error))
        delivered = false
      }
    }
    func record(_ changes: [NormalizationResult.Change]) throws {
      guard !changes.isEmpty else { return }
      inputTally.add(changes)
      switch report {
      case .text?:
        let lines = changes.map { ChangeReport.line(for: $0, in: name) + "\n" }.joined()
        do { try AnalysisOutput.write(lines) } catch { throw ExitCode.failure }
      case .json?:
        changesJSON.add(changes)
      case nil:
        break
      }
    }
    let allRead = try TextInput.readChunks(
      files,
      start: { inputName in
        name = inputName
        stream = normalizer.makeStream()
        inputTally = ChangeReport.Tally()
        changesJSON = ChangeReport.StreamedJSON()
        file = nil
        inPlace = false
        guard let output, output != "-" else { return }
        destination = FileSystem.isDirectory(output) ? FileSystem.join(output, FileSystem.basename(inputName)) : output
        if inputName != TextInput.standardInputName, case .success(let info) = FileSystem.status(ofPath: inputName),
          FileID(path: destination) == FileID(info)
        {
          guard info.st_nlink <= 1 else {
            AnalysisOutput.report(CommandError.hardLinked(path: inputName, links: Int(info.st_nlink)))
            delivered = false
            return
          }
          destination = FileSystem.resolvingSymbolicLinks(destination) ?? destination
          inPlace = true
        }
        do throws(CommandError) {
          file = try AtomicOutputFile(replacing: destination)
        } catch {
          AnalysisOutput.report(error)
          delivered = false
        }
      },
      chunk: { chunk in
        do throws(FanjianError) {
          try stream.normalize(chunk, appendingTo: &text)
        } catch {
          throw TextInputError(error, path: name)
        }
        deliver()
        try record(stream.takeChanges())
      },
      end: { complete in
        defer {
          file?.discard()
          file = nil
        }
        guard complete else { return }
        do throws(FanjianError) {
          try stream.finish(appendingTo: &text)
        } catch {
          throw TextInputError(error, path: name)
        }
        deliver()
        try record(stream.takeChanges())
        if let current = file, inPlace && inputTally.total == 0 {
          current.discard()
          file = nil
        } else if let current = file {
          do throws(CommandError) {
            try current.commit()
          } catch {
            AnalysisOutput.report(error)
            delivered = false
          }
          file = nil
        }
        tally = tally.merging(inputTally)
        if report == .json {
          reports.append(
            .object([
              ("name", .string(name)),
              ("target", .string(to.rawValue)),
              ("summary", .string(inputTally.summary(noun: "change"))),
              ("changes", .array(changesJSON.changes)),
            ]))
        }
      })
    switch report {
    case .text?:
      AnalysisOutput.report(tally.summary(noun: "change"))
    case .json?:
      do { try AnalysisOutput.write(JSONValue.array(reports).rendered() + "\n") } catch { throw ExitCode.failure }
    case nil:
      break
    }
    if !allRead || !delivered { throw ExitCode.failure }
  }
}
