/// The compact binary form of one configuration's composed table.
///
/// Layout (all integers little-endian): the magic `FJT1`, a `UInt32` entry
/// count, then per entry a `UInt16` key length, a `UInt16` value length, the
/// key's UTF-8 bytes and the value's UTF-8 bytes. Entries are sorted by key
/// bytes. Reading it is a single pass with no text parsing; the embedded
/// tables in `CFanjianTables` are files of this form.
///
/// An embedded table also carries the matcher built from those entries, as
/// a table image (``ImageLayout``), so that a start loads it instead of
/// building it: zero bytes up to a multiple of 16, the image, then an
/// 8-byte trailer, the `UInt32` length of the entries part and the magic
/// `FJIM` (``appendingImage(to:)``). The entries stay, for user
/// dictionaries laid over them and for anything that reads entries.
package enum TableBlob {
  static let magic: [UInt8] = Array("FJT1".utf8)
  static let imageTrailer: [UInt8] = Array("FJIM".utf8)

  /// The entries blob with the image of the matcher built from it appended.
  package static func appendingImage(to entries: [UInt8], name: String) throws(FanjianError) -> [UInt8] {
    let result = entries.withUnsafeBytes { blob in
      Result { () throws(FanjianError) -> [UInt8] in
        try TableMatcher(bytes: blob, spans: spans(in: blob, name: name), source: name).image()
      }
    }
    let image = try result.get()
    var bytes = entries
    bytes += [UInt8](repeating: 0, count: (16 - bytes.count % 16) % 16)
    bytes += image
    appendUInt32(UInt32(entries.count), to: &bytes)
    bytes += imageTrailer
    return bytes
  }

  /// The entries part of a blob, and its image when it carries one.
  static func parts(of blob: UnsafeRawBufferPointer) -> (entries: UnsafeRawBufferPointer, image: UnsafeRawBufferPointer?) {
    guard blob.count >= 16, Array(blob[(blob.count - 4)...]) == imageTrailer else { return (blob, nil) }
    let entriesEnd = Int(readUInt32(blob, at: blob.count - 8))
    let imageStart = (entriesEnd + 15) & ~15
    guard entriesEnd >= 8, imageStart <= blob.count - 8 else { return (blob, nil) }
    return (
      UnsafeRawBufferPointer(rebasing: blob[..<entriesEnd]),
      UnsafeRawBufferPointer(rebasing: blob[imageStart..<(blob.count - 8)])
    )
  }

  /// Encodes entries, which must be sorted by key bytes and have unique keys.
  package static func encode(_ entries: [(key: [UInt8], value: [UInt8])]) -> [UInt8] {
    var bytes = magic
    appendUInt32(UInt32(entries.count), to: &bytes)
    for (key, value) in entries {
      appendUInt16(UInt16(key.count), to: &bytes)
      appendUInt16(UInt16(value.count), to: &bytes)
      bytes += key
      bytes += value
    }
    return bytes
  }

  /// Decodes a blob, checking its structure and that every key is valid UTF-8.
  package static func decode(_ blob: UnsafeRawBufferPointer, name: String) throws(FanjianError) -> [(key: [UInt8], value: [UInt8])] {
    try spans(in: blob, name: name).map { span in
      (Array(blob[span.keyOffset..<span.keyOffset + span.keyLength]),
       Array(blob[span.valueOffset..<span.valueOffset + span.valueLength]))
    }
  }

  /// Where each entry's key and value lie in the blob, without copying them;
  /// checks the structure. (The keys' UTF-8 was checked when the blob was
  /// compiled, and `EmbeddedTablesTests` checks every blob again; this runs at
  /// every start, so it does not: the matcher still decodes each key's first
  /// two characters.)
  static func spans(in whole: UnsafeRawBufferPointer, name: String) throws(FanjianError) -> [TableMatcher.Span] {
    let blob = parts(of: whole).entries
    guard blob.count >= 8, Array(blob[0..<4]) == magic else {
      throw .corruptTables(config: name, reason: "missing header")
    }
    let count = Int(readUInt32(blob, at: 4))
    var spans: [TableMatcher.Span] = []
    spans.reserveCapacity(count)
    var offset = 8
    for _ in 0..<count {
      guard offset + 4 <= blob.count else { throw .corruptTables(config: name, reason: "truncated") }
      let keyLength = Int(readUInt16(blob, at: offset))
      let valueLength = Int(readUInt16(blob, at: offset + 2))
      offset += 4
      guard keyLength > 0, offset + keyLength + valueLength <= blob.count else {
        throw .corruptTables(config: name, reason: "truncated entry")
      }
      spans.append(TableMatcher.Span(keyOffset: offset, keyLength: keyLength, valueOffset: offset + keyLength, valueLength: valueLength))
      offset += keyLength + valueLength
    }
    guard offset == blob.count else { throw .corruptTables(config: name, reason: "trailing bytes") }
    return spans
  }

  private static func appendUInt16(_ value: UInt16, to bytes: inout [UInt8]) {
    bytes.append(UInt8(value & 0xFF))
    bytes.append(UInt8(value >> 8))
  }

  private static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  private static func readUInt16(_ blob: UnsafeRawBufferPointer, at offset: Int) -> UInt16 {
    UInt16(blob[offset]) | UInt16(blob[offset + 1]) << 8
  }

  private static func readUInt32(_ blob: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(blob[offset + $1]) << UInt32(8 * $1) }
  }
}
