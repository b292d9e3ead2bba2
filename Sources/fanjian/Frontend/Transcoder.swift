import Fanjian

/// Copies one input to one output through a converter, a buffer at a time.
///
/// Each `read(2)` takes whatever is available (up to 64 KiB), the converted
/// bytes are written at once with `write(2)`, and nothing else is kept: so a
/// pipe is filtered line by line, and memory stays bounded whatever the size
/// of the input.
///
/// It is cheap because the read buffer and the output array are allocated once
/// per input and reused, and each read costs one `write(2)`: the per-byte work
/// is the library's matcher alone.
struct Transcoder {
  /// The size of the read buffer.
  static let bufferSize = 64 * 1024
  /// How much of the start of a file input is checked for NUL bytes.
  static let binaryProbeSize = 8 * 1024

  /// The converter every input goes through.
  let converter: Converter

  /// Converts everything `input` holds and writes it to `output`.
  ///
  /// - Parameters:
  ///   - input: where to read; read until the end.
  ///   - inputName: the input's name in messages (a path or `<stdin>`).
  ///   - rejectsBinary: whether a NUL byte in the first 8 KiB stops the
  ///     conversion before anything is written (files: yes; standard input
  ///     passes NUL-separated text through).
  ///   - output: where to write.
  ///   - outputName: the output's name in messages.
  /// - Throws: `CommandError` naming the input or output. Output written before
  ///   the error stays written.
  func transcode(
    from input: FileDescriptor, named inputName: String, rejectsBinary: Bool,
    to output: FileDescriptor, named outputName: String
  ) throws(CommandError) {
    var stream = converter.makeStream()
    var converted: [UInt8] = []
    converted.reserveCapacity(Self.bufferSize + Self.bufferSize / 2)
    var buffer = [UInt8](repeating: 0, count: Self.bufferSize)
    var isFirstChunk = true

    func write(_ bytes: [UInt8]) throws(CommandError) {
      guard !bytes.isEmpty else { return }
      do {
        try output.writeAll(bytes)
      } catch {
        throw error.isBrokenPipe ? .brokenPipe : .writeFailed(path: outputName, reason: error)
      }
    }

    while true {
      let minimum = isFirstChunk && rejectsBinary ? Self.binaryProbeSize : 1
      // A file's first read fills the probe so the binary check sees all of it.
      let count = try buffer.withUnsafeMutableBytes { bytes in
        Result { () throws(CommandError) in try read(from: input, named: inputName, into: bytes, atLeast: minimum) }
      }.get()
      if count == 0 { break }
      try buffer.withUnsafeBytes { bytes in
        Result { () throws(CommandError) in
          let chunk = UnsafeRawBufferPointer(rebasing: bytes[..<count])
          if isFirstChunk {
            try Self.checkStart(of: chunk, named: inputName, rejectsBinary: rejectsBinary)
          }
          do throws(FanjianError) {
            try stream.convert(chunk, appendingTo: &converted)
          } catch {
            throw Self.commandError(error, inputName: inputName)
          }
        }
      }.get()
      isFirstChunk = false
      try write(converted)
      converted.removeAll(keepingCapacity: true)
    }
    do {
      try stream.finish(appendingTo: &converted)
    } catch {
      throw Self.commandError(error, inputName: inputName)
    }
    try write(converted)
  }

  /// Reads until at least `minimum` bytes or the end of the input arrived.
  private func read(
    from input: FileDescriptor, named inputName: String, into buffer: UnsafeMutableRawBufferPointer,
    atLeast minimum: Int
  ) throws(CommandError) -> Int {
    var total = 0
    while total < minimum {
      let count: Int
      do {
        count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
      } catch {
        throw .readFailed(path: inputName, reason: error)
      }
      if count == 0 { break }
      total += count
    }
    return total
  }

  /// Rejects input that is clearly not UTF-8 text, before anything is written.
  private static func checkStart(
    of chunk: UnsafeRawBufferPointer, named inputName: String, rejectsBinary: Bool
  ) throws(CommandError) {
    if chunk.count >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) {
      throw .utf16(path: inputName)
    }
    if rejectsBinary && chunk.prefix(binaryProbeSize).contains(0) {
      throw .binaryFile(path: inputName)
    }
  }

  private static func commandError(_ error: FanjianError, inputName: String) -> CommandError {
    if case .invalidUTF8(let offset) = error { return .invalidUTF8(path: inputName, byteOffset: offset) }
    return .conversionFailed(path: inputName, error: error)
  }
}
