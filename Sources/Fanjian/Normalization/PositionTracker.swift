#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns increasing UTF-8 offsets of one text into lines and columns, walking
/// the text once from the start (so asking for n positions in order costs one
/// pass over the text, not n).
///
/// Lines end at LF, CR or CRLF; a CRLF is one break even when the walk stops
/// between its two bytes. Columns count Unicode scalars from 1; a byte order
/// mark at the very start takes no column (editors do not show it).
struct PositionTracker {
  private(set) var line = 1
  private(set) var column = 1
  private(set) var offset = 0
  private(set) var scalarOffset = 0
  private var afterCarriageReturn = false

  /// The position of `target` (not before the last one asked for) in `text`,
  /// whose first byte is at offset `base` of the whole text.
  mutating func position(of target: Int, in text: UnsafeBufferPointer<UInt8>, base: Int = 0) -> TextPosition {
    while offset < target {
      let byte = text[offset - base]
      offset += 1
      if byte & 0xC0 == 0x80 { continue }
      scalarOffset += 1
      switch byte {
      case 0x0A:
        if afterCarriageReturn {
          afterCarriageReturn = false  // the LF of a CRLF: the line already ended
        } else {
          line += 1
          column = 1
        }
      case 0x0D:
        afterCarriageReturn = true
        line += 1
        column = 1
      case 0xEF where offset == 1 && text.count - base >= 3 && text[1 - base] == 0xBB && text[2 - base] == 0xBF:
        afterCarriageReturn = false  // U+FEFF at the start: a byte order mark
      default:
        afterCarriageReturn = false
        column += 1
      }
    }
    return TextPosition(line: line, column: column, utf8Offset: offset, scalarOffset: scalarOffset)
  }

  /// Moves to `target` like ``position(of:in:base:)``, faster over text
  /// without carriage returns (as most text is): line breaks are counted with
  /// `memchr`, columns only after the last one. Positions after it are the
  /// same as if the text had been walked byte by byte.
  mutating func skip(to target: Int, in text: UnsafeBufferPointer<UInt8>, base: Int = 0) {
    guard target > offset, let start = text.baseAddress else { return }
    // The byte order mark case and CRs take the careful walk.
    if offset == 0 || afterCarriageReturn || memchr(start + (offset - base), 0x0D, target - offset) != nil {
      _ = position(of: target, in: text, base: base)
      return
    }
    var from = offset - base
    let end = target - base
    var lastBreak = -1
    var breaks = 0
    while from < end, let found = memchr(start + from, 0x0A, end - from) {
      let index = UnsafeRawPointer(found) - UnsafeRawPointer(start)
      breaks += 1
      lastBreak = index
      from = index + 1
    }
    // Scalars: every byte that is not a continuation byte.
    var scalars = 0
    var tail = 0
    let tailStart = lastBreak + 1
    for index in (offset - base)..<end {
      let counts = text[index] & 0xC0 != 0x80 ? 1 : 0
      scalars &+= counts
      if index >= tailStart { tail &+= counts }
    }
    scalarOffset += scalars
    if breaks > 0 {
      line += breaks
      column = 1 + tail
    } else {
      column += tail
    }
    offset = target
  }
}
