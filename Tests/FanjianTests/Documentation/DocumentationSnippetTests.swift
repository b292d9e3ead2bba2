import Foundation
import Fanjian
import Testing

/// Every Swift example in the README, the DocC catalog and the doc comments,
/// compiled and run.
///
/// Each example is copied verbatim between `// snippet: FILE` and
/// `// end snippet` below (an `import Fanjian` line is left out: it cannot
/// stand inside a function); names an example leaves to the reader (`chunks`,
/// `flush`) are defined just before it. `everyDocumentedSnippetIsTested`
/// fails when an example in the documentation is not exactly one of these, so
/// an example cannot change without its copy here compiling.
@Suite struct DocumentationSnippetTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  // MARK: - README.md

  @Test func readmeLibrary() throws {
    // snippet: README.md
    // Package.swift: .package(path: "…/Fanjian"), then .product(name: "Fanjian", package: "Fanjian")

    let converter = try Converter(.s2tw)              // or try Converter(config: "s2tw")
    print(converter.convert("头发和软件"))              // 頭髮和軟件

    let p = try Converter(.s2twp)                     // with Taiwan vocabulary
    print(p.convert("头发和软件"))                      // 頭髮和軟體

    let bytes: [UInt8] = Array("软件".utf8)            // UTF-8 in, UTF-8 out, no String round trip
    var out: [UInt8] = []
    try converter.convert(utf8: bytes, appendingTo: &out)   // out: "軟件" in UTF-8
    // end snippet
    #expect(converter.convert("头发和软件") == "頭髮和軟件")
    #expect(p.convert("头发和软件") == "頭髮和軟體")
    #expect(String(decoding: out, as: UTF8.self) == "軟件")
    let sameConfig = try Converter(config: "s2tw")
    #expect(sameConfig.config == .s2tw)
  }

  @Test func readmeNormalization() throws {
    // snippet: README.md
    let result = try Normalizer(target: .taiwan).normalize("小紮隻是对标了他們的産品")
    result.text                   // 小扎只是對標了他們的產品
    for change in result.changes {
      print(change.position, change.original, "→", change.replacement, change.reason)
    }                             // 1:2 紮 → 扎 over-conversion, …
    result.offsets                // OffsetMap: UTF-8 or scalar offsets, both ways

    let detection = Script.detect(in: result.text)   // .script (here .undetermined: too short), the counts, .standard

    let (converted, map) = try Converter(.s2twp).convertWithOffsets("a程序员b")
    // converted == "a程式設計師b"
    map.outputRange(forInput: 1..<10)        // 1..<16: where 程序员 went
    map.inputOffset(forOutput: 16)           // 10: where b came from
    // end snippet
    #expect(result.text == "小扎只是對標了他們的產品")
    #expect("\(result.changes[0].position)" == "1:2")
    #expect(result.changes[0].original == "紮" && result.changes[0].replacement == "扎")
    #expect(detection.script == .undetermined)
    #expect(converted == "a程式設計師b")
    #expect(map.outputRange(forInput: 1..<10) == 1..<16)
    #expect(map.inputOffset(forOutput: 16) == 10)
  }

  // MARK: - Fanjian.docc

  @Test func doccOverview() throws {
    // snippet: Sources/Fanjian/Fanjian.docc/Fanjian.md

    let converter = try Converter(.s2twp)
    converter.convert("头发和软件")  // 頭髮和軟體
    // end snippet
    #expect(converter.convert("头发和软件") == "頭髮和軟體")
  }

  @Test func doccGettingStarted() throws {
    // snippet: Sources/Fanjian/Fanjian.docc/GettingStarted.md
    let toTaiwan = try Converter(.s2twp)          // 软件 → 軟體
    let toSimplified = try Converter(config: "t2s")
    // end snippet
    #expect(toTaiwan.convert("软件") == "軟體")
    #expect(toSimplified.config == .t2s)

    do {
      // snippet: Sources/Fanjian/Fanjian.docc/GettingStarted.md
      toTaiwan.convert("鼠标和打印机")               // 滑鼠和印表機

      let bytes: [UInt8] = Array("软件".utf8)
      var output: [UInt8] = []
      try toTaiwan.convert(utf8: bytes, appendingTo: &output)   // no String round trip: 軟體
      // end snippet
      #expect(toTaiwan.convert("鼠标和打印机") == "滑鼠和印表機")
      #expect(String(decoding: output, as: UTF8.self) == "軟體")
    }

    do {
      let chunks: [[UInt8]] = [Array("鼠".utf8), Array("标和软".utf8), [0xE4, 0xBB], [0xB6]]
      var flushed: [UInt8] = []
      func flush(_ output: inout [UInt8]) {
        flushed += output
        output.removeAll()
      }
      // snippet: Sources/Fanjian/Fanjian.docc/GettingStarted.md
      var stream = toTaiwan.makeStream()
      var output: [UInt8] = []
      for chunk in chunks {
        try stream.convert(chunk, appendingTo: &output)
        flush(&output)
      }
      try stream.finish(appendingTo: &output)
      // end snippet
      #expect(String(decoding: flushed + output, as: UTF8.self) == "滑鼠和軟體")
    }

    do {
      // "names.txt" is the reader's file; here it does not exist, so the
      // example must fail with the error that names it.
      #expect(throws: FanjianError.self) {
        // snippet: Sources/Fanjian/Fanjian.docc/GettingStarted.md
        let mine = try ConversionDictionary(contentsOfFile: "names.txt")
        let converter = try Converter(.s2t, dictionaries: [mine])
        // end snippet
        _ = converter
      }
    }
  }

  // MARK: - Doc comments

  @Test func docCommentsOfTheAPI() throws {
    do {
      // snippet: Sources/Fanjian/API/ConversionConfig.swift
      let config = ConversionConfig(name: "s2tw")  // .s2tw
      // end snippet
      #expect(config == .s2tw)
    }
    do {
      let converter = try Converter(.s2t)
      let chunks: [[UInt8]] = [Array("头".utf8), Array("发".utf8)]
      // snippet: Sources/Fanjian/API/ConversionStream.swift
      var stream = converter.makeStream()
      var output: [UInt8] = []
      for chunk in chunks { try stream.convert(chunk, appendingTo: &output) }
      try stream.finish(appendingTo: &output)
      // end snippet
      #expect(String(decoding: output, as: UTF8.self) == "頭髮")
    }
    do {
      // snippet: Sources/Fanjian/API/Converter+Offsets.swift
      let (text, map) = try Converter(.s2twp).convertWithOffsets("用鼠标点")
      // text == "用滑鼠點"; 鼠标 → 滑鼠 has as many characters, so
      map.outputOffset(forInput: 9)  // 9: 点 → 點
      // end snippet
      #expect(text == "用滑鼠點")
      #expect(map.outputOffset(forInput: 9) == 9)
    }
    do {
      // snippet: Sources/Fanjian/API/Converter.swift

      let converter = try Converter(.s2tw)
      converter.convert("头发和软件")  // "頭髮和軟件"
      // end snippet
      #expect(converter.convert("头发和软件") == "頭髮和軟件")
    }
    do {
      let converter = try Converter(.s2t)
      // snippet: Sources/Fanjian/API/Converter.swift
      let bytes: [UInt8] = Array("头发".utf8)
      var out: [UInt8] = []
      try converter.convert(utf8: bytes, appendingTo: &out)  // out: "頭髮" in UTF-8
      // end snippet
      #expect(String(decoding: out, as: UTF8.self) == "頭髮")
    }
    do {
      // snippet: Sources/Fanjian/API/Normalizer.swift
      let normalizer = try Normalizer(target: .taiwan)
      let result = normalizer.normalize("小紮隻是对标了他們的産品")
      result.text        // "小扎只是對標了他們的產品"
      result.changes[0]  // 紮 → 扎 (over-conversion, decided by the phrase 小扎), at 1:2
      // end snippet
      #expect(result.text == "小扎只是對標了他們的產品")
      #expect(result.changes[0].original == "紮")
    }
    do {
      // snippet: Sources/Fanjian/API/OffsetMap.swift
      let converter = try Converter(.s2t)
      let (text, map) = converter.convertWithOffsets("A😀汉字")
      map.outputOffset(forInput: 5)                          // 5: 汉 starts at byte 5 in both
      map.inputOffset(forOutput: 3, in: .unicodeScalars)     // 3
      // end snippet
      #expect(text == "A😀漢字")
      #expect(map.outputOffset(forInput: 5) == 5)
      #expect(map.inputOffset(forOutput: 3, in: .unicodeScalars) == 3)
    }
    do {
      // snippet: Sources/Fanjian/API/Script.swift
      let detection = Script.detect(in: "這是一段繁體中文的句子，裡面有為和著，還有說話與學習。")
      detection.script     // .traditional
      detection.standard   // .taiwan (為 著 裡 are Taiwan's forms)
      // end snippet
      #expect(detection.script == .traditional)
      #expect(detection.standard == .taiwan)
    }
    do {
      // snippet: Sources/Fanjian/API/Standard.swift
      let normalizer = try Normalizer(target: .taiwan)
      Standard(name: "tw")  // .taiwan
      // end snippet
      _ = normalizer
      #expect(Standard(name: "tw") == .taiwan)
    }
    do {
      // snippet: Sources/Fanjian/Tables/ConversionDictionary.swift
      let mine = try ConversionDictionary(pairs: [("鼠标", "滑鼠")])
      let converter = try Converter(.s2t, dictionaries: [mine])
      // end snippet
      #expect(converter.convert("鼠标") == "滑鼠")
    }
  }

  @Test func docCommentsOfTheICUTypes() throws {
    do {
      let chunks: [[UInt8]] = [[0xBA], [0x7E, 0xA6, 0x72]]
      // snippet: Sources/Fanjian/ICU/TextDecoder.swift
      let decoder = try TextDecoder(.gb18030)
      var utf8: [UInt8] = []
      for chunk in chunks { try decoder.decode(chunk, appendingTo: &utf8) }
      try decoder.finish(appendingTo: &utf8)
      // end snippet
      #expect(utf8.count > 0)
    }
    do {
      // snippet: Sources/Fanjian/ICU/TextEncoder.swift
      let encoder = try TextEncoder(.big5)
      var bytes: [UInt8] = []
      try encoder.encode(Array("漢字".utf8), appendingTo: &bytes)
      try encoder.finish(appendingTo: &bytes)
      // end snippet
      #expect(bytes == [0xBA, 0x7E, 0xA6, 0x72])
    }
    do {
      // snippet: Sources/Fanjian/ICU/TextEncoding.swift
      let big5 = try TextEncoding(name: "big5")        // or .big5
      let bytes = try big5.encode("漢字")               // [0xBA, 0x7E, 0xA6, 0x72]
      try big5.decode(bytes)                            // "漢字"
      // end snippet
      #expect(bytes == [0xBA, 0x7E, 0xA6, 0x72])
      #expect(try big5.decode(bytes) == "漢字")
    }
    do {
      // snippet: Sources/Fanjian/ICU/Transliterator.swift
      let icu = try Transliterator(id: "Simplified-Traditional")
      try icu.transliterate("头发")  // "頭髮"
      // end snippet
      #expect(try icu.transliterate("头发") == "頭髮")
    }
  }

  @Test func docCommentsOfTheStreams() throws {
    let chunks: [[UInt8]] = [Array("小紮隻是对".utf8), Array("标了他們的産品\n".utf8)]
    do {
      // snippet: Sources/Fanjian/API/NormalizationStream.swift
      var stream = try Normalizer(target: .taiwan).makeStream()
      var output: [UInt8] = []
      for chunk in chunks {
        try stream.normalize(chunk, appendingTo: &output)
        for change in stream.takeChanges() { print(change) }
      }
      try stream.finish(appendingTo: &output)
      // end snippet
      #expect(String(decoding: output, as: UTF8.self) == "小扎只是對標了他們的產品\n")
    }
    do {
      // snippet: Sources/Fanjian/API/ScriptDetectionStream.swift
      var stream = ScriptDetectionStream()
      for chunk in chunks { try stream.add(chunk) }
      let detection = try stream.finish()
      // end snippet
      #expect(detection == Script.detect(in: "小紮隻是对标了他們的産品\n"))
    }
  }

  // MARK: - The check that ties the documentation to the copies above

  /// A snippet: the file it is documented in, and its code.
  struct Snippet: Hashable, CustomStringConvertible {
    var file: String
    var code: String
    var description: String { "\(file):\n\(code)" }
  }

  /// Lines without the common indentation, trailing spaces, `import Fanjian`
  /// and leading or trailing blank lines.
  static func normalized(_ lines: [Substring]) -> String {
    var kept = lines.map { line -> String in
      var line = String(line)
      while line.last == " " { line.removeLast() }
      return line
    }.filter { $0.trimmingCharacters(in: .whitespaces) != "import Fanjian" }
    while kept.first?.isEmpty == true { kept.removeFirst() }
    while kept.last?.isEmpty == true { kept.removeLast() }
    let indent = kept.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
    return kept.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
  }

  /// The ```swift blocks of a Markdown file, or of the `///` comments of a Swift file.
  static func documentedSnippets(in file: String) throws -> [Snippet] {
    let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if file.hasSuffix(".swift") {
      lines = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }.map { line in
        let comment = line.drop(while: { $0 == " " }).dropFirst(3)
        return comment.first == " " ? comment.dropFirst() : comment
      }
    }
    var snippets: [Snippet] = []
    var block: [Substring]? = nil
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if block == nil, trimmed == "```swift" {
        block = []
      } else if let current = block, trimmed == "```" {
        snippets.append(Snippet(file: file, code: normalized(current)))
        block = nil
      } else {
        block?.append(line)
      }
    }
    return snippets
  }

  /// The copies in this file.
  static func testedSnippets() throws -> [Snippet] {
    let text = try String(contentsOfFile: #filePath, encoding: .utf8)
    var snippets: [Snippet] = []
    var current: (file: String, lines: [Substring])? = nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("// snippet: ") {
        current = (String(trimmed.dropFirst("// snippet: ".count)), [])
      } else if trimmed == "// end snippet", let open = current {
        snippets.append(Snippet(file: open.file, code: normalized(open.lines)))
        current = nil
      } else {
        current?.lines.append(line)
      }
    }
    return snippets
  }

  @Test("every Swift example in the documentation is one of the snippets compiled and run here")
  func everyDocumentedSnippetIsTested() throws {
    var files = ["README.md"]
    let docc = Self.root.appendingPathComponent("Sources/Fanjian/Fanjian.docc").path
    files += try FileManager.default.contentsOfDirectory(atPath: docc).filter { $0.hasSuffix(".md") }.sorted()
      .map { "Sources/Fanjian/Fanjian.docc/\($0)" }
    let sources = Self.root.appendingPathComponent("Sources/Fanjian")
    let enumerator = FileManager.default.enumerator(atPath: sources.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".swift") { files.append("Sources/Fanjian/\(path)") }
    }
    let documented = try files.flatMap(Self.documentedSnippets)
    let tested = try Self.testedSnippets()
    #expect(documented.count > 15)
    let missing = documented.filter { !tested.contains($0) }
    let stale = tested.filter { !documented.contains($0) }
    #expect(missing == [], "copy these examples into DocumentationSnippetTests, verbatim")
    #expect(stale == [], "these copies no longer match an example in the documentation")
  }
}
