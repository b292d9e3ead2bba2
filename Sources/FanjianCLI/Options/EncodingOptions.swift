import ArgumentParser
import Fanjian

/// How a batch command decodes and encodes files, whatever its options are called.
protocol EncodingChoice {
  /// The encodings to read inputs in, tried in order.
  var inputEncodings: [TextEncoding] { get }
  /// The encoding to write; `nil` keeps each file's own.
  var outputEncoding: TextEncoding? { get }
  /// Whether invalid bytes and unencodable characters are replaced instead of failing.
  var isLossy: Bool { get }
}

/// The options that say how files are decoded and encoded: `--from`, `--to`, `--lossy`.
struct EncodingOptions: ParsableArguments, EncodingChoice {
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

  var inputEncodings: [TextEncoding] { from.encodings }
  var outputEncoding: TextEncoding? { to }
  var isLossy: Bool { lossy }
}

/// The encoding options under names that leave `--to` free for a command's
/// own use (`normalize --to tw`): `--encoding`, `--output-encoding`, `--lossy`.
struct NamedEncodingOptions: ParsableArguments, EncodingChoice {
  /// The encodings to read inputs in, tried in order.
  @Option(
    name: .customLong("encoding"),
    help: ArgumentHelp(
      "The encoding of the inputs: UTF-8 (default), GB18030, GBK, GB2312, Big5, Big5-HKSCS, UTF-16LE, UTF-16BE, "
        + "or any name ICU knows; a comma-separated list is tried in order, per file. A byte order mark always wins.",
      valueName: "encodings"))
  var encoding = EncodingList([.utf8])

  /// The encoding to write; `nil` keeps each file's own.
  @Option(
    name: .customLong("output-encoding"),
    help: ArgumentHelp(
      "The encoding of the outputs (default: the encoding each input was read in).", valueName: "encoding"))
  var outputEncodingOption: TextEncoding?

  /// Whether invalid bytes and unencodable characters are replaced instead of failing.
  @Flag(
    help: ArgumentHelp(
      "Replace invalid bytes with U+FFFD and characters the output encoding lacks with its substitution "
        + "character, with a warning (instead of failing the file)."))
  var lossy = false

  var inputEncodings: [TextEncoding] { encoding.encodings }
  var outputEncoding: TextEncoding? { outputEncodingOption }
  var isLossy: Bool { lossy }
}
