import Fanjian

/// `fanjian normalize`'s transform for the batch frontend: a
/// `NormalizationStream` per file, so memory stays bounded (a 64 KiB window
/// plus a chunk, however long the lines) and each line of standard input is
/// written as soon as it arrives.
struct NormalizerTransform: FileTransform {
  /// The normalizer (immutable and `Sendable`).
  let normalizer: Normalizer

  func makeFilter(threads: Int) -> any TextFilter {
    normalizer.makeStream(recordingChanges: false)
  }

  func transformName(_ name: String) -> String {
    normalizer.normalize(name).text
  }
}

extension NormalizationStream: TextFilter {
  mutating func process(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    try normalize(chunk, appendingTo: &output)
  }
}
