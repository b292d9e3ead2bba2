import ArgumentParser
import Fanjian

/// The options that say how files are decoded and encoded.
struct EncodingOptions: ParsableArguments {
  /// The encodings to read inputs in, tried in order.
  @Option(
    name: .customLong("from"),
    help: ArgumentHelp(
      "The encoding of the inputs: UTF-8 (default), GB18030, GBK, GB2312, Big5, Big5-HKSCS, UTF-16LE, UTF-16BE, "
        + "or any name ICU knows. A comma-separated list is tried in order, per file (utf-8,gb18030). "
        + "A byte order mark always wins.",
      valueName: "encodings"))
  var from = EncodingList([.utf8])

  /// The encoding to write; `nil` keeps each file's own.
  @Option(
    name: .customLong("to"),
    help: ArgumentHelp(
      "The encoding of the outputs (default: the encoding each input was read in).", valueName: "encoding"))
  var to: TextEncoding?

  /// Whether invalid bytes and unencodable characters are replaced instead of failing.
  @Flag(
    help: ArgumentHelp(
      "Replace bytes that are not valid in the input encoding with U+FFFD, and characters the output "
        + "encoding lacks with its substitution character, with a warning (instead of failing the file)."))
  var lossy = false
}
