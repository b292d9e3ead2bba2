import Testing

@testable import Fanjian

/// Change positions: lines and columns in Unicode scalars, across CRLF, CR,
/// multi-byte and astral characters, and a byte order mark.
@Suite struct PositionTests {
  /// `1️⃣`-style markers: each `⟨` marks where the next change must start.
  static func positions(in marked: String) -> (text: String, expected: [String]) {
    var text = ""
    var line = 1
    var column = 1
    var expected: [String] = []
    var previous: Unicode.Scalar?
    for scalar in marked.unicodeScalars {
      if scalar == "⟨" {
        expected.append("\(line):\(column)")
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" && previous == "\r" {
      } else if scalar == "\n" || scalar == "\r" {
        line += 1
        column = 1
      } else if !(scalar == "\u{FEFF}" && text.unicodeScalars.count == 1) {
        column += 1
      }
      previous = scalar
    }
    return (text, expected)
  }

  @Test(arguments: [
    "⟨对了\n😀⟨将𠮷⟨标",
    "a\r\n\r\n𠮷 ⟨将\rb⟨内\r\nc ⟨确",
    "\u{FEFF}⟨对\t⟨标",
    "e\u{301}⟨将 combining",
  ])
  func positionsCountScalarsAndLineBreaks(_ marked: String) throws {
    let (text, expected) = Self.positions(in: marked)
    let result = try Normalizer(target: .traditional).normalize(text)
    #expect(result.changes.map(\.position.description) == expected)
    let scalars = Array(text.unicodeScalars)
    for change in result.changes {
      #expect(String(String.UnicodeScalarView(scalars[change.position.scalarOffset...].prefix(1))) == String(change.original.prefix(1)))
      #expect(Array(text.utf8)[change.input] == ArraySlice(change.original.utf8))
    }
  }
}
