import Fanjian

/// `fanjian normalize`'s transform for the batch frontend: a `Normalizer`,
/// fed whole lines (no table key spans a line break), so memory stays
/// proportional to the longest line.
struct NormalizerTransform: FileTransform {
  /// The normalizer (immutable and `Sendable`).
  let normalizer: Normalizer

  func makeFilter(threads: Int) -> any TextFilter {
    LineFilter(normalizer: normalizer)
  }

  func transformName(_ name: String) -> String {
    normalizer.normalize(name).text
  }

  /// Holds text until a line break, then normalizes every complete line at once.
  private struct LineFilter: TextFilter {
    let normalizer: Normalizer
    var pending: [UInt8] = []
    var consumed = 0

    /// Below this, complete lines wait for more (fewer, larger calls).
    static let batchSize = 64 * 1024

    mutating func process(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
      pending.append(contentsOf: chunk)
      guard pending.count >= Self.batchSize, let lastBreak = pending.lastIndex(of: 0x0A) else { return }
      try normalize(upTo: lastBreak + 1, appendingTo: &output)
    }

    mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError) {
      try normalize(upTo: pending.count, appendingTo: &output)
    }

    private mutating func normalize(upTo end: Int, appendingTo output: inout [UInt8]) throws(FanjianError) {
      guard end > 0 else { return }
      do {
        output.append(contentsOf: try normalizer.normalize(utf8: Array(pending[..<end])).text.utf8)
      } catch .invalidUTF8(let offset) {
        throw .invalidUTF8(byteOffset: consumed + offset)
      }
      pending.removeFirst(end)
      consumed += end
    }
  }
}
