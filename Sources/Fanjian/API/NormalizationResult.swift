/// A place in a text as an editor shows it: a line and a column, both counted
/// from 1, the column in Unicode scalars (code points).
///
/// Lines end at LF, CRLF or CR (a CRLF is one line break). A scalar outside
/// the Basic Multilingual Plane (😀, 𠮷) is one column; a combining sequence
/// is as many columns as it has scalars.
public struct TextPosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The line, from 1.
  public var line: Int
  /// The column in Unicode scalars, from 1.
  public var column: Int
  /// The offset from the start of the text in UTF-8 bytes, from 0.
  public var utf8Offset: Int
  /// The offset from the start of the text in Unicode scalars, from 0.
  public var scalarOffset: Int

  /// Makes a position from its parts.
  public init(line: Int, column: Int, utf8Offset: Int, scalarOffset: Int) {
    self.line = line
    self.column = column
    self.utf8Offset = utf8Offset
    self.scalarOffset = scalarOffset
  }

  /// `line:column`, as compilers and linters print it.
  public var description: String { "\(line):\(column)" }

  /// Positions order by their offset in the text.
  public static func < (a: TextPosition, b: TextPosition) -> Bool { a.utf8Offset < b.utf8Offset }
}

/// What ``Normalizer/normalize(_:)`` made of a text: the consistent text,
/// every change it made and why, and an offset map between input and output.
public struct NormalizationResult: Sendable, Equatable {
  /// One edit: a character or a run of adjacent characters replaced for one reason.
  public struct Change: Sendable, Hashable {
    /// Why a character was replaced.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
      /// A character of the other script left behind (将 in Traditional text,
      /// 將 in Simplified text).
      case leftover
      /// A Traditional form where the word keeps the plain character (紮克伯格
      /// for 扎克伯格, 隻是 for 只是): a phrase of the tables says so.
      case overConversion = "over-conversion"
      /// The form the context calls for was missed (關系 for 關係, 盡管 for
      /// 儘管): a phrase of the tables says so.
      case contextForm = "context form"
      /// The same character in another standard's variant form (爲 for
      /// Taiwan's 為, 為 for t's 爲).
      case variantForm = "variant form"

      /// The reason as reports print it ("over-conversion").
      public var description: String { rawValue }
    }

    /// The text that was replaced.
    public var original: String
    /// What it was replaced with.
    public var replacement: String
    /// Why.
    public var reason: Reason
    /// For a phrase-decided change, the word (as the target standard writes
    /// it) whose table entry decided it, such as `扎克伯格`.
    public var phrase: String?
    /// Where the change starts in the input.
    public var position: TextPosition
    /// The replaced text in the input, in UTF-8 bytes.
    public var input: Range<Int>
    /// The replacement in the output, in UTF-8 bytes.
    public var output: Range<Int>

    /// Makes a change from its parts.
    public init(
      original: String, replacement: String, reason: Reason, phrase: String? = nil, position: TextPosition,
      input: Range<Int>, output: Range<Int>
    ) {
      self.original = original
      self.replacement = replacement
      self.reason = reason
      self.phrase = phrase
      self.position = position
      self.input = input
      self.output = output
    }
  }

  /// The normalized text.
  public var text: String
  /// The changes, in text order.
  public var changes: [Change]
  /// Offsets between the input (the text given to `normalize`) and ``text``.
  public var offsets: OffsetMap

  /// Whether the input was already consistent in the target standard.
  public var isUnchanged: Bool { changes.isEmpty }
}
