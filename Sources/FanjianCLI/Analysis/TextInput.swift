import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The inputs of `normalize --report`, `detect` and `check`, read in chunks
/// (``readChunks(_:start:chunk:end:)``) so that memory stays bounded.
enum TextInput {
  /// The name used for standard input.
  static let standardInputName = "<stdin>"

  /// The size of the chunks ``readChunks(_:start:chunk:end:)`` hands over.
  static let chunkSize = 64 * 1024

  /// Reads each path in turn (none, or `-`, is standard input) in chunks of
  /// at most ``chunkSize`` bytes: `start` is called with the input's name,
  /// then `chunk` for each chunk as it is read (standard input: as it
  /// arrives), then `end` with whether the input was read to its end. This
  /// checks the start for UTF-16 and, in a file, NUL bytes; the consumer
  /// checks UTF-8 as it goes, throwing ``TextInputError`` from `chunk` or
  /// `end` to give up on the input. An input that cannot be read is reported
  /// on standard error and skipped.
  ///
  /// - Returns: whether every input could be read.
  static func readChunks(
    _ paths: [String], start: (_ name: String) throws -> Void,
    chunk: (UnsafeRawBufferPointer) throws -> Void, end: (_ complete: Bool) throws -> Void
  ) throws -> Bool {
    var allRead = true
    for path in paths.isEmpty ? ["-"] : paths {
      let isStandardInput = path == "-"
      let name = isStandardInput ? standardInputName : path
      let descriptor: FileDescriptor
      if isStandardInput {
        descriptor = .standardInput
      } else {
        do {
          descriptor = try FileDescriptor.openForReading(path)
        } catch {
          AnalysisOutput.report(TextInputError.cannotOpen(path: name, reason: error))
          allRead = false
          continue
        }
      }
      defer { if !isStandardInput { try? descriptor.close() } }
      try start(name)
      var buffer = [UInt8](repeating: 0, count: chunkSize)
      var first = true
      var failure: TextInputError?
      while failure == nil {
        let count: Int
        do {
          count = try buffer.withUnsafeMutableBytes { raw in try descriptor.read(into: raw) }
        } catch let error as SystemError {
          failure = .readFailed(path: name, reason: error)
          break
        } catch {
          failure = .readFailed(path: name, reason: SystemError(code: EIO))
          break
        }
        if count == 0 { break }
        if first {
          first = false
          if count >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            failure = .utf16(path: name)
            break
          }
          if !isStandardInput && buffer[..<min(count, 8 * 1024)].contains(0) {
            failure = .binaryFile(path: name)
            break
          }
        }
        do {
          try buffer.withUnsafeBytes { try chunk(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        } catch let error as TextInputError {
          failure = error
        }
      }
      do {
        try end(failure == nil)
      } catch let error as TextInputError {
        failure = failure ?? error
      }
      if let failure {
        AnalysisOutput.report(failure)
        allRead = false
      }
    }
    return allRead
  }
}

extension TextInputError {
  /// A library error met while streaming the input at `path` (the offsets
  /// of `invalidUTF8` count from the start of the input).
  init(_ error: FanjianError, path: String) {
    switch error {
    case .invalidUTF8(let offset): self = .invalidUTF8(path: path, byteOffset: offset)
    default: self = .readFailed(path: path, reason: SystemError(code: EIO))
    }
  }
}

/// Why an input of `normalize`, `detect` or `check` could not be read.
enum TextInputError: Error, Equatable, CustomStringConvertible {
  /// The input could not be opened (missing, no permission, a directory).
  case cannotOpen(path: String, reason: SystemError)
  /// Reading failed after the input was opened.
  case readFailed(path: String, reason: SystemError)
  /// A file with NUL bytes near its start.
  case binaryFile(path: String)
  /// Text with a UTF-16 byte order mark.
  case utf16(path: String)
  /// Not valid UTF-8; `byteOffset` is where the first bad byte is.
  case invalidUTF8(path: String, byteOffset: Int)

  /// A one-line message: the input, what went wrong, and what to do.
  var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): \(reason)"
    case .readFailed(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .binaryFile(let path):
      return "\(path): looks like a binary file (it contains NUL bytes); fanjian reads UTF-8 text only"
    case .utf16(let path):
      return "\(path): looks like UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)"
    case .invalidUTF8(let path, let byteOffset):
      return "\(path): not valid UTF-8 at byte offset \(byteOffset); "
        + "if it is GBK or Big5, convert it to UTF-8 first (iconv -f GB18030 -t UTF-8)"
    }
  }
}
