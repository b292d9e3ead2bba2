/// A unified diff (`diff -u`) of a text and its conversion, built as both stream by.
///
/// The transforms Fanjian runs never add or remove line breaks, so line *n*
/// of the output is the conversion of line *n* of the input: the diff pairs
/// lines by number instead of searching for a longest common subsequence.
/// That keeps it linear and streaming: only the current hunk is held. If the
/// line counts do differ, the result is still a correct diff (`patch`
/// applies it), just not a minimal one.
struct UnifiedDiff {
  private let oldName: String
  private let newName: String
  private let context: Int

  private var oldPartial: [UInt8] = []
  private var newPartial: [UInt8] = []
  private var oldLines: [[UInt8]] = []
  private var newLines: [[UInt8]] = []
  private var oldHead = 0
  private var newHead = 0
  private var oldNumber = 0  // lines of each side paired so far
  private var newNumber = 0

  private var before: [[UInt8]] = []  // equal lines before the next hunk (up to `context`)
  private var hunk: [UInt8] = []
  private var hunkOldStart = 0
  private var hunkNewStart = 0
  private var hunkOldCount = 0
  private var hunkNewCount = 0
  private var isHunkOpen = false
  private var gap: [[UInt8]] = []  // equal lines after the last change in the open hunk
  private var removed: [[UInt8]] = []  // the current block of changed lines
  private var added: [[UInt8]] = []

  /// The diff text so far (complete after ``finish()``); empty when nothing changed.
  private(set) var text: [UInt8] = []

  /// Starts a diff with `--- oldName` and `+++ newName` headers.
  init(oldName: String, newName: String, context: Int = 3) {
    self.oldName = oldName
    self.newName = newName
    self.context = context
  }

  /// Records text of the original.
  mutating func old(_ bytes: some Collection<UInt8>) {
    Self.split(bytes, partial: &oldPartial, into: &oldLines)
    pair()
  }

  /// Records text of the conversion.
  mutating func new(_ bytes: some Collection<UInt8>) {
    Self.split(bytes, partial: &newPartial, into: &newLines)
    pair()
  }

  /// Ends both texts and completes ``text``.
  mutating func finish() {
    if !oldPartial.isEmpty { oldLines.append(oldPartial) }
    if !newPartial.isEmpty { newLines.append(newPartial) }
    oldPartial = []
    newPartial = []
    pair()
    while oldHead < oldLines.count { step(old: take(&oldLines, &oldHead), new: nil) }
    while newHead < newLines.count { step(old: nil, new: take(&newLines, &newHead)) }
    flushBlock()
    closeHunk()
  }

  private static func split(_ bytes: some Collection<UInt8>, partial: inout [UInt8], into lines: inout [[UInt8]]) {
    for byte in bytes {
      partial.append(byte)
      if byte == 0x0A {
        lines.append(partial)
        partial = []
      }
    }
  }

  private func take(_ lines: inout [[UInt8]], _ head: inout Int) -> [UInt8] {
    let line = lines[head]
    head += 1
    if head > 1024 {
      lines.removeFirst(head)
      head = 0
    }
    return line
  }

  private mutating func pair() {
    while oldHead < oldLines.count && newHead < newLines.count {
      let old = take(&oldLines, &oldHead)
      let new = take(&newLines, &newHead)
      step(old: old, new: new)
    }
  }

  private mutating func step(old: [UInt8]?, new: [UInt8]?) {
    if old != nil { oldNumber += 1 }
    if new != nil { newNumber += 1 }
    if let old, let new, old == new {
      flushBlock()
      if isHunkOpen {
        gap.append(old)
        if gap.count > 2 * context { closeHunk() }
      } else {
        before.append(old)
        if before.count > context { before.removeFirst() }
      }
      return
    }
    if !isHunkOpen {
      isHunkOpen = true
      // The first changed pair is line oldNumber (or newNumber); context comes before it.
      let oldLine = old == nil ? oldNumber + 1 : oldNumber
      let newLine = new == nil ? newNumber + 1 : newNumber
      hunkOldStart = oldLine - before.count
      hunkNewStart = newLine - before.count
      for line in before { appendLine(" ", line, old: true, new: true) }
      before = []
    } else if !gap.isEmpty {
      for line in gap { appendLine(" ", line, old: true, new: true) }
      gap = []
    }
    if let old { removed.append(old) }
    if let new { added.append(new) }
  }

  private mutating func flushBlock() {
    for line in removed { appendLine("-", line, old: true, new: false) }
    for line in added { appendLine("+", line, old: false, new: true) }
    removed = []
    added = []
  }

  private mutating func appendLine(_ prefix: Character, _ line: [UInt8], old: Bool, new: Bool) {
    hunk.append(prefix.asciiValue!)
    hunk.append(contentsOf: line)
    if line.last != 0x0A { hunk.append(contentsOf: Array("\n\\ No newline at end of file\n".utf8)) }
    if old { hunkOldCount += 1 }
    if new { hunkNewCount += 1 }
  }

  private mutating func closeHunk() {
    guard isHunkOpen else { return }
    let trailing = gap.prefix(context)
    for line in trailing { appendLine(" ", line, old: true, new: true) }
    before = Array(gap.suffix(min(context, gap.count - trailing.count)))
    gap = []
    if text.isEmpty { text = Array("--- \(oldName)\n+++ \(newName)\n".utf8) }
    func range(_ start: Int, _ count: Int) -> String {
      count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }
    text += Array("@@ -\(range(hunkOldStart, hunkOldCount)) +\(range(hunkNewStart, hunkNewCount)) @@\n".utf8)
    text += hunk
    hunk = []
    hunkOldCount = 0
    hunkNewCount = 0
    isHunkOpen = false
  }
}
