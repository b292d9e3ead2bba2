extension TableMatcher {
  /// Converts the longest prefix of `input` whose conversion is already decided.
  ///
  /// Leftmost-longest matching over raw UTF-8: at each position the longest key
  /// wins, otherwise the character's own replacement, otherwise the bytes are
  /// copied. Why it is fast: ASCII is skipped eight bytes at a time (when no
  /// key starts with an ASCII character, as in every built-in table); a
  /// character with no entry costs one table load and is later copied as part
  /// of a run; a phrase probe happens only for characters flagged as starting
  /// a key, and then a one-word filter usually rejects the pair at once; short
  /// copies are done with word moves and the output goes through a raw
  /// pointer, with no allocation per character.
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
    let filter = pairFilter
    let lookahead = maxKeyBytes
    let asciiStarts = asciiKeyStarts
    let skipsASCII = asciiStarts.isEmpty
    let probes = asciiProbes
    let probesASCII = probes.0 != Self.noProbe
    var i = 0
    var runStart = 0

    while i < end {
      let b0 = p[i]
      if b0 < 0x80 {
        if skipsASCII {
          // No key starts with ASCII (the built-in tables): skip a word at a time.
          i &+= 1
          while i &+ 8 <= end {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i &+= 8
          }
          continue
        }
        if !asciiStarts.contains(b0) {
          i &+= 1
          if probesASCII {
            // A few ASCII bytes start keys (U盤 in s2twp): skip words holding none of them.
            while i &+ 8 <= end {
              let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
              if word & 0x8080_8080_8080_8080 != 0 || Self.containsByte(word, probes) { break }
              i &+= 8
            }
          }
          continue
        }
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
        if let phrase = phraseMatch(at: i, firstLength: length, in: p, end: end, filter: filter) {
          writer.appendRun(p + runStart, count: i &- runStart, readable: end &- runStart)
          writer.appendPadded(values + Int(phrase.valueOffset), count: Int(phrase.valueLength))
          i &+= Int(phrase.keyLength)
          runStart = i
          continue
        }
      }
      let lengthField = (entry >> 24) & 0x7F
      if lengthField == 0 {
        i &+= length
        continue
      }
      writer.appendRun(p + runStart, count: i &- runStart, readable: end &- runStart)
      if lengthField != Self.farLength {
        writer.appendPadded(values + Int(entry & 0xFF_FFFF), count: Int(lengthField))
      } else {
        let far = farValues[Int(entry & 0xFF_FFFF)]
        writer.append(values + far.offset, count: far.length)
      }
      i &+= length
      runStart = i
    }
    writer.append(p + runStart, count: i &- runStart)
    return i
  }

  /// The longest multi-character key that starts at `i`, if any.
  ///
  /// Inlined into the loop: the common outcome, "no key starts with these two
  /// characters", costs one unaligned load, a multiply and one filter bit.
  @inline(__always)
  func phraseMatch(at i: Int, firstLength: Int, in p: UnsafePointer<UInt8>, end: Int) -> Phrase? {
    phraseMatch(at: i, firstLength: firstLength, in: p, end: end, filter: pairFilter)
  }

  /// ``phraseMatch(at:firstLength:in:end:)`` with the filter's address in a
  /// register of the caller's loop (read through `self` it was reloaded for
  /// every probe, two dependent loads before the filter's own).
  @inline(__always)
  func phraseMatch(
    at i: Int, firstLength: Int, in p: UnsafePointer<UInt8>, end: Int, filter: UnsafeMutablePointer<UInt64>
  ) -> Phrase? {
    let j = i &+ firstLength
    guard j < end else { return nil }
    let lead = p[j]
    let secondLength = lead &>> 4 == 0xE ? 3 : Self.sequenceLength(lead)
    guard secondLength > 0 else { return nil }
    let pairLength = firstLength &+ secondLength
    guard i &+ 8 <= end else {
      guard i &+ pairLength <= end else { return nil }
      return findPhrase(pair: Self.pairKey(p + i, count: pairLength), pairLength: pairLength, at: i, in: p, end: end)
    }
    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
    let pair = pairLength == 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: pairLength &* 8)) &- 1)
    let (first, second) = Self.filterBits(pair)
    guard filter[Int(truncatingIfNeeded: first &>> 6)] & (1 &<< (first & 63)) != 0,
      filter[Int(truncatingIfNeeded: second &>> 6)] & (1 &<< (second & 63)) != 0
    else { return nil }
    return findPhrase(pair: pair, pairLength: pairLength, at: i, in: p, end: end)
  }

  /// The hash probe and the scan of a pair's keys, in the order that finds the longest match first.
  @inline(never)
  func findPhrase(pair: UInt64, pairLength: Int, at i: Int, in p: UnsafePointer<UInt8>, end: Int) -> Phrase? {
    var slot = Int(truncatingIfNeeded: Self.hash(pair) &>> pairShift)
    while true {
      let key = pairKeys[slot]
      if key == pair { break }
      if key == 0 { return nil }
      slot = (slot &+ 1) & pairMask
    }
    let range = pairRanges[slot]
    var index = Int(truncatingIfNeeded: range &>> 32)
    let stop = index &+ Int(truncatingIfNeeded: range & 0xFFFF_FFFF)
    while index < stop {
      let phrase = phrases[index]
      let keyLength = Int(phrase.keyLength)
      // The first two characters are known to match; compare the rest.
      if i &+ keyLength <= end
        && Self.equalBytes(p + (i &+ pairLength), keyBytes + (Int(phrase.keyOffset) &+ pairLength), keyLength &- pairLength)
      {
        return phrase
      }
      index &+= 1
    }
    return nil
  }

  /// Whether an all-ASCII word holds a byte equal to one of the probes (each a
  /// byte broadcast to all eight lanes; `noProbe` never matches ASCII).
  @inline(__always)
  static func containsByte(_ word: UInt64, _ probes: (UInt64, UInt64, UInt64)) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    let a = word ^ probes.0, b = word ^ probes.1, c = word ^ probes.2
    // A zero byte in x sets its lane's high bit in (x - ones) & ~x.
    return ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs != 0
  }

  /// The byte length of the UTF-8 sequence a lead byte starts (0 for a non-lead byte).
  @inline(__always)
  static func sequenceLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead < 0xC2 { return 0 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return lead < 0xF5 ? 4 : 0
  }

  /// Compares `count` bytes, a word at a time.
  @inline(__always)
  static func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var offset = 0
    while offset &+ 8 <= count {
      if UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
        != UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
      {
        return false
      }
      offset &+= 8
    }
    while offset < count {
      if a[offset] != b[offset] { return false }
      offset &+= 1
    }
    return true
  }
}
