import Dispatch

extension Converter {
  /// Converts UTF-8 bytes on several threads and appends the result to `output`.
  ///
  /// The input is cut only after line breaks (no key contains one), so the
  /// result is byte-for-byte what ``convert(utf8:appendingTo:)`` gives; each
  /// piece is converted on its own thread and the pieces are joined in order.
  /// Text without line breaks, or smaller than half a megabyte per thread
  /// (about 2 ms of work, against some 50 µs to start a thread), is
  /// converted on the calling thread.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text.
  ///   - output: receives the converted text.
  ///   - maximumConcurrency: how many threads at most (default: the active processors).
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte;
  ///   the conversion of everything before it has been appended.
  public func convert(
    utf8 bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], maximumConcurrency: Int
  ) throws(FanjianError) {
    let pieces = Self.pieces(of: bytes, count: min(maximumConcurrency, bytes.count / (1 << 19)))
    guard pieces.count > 1, transliterator == nil else {
      try convert(utf8: bytes, appendingTo: &output)
      return
    }
    let results = PieceResults(count: pieces.count)
    // The buffer outlives the call, and each thread only reads its own piece.
    nonisolated(unsafe) let input = bytes
    DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
      let piece = UnsafeRawBufferPointer(rebasing: input[pieces[index]])
      var converted: [UInt8] = []
      converted.reserveCapacity(piece.count + piece.count / 8 + 16)
      let result = Result { () throws(FanjianError) in try convert(utf8: piece, appendingTo: &converted) }
      results.store(index, converted, result)
    }
    for index in pieces.indices {
      let (converted, result) = results.take(index)
      output.append(contentsOf: converted)
      if case .failure(.invalidUTF8(let offset)) = result {
        throw .invalidUTF8(byteOffset: pieces[index].lowerBound + offset)
      }
      try result.get()
    }
  }

  /// Up to `count` ranges covering `bytes`, each ending just after a line break.
  static func pieces(of bytes: UnsafeRawBufferPointer, count: Int) -> [Range<Int>] {
    guard count > 1 else { return [0..<bytes.count] }
    var ranges: [Range<Int>] = []
    var start = 0
    for part in 1..<count {
      var cut = bytes.count * part / count
      guard cut > start else { continue }
      while cut < bytes.count && bytes[cut - 1] != 0x0A { cut += 1 }
      guard cut < bytes.count else { break }
      ranges.append(start..<cut)
      start = cut
    }
    ranges.append(start..<bytes.count)
    return ranges
  }
}

/// Each thread's converted piece, written once per index and read after all finish.
private final class PieceResults: @unchecked Sendable {
  private var outputs: [[UInt8]]
  private var results: [Result<Void, FanjianError>]
  private let lock = DispatchQueue(label: "fanjian.pieces")

  init(count: Int) {
    outputs = Array(repeating: [], count: count)
    results = Array(repeating: .success(()), count: count)
  }

  func store(_ index: Int, _ output: [UInt8], _ result: Result<Void, FanjianError>) {
    lock.sync {
      outputs[index] = output
      results[index] = result
    }
  }

  func take(_ index: Int) -> ([UInt8], Result<Void, FanjianError>) {
    lock.sync { (outputs[index], results[index]) }
  }
}
