import Fanjian

/// Why converting one input failed, with a message that names the file.
///
/// The tool prints each as `fanjian: <description>` on standard error and goes
/// on with the next input; the exit status is then 1.
enum CommandError: Error, Equatable, CustomStringConvertible {
  /// An input could not be opened (missing, no permission, …).
  case cannotOpen(path: String, reason: SystemError)
  /// An input could not be read after it was opened (a directory, an I/O error).
  case readFailed(path: String, reason: SystemError)
  /// A file input contains NUL bytes near its start.
  case binaryFile(path: String)
  /// An input starts with a UTF-16 byte order mark.
  case utf16(path: String)
  /// An input is not valid UTF-8; `byteOffset` counts from the start of that input.
  case invalidUTF8(path: String, byteOffset: Int)
  /// The converter failed for another reason (an ICU error).
  case conversionFailed(path: String, error: FanjianError)
  /// The temporary file for an output could not be created.
  case cannotCreateOutput(path: String, reason: SystemError)
  /// Writing an output failed, for example with `ENOSPC`.
  case writeFailed(path: String, reason: SystemError)
  /// Standard output is a pipe whose reader went away (`EPIPE`): not reported,
  /// the tool just stops with status 1.
  case brokenPipe

  /// The name used for standard input in messages.
  static let standardInputName = "<stdin>"
  /// The name used for standard output in messages.
  static let standardOutputName = "<stdout>"

  /// A one-line message: the file, what went wrong, and what to do.
  var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): \(reason)"
    case .readFailed(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .binaryFile(let path):
      return "\(path): looks like a binary file (it contains NUL bytes); fanjian converts UTF-8 text only"
    case .utf16(let path):
      return "\(path): looks like UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)"
    case .invalidUTF8(let path, let byteOffset):
      return "\(path): not valid UTF-8 at byte offset \(byteOffset); "
        + "if it is GBK or Big5, convert it to UTF-8 first (iconv -f GB18030 -t UTF-8)"
    case .conversionFailed(let path, let error):
      return "\(path): \(error)"
    case .cannotCreateOutput(let path, let reason):
      return "\(path): cannot create output: \(reason)"
    case .writeFailed(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .brokenPipe:
      return "\(Self.standardOutputName): broken pipe"
    }
  }
}
