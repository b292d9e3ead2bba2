import Fanjian

/// What a batch command does to each file's text: `convert` runs a
/// `Converter`, `normalize` its own rules. The batch frontend
/// (``BatchRunner``) does everything else: finding files, decoding and
/// encoding, writing safely, in parallel, with progress and a summary.
///
/// A transform is shared by every worker thread, so it is `Sendable`; each
/// file gets its own ``TextFilter`` from ``makeFilter(threads:)``.
protocol FileTransform: Sendable {
  /// A fresh filter for one file, which may use up to `threads` threads on
  /// a large chunk (its output must not depend on that number).
  func makeFilter(threads: Int) -> any TextFilter
  /// The new name of a file or folder under `--rename` (one path component).
  func transformName(_ name: String) -> String
  /// A converter that may convert separate runs of complete lines of one
  /// text on several threads at once (its result for each run is what the
  /// whole text gives there), or `nil` when the transform needs the text in
  /// order.
  var lineConverter: Converter? { get }
}

extension FileTransform {
  var lineConverter: Converter? { nil }
}

/// Transforms one UTF-8 text that arrives in chunks split anywhere.
protocol TextFilter {
  /// Transforms what can be decided of `chunk` and appends it to `output`.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset from the start of
  ///   the text (when the input was not decoded by ICU first).
  mutating func process(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError)
  /// Transforms whatever is still held back; the text ends here.
  mutating func finish(appendingTo output: inout [UInt8]) throws(FanjianError)
}

extension ConversionStream: TextFilter {
  mutating func process(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FanjianError) {
    try convert(chunk, appendingTo: &output)
  }
}

/// `fanjian convert`'s transform: one converter, shared by all threads.
struct ConverterTransform: FileTransform {
  /// The converter (immutable and `Sendable`).
  let converter: Converter

  func makeFilter(threads: Int) -> any TextFilter {
    converter.makeStream(maximumConcurrency: threads)
  }

  func transformName(_ name: String) -> String {
    converter.convert(name)
  }

  /// The converter, on its own tables (ICU's transliterator is not shared across threads).
  var lineConverter: Converter? { converter.engine == .tables ? converter : nil }
}
