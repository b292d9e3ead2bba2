import Fanjian

/// How `normalize --report` and `check` print the changes a normalization
/// makes: one `file:line:column: found → suggested (reason)` line each, or JSON.
///
/// Lines and columns count from 1; columns are Unicode scalars (code points),
/// which is what editors show for CJK text (one column per character, a
/// character outside the BMP such as 𠮷 included); a CRLF is one line break
/// and a leading byte order mark takes no column.
enum ChangeReport {
  /// The text form of one change.
  static func line(for change: NormalizationResult.Change, in name: String) -> String {
    "\(name):\(change.position.line):\(change.position.column): \(change.original) → \(change.replacement) (\(reason(change)))"
  }

  /// The reason as the text report prints it: `leftover`, `variant form`, or
  /// the phrase that decided: `over-conversion: 扎克伯格`.
  static func reason(_ change: NormalizationResult.Change) -> String {
    switch change.reason {
    case .overConversion, .contextForm:
      guard let phrase = change.phrase else { return change.reason.description }
      return "\(change.reason): \(phrase)"
    case .leftover, .variantForm:
      return change.reason.description
    }
  }

  /// A count per reason, such as `149 changes: 90 leftover, 34 over-conversion, …`.
  static func summary(of changes: [NormalizationResult.Change], noun: String) -> String {
    var tally = Tally()
    tally.add(changes)
    return tally.summary(noun: noun)
  }

  /// Counts changes per reason, without keeping them.
  struct Tally {
    private var counts: [NormalizationResult.Change.Reason: Int] = [:]
    private(set) var total = 0

    mutating func add(_ changes: [NormalizationResult.Change]) {
      for change in changes { counts[change.reason, default: 0] += 1 }
      total += changes.count
    }

    /// Both tallies together.
    func merging(_ other: Tally) -> Tally {
      var result = self
      result.counts.merge(other.counts, uniquingKeysWith: +)
      result.total += other.total
      return result
    }

    /// `149 changes: 90 leftover, 34 over-conversion, …`.
    func summary(noun: String) -> String {
      let parts = NormalizationResult.Change.Reason.allCases.compactMap { reason -> String? in
        let count = counts[reason] ?? 0
        return count == 0 ? nil : "\(count) \(reason)"
      }
      let whole = "\(total) \(noun)\(total == 1 ? "" : "s")"
      return parts.isEmpty ? whole : whole + ": " + parts.joined(separator: ", ")
    }
  }

  /// The JSON form of the changes of one streamed input, in order: output
  /// scalar offsets follow from the input's and the length differences of
  /// the changes before (no offset map needed).
  struct StreamedJSON {
    private(set) var changes: [JSONValue] = []
    private var scalarShift = 0

    mutating func add(_ newChanges: [NormalizationResult.Change]) {
      for change in newChanges {
        let inputCount = change.original.unicodeScalars.count
        let outputCount = change.replacement.unicodeScalars.count
        let inputScalars = change.position.scalarOffset..<change.position.scalarOffset + inputCount
        let outputStart = change.position.scalarOffset + scalarShift
        changes.append(ChangeReport.json(for: change, inputScalars: inputScalars, outputScalars: outputStart..<outputStart + outputCount))
        scalarShift += outputCount - inputCount
      }
    }
  }

  /// The JSON form of one change; output positions come from the offset map.
  static func json(for change: NormalizationResult.Change, offsets: OffsetMap) -> JSONValue {
    let inputScalars =
      change.position.scalarOffset..<change.position.scalarOffset + change.original.unicodeScalars.count
    let outputScalars = offsets.outputRange(forInput: inputScalars, in: .unicodeScalars)
    return json(for: change, inputScalars: inputScalars, outputScalars: outputScalars)
  }

  /// The JSON form of one change with its scalar ranges.
  static func json(for change: NormalizationResult.Change, inputScalars: Range<Int>, outputScalars: Range<Int>) -> JSONValue {
    .object([
      ("line", .int(change.position.line)),
      ("column", .int(change.position.column)),
      ("found", .string(change.original)),
      ("suggested", .string(change.replacement)),
      ("reason", .string(change.reason.rawValue)),
      ("phrase", .string(change.phrase)),
      ("input", .object([("utf8", range(change.input)), ("scalars", range(inputScalars))])),
      ("output", .object([("utf8", range(change.output)), ("scalars", range(outputScalars))])),
    ])
  }

  private static func range(_ range: Range<Int>) -> JSONValue {
    .array([.int(range.lowerBound), .int(range.upperBound)])
  }
}

/// Writing the analysis commands' results and messages.
enum AnalysisOutput {
  /// Writes `text` to standard output.
  ///
  /// - Throws: `SystemError` (`EPIPE` when the reader went away).
  static func write(_ text: String) throws(SystemError) {
    try FileDescriptor.standardOutput.writeAll(Array(text.utf8))
  }

  /// Prints `fanjian: <message>` on standard error.
  static func report(_ message: some CustomStringConvertible) {
    try? FileDescriptor.standardError.writeAll(Array("fanjian: \(message)\n".utf8))
  }
}
