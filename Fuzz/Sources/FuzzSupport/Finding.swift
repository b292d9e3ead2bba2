#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a message to standard error, unbuffered.
public func writeStandardError(_ message: String) {
  var message = message
  message.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// Reports a property violation and stops the process, so that libFuzzer
/// saves the input as a crash file (`crash-<sha1>`).
public func finding(_ property: String, _ details: @autoclosure () -> String) -> Never {
  writeStandardError("\n==FANJIAN FUZZ FINDING== \(property)\n\(details())\n")
  // abort() skips atexit: print the known-failure counts of the run so far here.
  KnownFailures.printCounts()
  abort()
}

/// Checks a property; a violation is a finding.
@inline(__always)
public func check(_ condition: Bool, _ property: String, _ details: @autoclosure () -> String) {
  if !condition { finding(property, details()) }
}

/// Bytes as text a person can read and paste into a Swift test: the text
/// itself (lossily decoded) and the exact bytes in hex.
public func describe(_ bytes: some Collection<UInt8>) -> String {
  let hex = bytes.map { b in
    let h = String(b, radix: 16, uppercase: true)
    return "0x" + (h.count == 1 ? "0" + h : h)
  }
  let shown = String(decoding: Array(bytes), as: UTF8.self).debugDescription
  return "\(shown) [\(hex.joined(separator: ", "))]"
}

/// Properties known not to hold (since the issue 12 fixes, one class only:
/// fuzz-normalize's `DoubleReading`, a converted character that is also
/// another character's Simplified form and converts again).
///
/// Such a property is still checked on every input. What a violation does is
/// set by the environment variable `FANJIAN_FUZZ_KNOWN`:
/// - `report` (the default): print the first few violations of each kind
///   with their bytes, count all of them, print the counts at exit, and go on
///   fuzzing, so that the run still checks everything else;
/// - `fail`: treat a violation as a finding (crash file, non-zero exit);
/// - `off`: skip the check.
public enum KnownFailures {
  public enum Mode: String, Sendable { case report, fail, off }

  public static let mode: Mode = {
    guard let raw = getenv("FANJIAN_FUZZ_KNOWN") else { return .report }
    return Mode(rawValue: String(cString: raw)) ?? .report
  }()

  /// Whether the checks of known-failing properties run at all.
  public static var enabled: Bool { mode != .off }

  /// The input being tested, set by each target, so that examples of known
  /// failures can be saved as files.
  nonisolated(unsafe) public static var currentInput: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)

  /// Where examples are saved (`FANJIAN_FUZZ_KNOWN_DIR`), as `known-<kind>-<n>`.
  static let exampleDirectory: String? = getenv("FANJIAN_FUZZ_KNOWN_DIR").map { String(cString: $0) }

  nonisolated(unsafe) private static var counts: [String: Int] = [:]
  nonisolated(unsafe) private static var registered = false
  private static let examplesPerKind = 5

  /// Records a violation of the known-failing property `kind`.
  public static func violated(_ kind: String, _ details: @autoclosure () -> String) {
    if mode == .off { return }
    if mode == .fail { finding("\(kind) (known open issue; FANJIAN_FUZZ_KNOWN=fail)", details()) }
    if !registered {
      registered = true
      atexit { KnownFailures.printCounts() }
    }
    let count = counts[kind, default: 0] + 1
    counts[kind] = count
    if count <= examplesPerKind, let directory = exampleDirectory {
      let slug = String(kind.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
      let path = "\(directory)/known-\(slug.prefix(60))-\(count)"
      if let file = fopen(path, "wb") {
        if let base = currentInput.baseAddress { fwrite(base, 1, currentInput.count, file) }
        fclose(file)
      }
    }
    if count <= examplesPerKind {
      writeStandardError("==FANJIAN KNOWN FAILURE== \(kind) (example \(count), not fatal: FANJIAN_FUZZ_KNOWN=report)\n\(details())\n")
    }
  }

  static func printCounts() {
    for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
      writeStandardError("==FANJIAN KNOWN FAILURE COUNT== \(kind): \(count) inputs\n")
    }
  }
}
