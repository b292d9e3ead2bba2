/// An ICU transliterator, opened by its id.
///
/// ICU ships transliterators such as `"Simplified-Traditional"`,
/// `"Traditional-Simplified"` and `"Han-Latin"`, and accepts compound ids
/// (`"Traditional-Simplified; Han-Latin"`). Fanjian uses ICU's data as the base
/// of its own tables and keeps this type for comparison and for anything else
/// ICU can do; it is not Fanjian's hot path (ICU converts at 15–20 MB/s).
///
/// ```swift
/// let icu = try Transliterator(id: "Simplified-Traditional")
/// try icu.transliterate("头发")  // "頭髮"
/// ```
///
/// A transliterator is immutable and safe to share between threads: ICU's
/// `utrans_transUChars` does not modify the transliterator.
public final class Transliterator: @unchecked Sendable {
  /// The id this transliterator was opened with.
  public let id: String
  private let handle: OpaquePointer

  /// Opens the ICU transliterator with the given id.
  ///
  /// - Parameter id: an ICU transliterator id, for example `"Simplified-Traditional"`.
  /// - Throws: `FanjianError.unknownTransliterator` naming the id when ICU rejects it.
  public init(id: String) throws(FanjianError) {
    switch ICUSeam.open(id: id) {
    case .success(let handle):
      self.id = id
      self.handle = handle
    case .failure(let failure):
      throw .unknownTransliterator(id: id, icuError: failure.name)
    }
  }

  deinit {
    ICUSeam.close(handle)
  }

  /// Transliterates `text` and returns the result.
  ///
  /// - Throws: `FanjianError.transliterationFailed` when ICU reports an error.
  public func transliterate(_ text: String) throws(FanjianError) -> String {
    switch ICUSeam.transliterate(handle, text) {
    case .success(let result): return result
    case .failure(let failure): throw .transliterationFailed(id: id, icuError: failure.name)
    }
  }

  /// The transliterator's rules in ICU's rule syntax, as `utrans_toRules` gives them.
  public func rules() throws(FanjianError) -> String {
    switch ICUSeam.rules(handle) {
    case .success(let result): return result
    case .failure(let failure): throw .transliterationFailed(id: id, icuError: failure.name)
    }
  }

  /// The version of the ICU library Fanjian is linked against, such as `"72.1"`.
  public static var icuVersion: String { ICUSeam.version }
}
