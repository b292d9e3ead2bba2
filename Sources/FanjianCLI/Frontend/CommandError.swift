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
  /// An input is not valid in its encoding; `byteOffset` counts from the start of that input.
  case invalidBytes(path: String, encoding: String, byteOffset: Int)
  /// The output encoding cannot represent a character of the converted text.
  case unencodable(path: String, encoding: String, codePoint: UInt32)
  /// The converter failed for another reason (an ICU error).
  case conversionFailed(path: String, error: FanjianError)
  /// The temporary file for an output could not be created.
  case cannotCreateOutput(path: String, reason: SystemError)
  /// Writing an output failed, for example with `ENOSPC`.
  case writeFailed(path: String, reason: SystemError)
  /// A file to convert in place has other hard links, which a rename would cut.
  case hardLinked(path: String, links: Int)
  /// A file to convert in place is not a regular file (a device, a pipe).
  case notRegularFile(path: String)
  /// A file was modified by someone else while it was being converted in place.
  case changedDuringConversion(path: String)
  /// A file or folder could not be given its converted name.
  case cannotRename(path: String, newPath: String, reason: String)
  /// The run was interrupted (SIGINT, SIGTERM, SIGHUP) before this file was
  /// done: not reported, the tool is ending and the file was left as it was.
  case interrupted
  /// Standard output is a pipe whose reader went away (`EPIPE`): not reported,
  /// the tool just stops with status 1.
  case brokenPipe

  /// The name used for standard input in messages.
  static let standardInputName = "<stdin>"
  /// The name used for standard output in messages.
  static let standardOutputName = "<stdout>"

  /// A one-line message: the file, what went wrong, and what to do.
  /// The error of converting the input at `path`, whose `invalidUTF8` offset
  /// counts from `start` bytes into that input (where a stream began).
  static func converting(_ path: String, _ error: FanjianError, from start: Int = 0) -> CommandError {
    switch error {
    case .invalidUTF8(let offset): return .invalidBytes(path: path, encoding: "UTF-8", byteOffset: start + offset)
    case .invalidBytes(let encoding, let offset): return .invalidBytes(path: path, encoding: encoding, byteOffset: offset)
    case .unencodableCharacter(let encoding, let codePoint):
      return .unencodable(path: path, encoding: encoding, codePoint: codePoint)
    default: return .conversionFailed(path: path, error: error)
    }
  }

  var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): \(reason)"
    case .readFailed(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .invalidBytes(let path, let encoding, let byteOffset):
      let hint =
        encoding == "UTF-8"
        ? "if it is GBK or Big5, say so (--from gb18030 or --from big5)" : "check --from"
      return "\(path): not valid \(encoding) at byte offset \(byteOffset); \(hint), "
        + "or replace bad bytes with U+FFFD (--lossy); the file was not changed"
    case .unencodable(let path, let encoding, let codePoint):
      let error = FanjianError.unencodableCharacter(encoding: encoding, codePoint: codePoint)
      return "\(path): \(error.description.replacingOccurrences(", or encode lossily", with: "")) "
        + "(--to), or substitute it (--lossy)"
    case .conversionFailed(let path, let error):
      return "\(path): \(error)"
    case .cannotCreateOutput(let path, let reason):
      return "\(path): cannot create output: \(reason)"
    case .writeFailed(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .hardLinked(let path, let links):
      return "\(path): has \(links) hard links; converting it in place would separate it from the others, "
        + "so it was left alone (write a copy to another file with -o)"
    case .notRegularFile(let path):
      return "\(path): not a regular file; only regular files are converted in place"
    case .changedDuringConversion(let path):
      return "\(path): changed while it was being converted, so it was left as it is now; run fanjian again"
    case .cannotRename(let path, let newPath, let reason):
      return "\(path): cannot rename to '\(newPath)': \(reason)"
    case .interrupted:
      return "interrupted; the file was left as it was"
    case .brokenPipe:
      return "\(Self.standardOutputName): broken pipe"
    }
  }
}

extension String {
  /// `self` with every `target` replaced (no Foundation in the tool).
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
