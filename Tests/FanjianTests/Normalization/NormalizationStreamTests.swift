import Foundation
import Testing

@testable import Fanjian

/// `NormalizationStream` and `ScriptDetectionStream`: the same result as the
/// whole-text calls, in bounded memory, with each line out as it arrives.
@Suite struct NormalizationStreamTests {
  static var article: String { get throws { try ExampleArticle.mixed } }

  func streamed(
    _ normalizer: Normalizer, _ bytes: [UInt8], chunkSize: Int
  ) throws -> (text: [UInt8], changes: [NormalizationResult.Change]) {
    var stream = normalizer.makeStream()
    var output: [UInt8] = []
    var changes: [NormalizationResult.Change] = []
    var start = 0
    while start < bytes.count {
      let end = min(start + chunkSize, bytes.count)
      try stream.normalize(Array(bytes[start..<end]), appendingTo: &output)
      changes += stream.takeChanges()
      start = end
    }
    try stream.finish(appendingTo: &output)
    changes += stream.takeChanges()
    return (output, changes)
  }

  @Test("a chunked stream gives the whole-text result, changes and positions included", arguments: [1, 5, 4096])
  func chunkedEqualsWhole(chunkSize: Int) throws {
    let normalizer = try Normalizer(target: .taiwan)
    let bytes = Array(try Self.article.utf8)
    let whole = normalizer.normalize(try Self.article)
    let (text, changes) = try streamed(normalizer, bytes, chunkSize: chunkSize)
    #expect(String(decoding: text, as: UTF8.self) == whole.text)
    #expect(changes == whole.changes)
  }

  @Test("a complete line comes out before the next line arrives")
  func completeLinesComeOutAtOnce() throws {
    var stream = try Normalizer(target: .taiwan).makeStream()
    var output: [UInt8] = []
    try stream.normalize(Array("小紮隻是对标\n頭".utf8), appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == "小扎只是對標\n")
    #expect(stream.pendingByteCount == 3)
  }

  @Test("one long line is normalized in bounded memory, to the whole-text result")
  func longSingleLineStaysBounded() throws {
    let normalizer = try Normalizer(target: .taiwan)
    // 4 MB in one line, article text without its line breaks.
    let unit = Array(try Self.article.replacingOccurrences(of: "\n", with: " ").utf8)
    var stream = normalizer.makeStream(recordingChanges: false)
    var output: [UInt8] = []
    var total = 0
    var largestPending = 0
    var produced = 0
    while total < 4_000_000 {
      try stream.normalize(unit, appendingTo: &output)
      total += unit.count
      largestPending = max(largestPending, stream.pendingByteCount)
      produced += output.count
      output.removeAll(keepingCapacity: true)
    }
    try stream.finish(appendingTo: &output)
    produced += output.count
    #expect(largestPending <= Normalizer.segmentSize + unit.count)
    #expect(produced >= total - 1000)
    // The pieces cut inside the line normalize like the line does.
    let once = normalizer.normalize(String(decoding: unit, as: UTF8.self))
    #expect(once.text.contains("扎克伯格") && !once.text.contains("紮克伯格"))
  }

  @Test("a window with no character outside the keys is still cut, at a character boundary")
  func forcedCutKeepsCharactersWhole() throws {
    let bytes = Array(String(repeating: "頭", count: Normalizer.segmentSize).utf8)
    let end = bytes.withUnsafeBufferPointer { Normalizer.segmentEnd(in: $0, from: 0, isFinal: false) }
    #expect(end != nil)
    #expect((end ?? 0) % 3 == 0 && (end ?? 0) > 0 && (end ?? 0) <= Normalizer.segmentSize)
  }

  @Test("invalid UTF-8 is reported with its offset in the stream")
  func invalidUTF8InALaterChunk() throws {
    var stream = try Normalizer(target: .taiwan).makeStream()
    var output: [UInt8] = []
    try stream.normalize(Array("汉字\n".utf8) + [0xE6], appendingTo: &output)
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 7)) {
      try stream.normalize([0x41], appendingTo: &output)
    }
  }

  @Test("a detection stream gives the whole-text verdict, characters split across chunks included")
  func detectionStreamEqualsWhole() throws {
    let bytes = Array(try Self.article.utf8)
    for size in [1, 2, 7, 65536] {
      var stream = ScriptDetectionStream()
      var start = 0
      while start < bytes.count {
        let end = min(start + size, bytes.count)
        try stream.add(Array(bytes[start..<end]))
        start = end
      }
      #expect(try stream.finish() == Script.detect(in: try Self.article))
    }
  }

  @Test("a detection stream reports invalid and unfinished UTF-8")
  func detectionStreamRejectsInvalidUTF8() throws {
    var stream = ScriptDetectionStream()
    try stream.add([0x41, 0xE6, 0x95])
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 1)) { try stream.finish() }
    var other = ScriptDetectionStream()
    #expect(throws: FanjianError.invalidUTF8(byteOffset: 2)) { try other.add([0x41, 0x42, 0xFF]) }
  }

  @Test("the tracker's fast skip lands on the same line, column and offsets as the walk")
  func trackerSkipEqualsWalk() {
    let text = Array("\u{FEFF}头\n𠮷a\r\nb\rc\n\n中文\n😀😀x".utf8)
    text.withUnsafeBufferPointer { buffer in
      for split in 0...buffer.count {
        for target in split...buffer.count {
          var walked = PositionTracker()
          let expected = walked.position(of: target, in: buffer)
          var skipped = PositionTracker()
          _ = skipped.position(of: min(split, 1), in: buffer)
          skipped.skip(to: split, in: buffer)
          skipped.skip(to: target, in: buffer)
          #expect(skipped.position(of: target, in: buffer) == expected, "split \(split) target \(target)")
        }
      }
    }
  }
}
