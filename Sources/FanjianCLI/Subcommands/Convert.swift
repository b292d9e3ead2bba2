import ArgumentParser
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fanjian convert`: converts files, folders or standard input with one configuration.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: deriving the name from the type costs start-up time.
    commandName: "convert",
    abstract: "Convert text files, folders or standard input.",
    discussion: """
      Everything that is not Chinese text passes through byte for byte: ASCII, \
      emoji, a byte order mark, and line endings (LF, CRLF, CR).

      STANDARD INPUT is used when no path is given, or for the path `-`. It is \
      streamed: each line is converted and written as soon as it arrives, and \
      memory stays small whatever the input size, so `fanjian` works in the \
      middle of a pipeline and on endless streams (tail -f).

      FOLDERS are converted recursively, files in name order. Hidden files and \
      folders and symbolic links to folders are left out (--hidden, \
      --follow-symlinks); --include and --exclude choose files by shell \
      pattern. Files that look binary (NUL bytes in their first 8 KiB) are \
      skipped with a warning (--force converts them).

      INPUTS are the paths, and OpenCC's -i FILE (--input) adds one more: \
      `fanjian -i in.txt -o out.txt -c s2t.json` works as OpenCC users write \
      it. -i never means in place; --in-place has no short form.

      OUTPUT goes to standard output, the inputs' conversions one after the \
      other. With -o FILE, one input is converted into FILE. With -o DIR (an \
      existing directory; or, created if needed, any path when a folder or \
      several inputs are converted or when it ends in /), each file goes to \
      DIR/<its path below the folder given>, or DIR/<its name>. With \
      --in-place, each file is replaced by its conversion; files whose text \
      does not change are not touched. -o naming an input (the same file, \
      compared by device and inode) is in place too, with the same \
      safeguards. --dry-run lists the files that would change and --diff \
      shows a unified diff; neither writes anything.

      SAFETY: every output is written to a temporary file next to it, flushed \
      to disk (fsync) and renamed into place only when the whole input \
      converted, so it is never left half-written: a run that fails or is \
      killed leaves each file either old or new; Ctrl-C removes the temporary \
      files and reports nothing for the files it stopped. In place, the new \
      file keeps the old one's permissions; a file with several hard links, \
      or one that changed while it was being converted, is refused and left \
      alone. In place, a symbolic link found in a folder is left alone unless \
      --follow-symlinks (which converts the file it points to and keeps the \
      link), so nothing outside the named files and folders is written; a \
      link named on the command line converts the file it points to. With \
      --backup SUFFIX, files ending in SUFFIX are backups and are never \
      converted (a backup named on the command line is skipped with a \
      warning), nor are the hidden .NAME.fanjian-XXXXXX files of a killed run.

      ENCODINGS: input and output are UTF-8 unless --from and --to say \
      otherwise (GB18030, GBK, GB2312, Big5, Big5-HKSCS, UTF-16LE, UTF-16BE, or \
      any name ICU knows). --from takes a list tried in order for each file \
      (--from utf-8,gb18030); a byte order mark decides by itself. Without \
      --to, each file is written back in the encoding it was read in.

      ERRORS: a file with bytes that are not valid in its encoding is reported \
      with the byte offset of the first bad byte and left unchanged (--lossy \
      replaces them with U+FFFD, with a warning). A missing or unreadable file \
      is reported with the reason. Each failure names the file; the other \
      inputs are still converted. On standard output, the text converted \
      before an error has already been written.

      PARALLEL: files are converted on --jobs threads (default: one per \
      processor). On a terminal, standard error shows a progress line (files \
      done, MB/s, time left) and, for folders or several files, a summary at \
      the end (--quiet for neither, --verbose for every file). Standard output \
      only ever carries results.

      EXAMPLES:
        echo '简体中文' | fanjian convert -c s2t        # 簡體中文
        fanjian convert -c s2twp notes.txt -o notes-tw.txt
        fanjian convert -c t2s a.txt b.txt -o out/
        fanjian convert -c s2t --in-place --backup .orig docs/
        fanjian -i in.txt -o out.txt -c /usr/share/opencc/s2twp.json
        fanjian convert -c s2t --from utf-8,gb18030 --include '*.txt' src/ -o out/
        fanjian convert -c t2s --from big5 --to utf-8 old/ -o new/
        fanjian convert -c s2tw --diff docs/ | less
        tail -f app.log | fanjian convert -c t2s | grep 错误
        fanjian convert -c s2t --dict mine.txt book.txt

      EXIT STATUS: 0 when every input converted (or was skipped with a \
      warning), 1 when some input failed (or the output pipe closed), 2 for a \
      usage error such as an unknown configuration or contradicting options.
      """)

  /// The configuration, dictionaries and engine.
  @OptionGroup var conversion: ConversionOptions

  /// How files are decoded and encoded.
  @OptionGroup(title: "Encodings") var encoding: EncodingOptions

  /// Inputs, outputs and reporting.
  @OptionGroup(title: "Files") var batch: BatchOptions

  /// Converts every input; exits with status 1 if any failed.
  func run() throws {
    // A closed output pipe should end the tool with EPIPE, not kill it with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    InterruptCleanup.install()
    let converter: Converter
    do {
      converter = try conversion.makeConverter()
    } catch {
      Console().report(error)
      // Asking ICU for a configuration it lacks is a usage error; a bad dictionary is an input failure.
      if case .unsupportedEngine = error { throw ExitCode(2) }
      throw ExitCode.failure
    }
    let runner = BatchRunner(options: batch, encodings: encoding)
    guard try runner.run(transform: ConverterTransform(converter: converter)) else { throw ExitCode.failure }
  }
}
