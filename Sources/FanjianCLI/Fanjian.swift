import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `fanjian` command: converts Chinese text between Simplified and
/// Traditional characters and regional standards.
@main
struct FanjianCommand: ParsableCommand {
  /// This release of the tool, printed by `fanjian --version`.
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "fanjian",
    abstract: "Convert Chinese text between Simplified and Traditional characters and regional standards.",
    discussion: """
      A configuration name reads source2target:
        s    Simplified Chinese
        t    Traditional Chinese in OpenCC's standard forms (爲 着 裏)
        tw   Traditional Chinese, Taiwan standard forms as everyday text writes them (為 著 裡 台灣)
        hk   Traditional Chinese, Hong Kong standard forms (為 着 裏)
        jp   Japanese Shinjitai, the new forms of Japan's kanji lists (国 学 説)
        p    (suffix) also convert regional vocabulary: s2twp turns 软件 into 軟體
        o    (suffix) Taiwan's official forms, for government and legal text:
             s2two writes 臺灣 占用 瞭解 where s2tw writes 台灣 佔用 了解
      `fanjian configs` lists all nineteen configurations.

      `convert` is the default subcommand, so `fanjian -c s2t` means \
      `fanjian convert -c s2t`. Standard input is streamed line by line. \
      OpenCC's spelling works: `fanjian -i in.txt -o out.txt -c s2t.json` \
      (-i is an input file, never in place; -c also takes the path of one of \
      OpenCC's configuration files, mapped by its name).

      For text that is not cleanly one script: `normalize --to t|tw|hk|s` \
      repairs it with the fewest edits, `detect` tells which script it is, \
      and `check --expect t|tw|hk|s` lists what does not belong (a lint).

      EXAMPLES:
        echo '简体中文' | fanjian -c s2t                 # 簡體中文
        fanjian convert -c s2tw notes.txt -o notes-tw.txt
        fanjian convert -c t2s *.txt -o simplified/
        fanjian configs
        fanjian normalize --to tw --report mixed.txt
        fanjian detect *.txt
        fanjian check --expect t article.txt

      EXIT STATUS: 0 success, 1 some input failed (the others were still \
      converted), 2 usage error.
      """,
    version: "fanjian \(FanjianCommand.version) (ICU \(Transliterator.icuVersion))",
    subcommands: [Convert.self, Configs.self, Normalize.self, Detect.self, Check.self],
    defaultSubcommand: Convert.self)

  /// Runs the command; usage errors exit with status 2 (ArgumentParser's own
  /// default is 64, `EX_USAGE`), everything else as ArgumentParser decides.
  static func main() {
    do {
      let arguments = Normalize.insertingDefaultReportFormat(Array(CommandLine.arguments.dropFirst()))
      // The common case first: `fanjian convert …` parsed as `convert` alone
      // costs a quarter of going through the root, which reflects on the
      // subcommand's arguments several times (a few ms at every start).
      // Anything it does not take (help, a usage error) goes the usual way,
      // so messages and exit statuses are the root's.
      if arguments.first == "convert", let command = try? Convert.parse(Array(arguments.dropFirst())) {
        try command.run()
        return
      }
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        var standardError = StandardErrorStream()
        print(fullMessage(for: error), to: &standardError)
        exitProcess(2)
      }
      exit(withError: error)
    }
  }
}

/// Ends the process; a free function because inside a `ParsableCommand`,
/// `exit` names ArgumentParser's `exit(withError:)`.
private func exitProcess(_ status: Int32) -> Never {
  exit(status)
}

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
struct StandardErrorStream: TextOutputStream {
  mutating func write(_ string: String) {
    try? FileDescriptor.standardError.writeAll(Array(string.utf8))
  }
}
