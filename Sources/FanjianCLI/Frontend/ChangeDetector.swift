/// Tells whether a transform changed a text, comparing what went in with what
/// came out as both stream by.
///
/// Output never runs ahead of input, so only the input not yet matched by
/// output is kept: the few bytes a filter holds back. Once a difference is
/// seen, nothing more is kept.
struct ChangeDetector {
  /// Whether a difference was seen.
  private(set) var foundChange = false
  private var unmatched: [UInt8] = []
  private var start = 0

  /// Records text that went into the transform.
  mutating func input(_ bytes: some Collection<UInt8>) {
    guard !foundChange else { return }
    if start > 0 && start == unmatched.count {
      unmatched.removeAll(keepingCapacity: true)
      start = 0
    }
    unmatched.append(contentsOf: bytes)
  }

  /// Records text that came out of the transform.
  mutating func output(_ bytes: some Collection<UInt8>) {
    guard !foundChange, !bytes.isEmpty else { return }
    guard bytes.count <= unmatched.count - start, unmatched[start..<(start + bytes.count)].elementsEqual(bytes) else {
      markChanged()
      return
    }
    start += bytes.count
    if start > 1 << 16 {
      unmatched.removeFirst(start)
      start = 0
    }
  }

  /// Records that the text changed in a way the bytes do not show (a
  /// replaced invalid byte, another encoding).
  mutating func markChanged() {
    foundChange = true
    unmatched = []
    start = 0
  }

  /// Whether the whole text changed, once both streams ended.
  var changed: Bool { foundChange || start != unmatched.count }
}
