#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TableMatcher {
  /// Converts the longest prefix of `input` whose conversion is already decided.
  ///
  /// Leftmost-longest matching over raw UTF-8: at each position the longest key
  /// wins, otherwise the character's own replacement, otherwise the byte run is
  /// copied. Why it is fast: ASCII is skipped eight bytes at a time; characters
  /// with no entry cost one table load and are copied later as one run; a
  /// phrase probe happens only for characters flagged as starting a key; the
  /// output goes through a raw pointer with no allocation per character.
  ///
  /// - Parameters:
  ///   - input: UTF-8 bytes.
  ///   - isFinal: `false` when more input follows: conversion then stops where a
  ///     key could still reach past the end (at most `maxKeyBytes` from it), or
  ///     before a character cut off by the end.
  ///   - writer: receives the converted bytes.
  /// - Returns: how many bytes of `input` were converted (all of them when `isFinal`).
  /// - Throws: `FanjianError.invalidUTF8` with the offset in `input`; everything
  ///   before that offset has been written.
  func convert(
    _ input: UnsafeRawBufferPointer, isFinal: Bool, into writer: inout ByteWriter
  ) throws(FanjianError) -> Int {
    guard let raw = input.baseAddress else { return 0 }
    let p = raw.assumingMemoryBound(to: UInt8.self)
    let end = input.count
    let table = charEntries
    let lookahead = maxKeyBytes
    var i = 0
    var runStart = 0

    outer: while i < end {
      while i &+ 8 <= end {
        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        i &+= 8
      }
      if i >= end { break }
      if p[i] < 0x80 {
        i &+= 1
        continue
      }
      let (scalar, length) = UTF8Scanner.decode(p, at: i, end: end)
      if length <= 0 {
        if length == 0 && !isFinal { break }
        writer.append(p + runStart, count: i &- runStart)
        throw .invalidUTF8(byteOffset: i)
      }
      let entry = scalar < 0x10000 ? table[Int(scalar)] : (astralEntries[scalar] ?? 0)
      if entry == 0 {
        i &+= length
        continue
      }
      if entry & Self.startsPhraseBit != 0 {
        if !isFinal && i &+ lookahead > end { break }
        if let phrase = phraseMatch(at: i, firstScalar: scalar, firstLength: length, in: p, end: end) {
          writer.append(p + runStart, count: i &- runStart)
          writer.append(values + Int(phrase.valueOffset), count: Int(phrase.valueLength))
          i &+= Int(phrase.keyLength)
          runStart = i
          continue
        }
      }
      let valueLength = Int((entry >> 24) & 0x7F)
      if valueLength == 0 {
        i &+= length
        continue
      }
      writer.append(p + runStart, count: i &- runStart)
      writer.append(values + Int(entry & 0xFF_FFFF), count: valueLength)
      i &+= length
      runStart = i
    }
    writer.append(p + runStart, count: i &- runStart)
    return i
  }

  /// The longest multi-character key that starts at `i`, if any.
  @inline(__always)
  func phraseMatch(
    at i: Int, firstScalar: UInt32, firstLength: Int, in p: UnsafePointer<UInt8>, end: Int
  ) -> Phrase? {
    let j = i &+ firstLength
    guard j < end else { return nil }
    let (second, secondLength) = UTF8Scanner.decode(p, at: j, end: end)
    guard secondLength > 0 else { return nil }
    let pair = Self.pairKey(firstScalar, second)
    var slot = Self.slot(for: pair, mask: pairMask)
    while true {
      let key = pairKeys[slot]
      if key == pair { break }
      if key == 0 { return nil }
      slot = (slot &+ 1) & pairMask
    }
    let range = pairRanges[slot]
    var index = Int(truncatingIfNeeded: range >> 32)
    let stop = index &+ Int(truncatingIfNeeded: range & 0xFFFF_FFFF)
    let matched = j &+ secondLength &- i
    while index < stop {
      let phrase = phrases[index]
      let keyLength = Int(phrase.keyLength)
      if i &+ keyLength <= end {
        // The first two scalars are known to match; compare the rest.
        if keyLength == matched
          || memcmp(p + (i &+ matched), keyBytes + (Int(phrase.keyOffset) &+ matched), keyLength &- matched) == 0
        {
          return phrase
        }
      }
      index &+= 1
    }
    return nil
  }
}
