import Fanjian
import FuzzSupport

/// The one class of conversion non-idempotence known to remain: an output
/// character that is also another character's Simplified form, so that the
/// output read again as Simplified input converts further (s2tw `一衹` → 一只
/// → 一隻; s2t `苎` → 苧 → 薴; t2s `薴` → 苧 → 苎). No output is both right and a fixed point
/// there (`characterThatIsAlsoAnotherSimplifiedForm` in FuzzFindingsTests).
///
/// Characterised mechanically, from the library's own single-character
/// conversions (no list written by hand):
/// - it exists only for the configurations between Simplified and
///   Traditional (s2t, s2tw, s2twp, s2two, s2twpo, s2hk, s2hkp and, the other way, t2s,
///   tw2s, tw2sp, hk2s, hk2sp: `薴` → 苧 → 苎), each paired with its inverse R;
/// - the **doubly read characters** of a configuration C are the scalars y
///   with both (a) C(x) = y for some scalar x ≠ y (y is C's output for
///   another character) and (b) R(z) = y for some scalar z ≠ y (y is the
///   Simplified form of another character), each x, z converted alone, over
///   every scalar from U+0080 to U+323AF;
/// - a violation convert(convert(s)) ≠ convert(s) belongs to the class when
///   every hunk of the scalar-level difference between once and twice (a
///   longest-common-subsequence alignment, line by line) contains, on the
///   once side, a doubly read character. Anything else is a finding.
enum DoubleReading {
  /// The inverse configuration of those the class exists for.
  static func inverse(of config: ConversionConfig) -> ConversionConfig? {
    switch config {
    case .s2t: return .t2s
    case .s2tw: return .tw2s
    case .s2twp: return .tw2sp
    case .s2two: return .tw2s
    case .s2twpo: return .tw2sp
    case .s2hk: return .hk2s
    case .s2hkp: return .hk2sp
    // The same characters read the other way (t2s `薴` → 苧 → 苎).
    case .t2s: return .s2t
    case .tw2s: return .s2tw
    case .tw2sp: return .s2twp
    case .hk2s: return .s2hk
    case .hk2sp: return .s2hkp
    default: return nil
    }
  }

  nonisolated(unsafe) private static var cache: [ConversionConfig: Set<Unicode.Scalar>] = [:]

  /// The doubly read characters of `config` (empty where the class does not
  /// exist), computed on first use (two conversions of every scalar).
  static func characters(of config: ConversionConfig) -> Set<Unicode.Scalar> {
    if let known = cache[config] { return known }
    var result: Set<Unicode.Scalar> = []
    if let inverse = inverse(of: config) {
      let outputs = images(config).intersection(images(inverse))
      result = outputs
      writeStandardError(
        "==FANJIAN KNOWN CLASS== \(config): \(outputs.count) doubly read characters (output of another character, and Simplified form of another): \(String(String.UnicodeScalarView(outputs.sorted())))\n"
      )
    }
    cache[config] = result
    return result
  }

  /// The scalars y that `config` gives for some single scalar x ≠ y.
  static func images(_ config: ConversionConfig) -> Set<Unicode.Scalar> {
    var scalars: [Unicode.Scalar] = []
    var text = ""
    for value in UInt32(0x80)...0x323AF {
      guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
      scalars.append(scalar)
      text.unicodeScalars.append(scalar)
      text.unicodeScalars.append("\n")
    }
    let converter: Converter
    do {
      converter = try Converter(config)
    } catch {
      finding("the built-in tables load", "Converter(.\(config)) threw \(error)")
    }
    // No table key holds a line break, so each line converts alone.
    let lines = converter.convert(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    check(lines.count == scalars.count + 1, "a conversion keeps the lines", "\(config): \(lines.count) lines for \(scalars.count)")
    var images: Set<Unicode.Scalar> = []
    for (scalar, line) in zip(scalars, lines) where line.count == 1 && line.first != scalar {
      if let image = line.first { images.insert(image) }
    }
    return images
  }

  /// Whether `once` → `twice` (C applied again) is explained by the class:
  /// every differing hunk has a doubly read character on the once side.
  static func explains(config: ConversionConfig, once: [UInt8], twice: [UInt8]) -> Bool {
    let doubly = characters(of: config)
    if doubly.isEmpty { return false }
    let a = String(decoding: once, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    let b = String(decoding: twice, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    guard a.count == b.count else { return false }
    for (lineA, lineB) in zip(a, b) where !lineA.elementsEqual(lineB) {
      let x = Array(lineA)
      let y = Array(lineB)
      for hunk in hunks(x, y) where !x[hunk].contains(where: doubly.contains) {
        return false
      }
    }
    return true
  }

  /// The ranges of `a` (possibly empty) that a longest common subsequence
  /// with `b` leaves out, one per hunk of the difference.
  static func hunks(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> [Range<Int>] {
    // Common prefix and suffix first: the table is only the middle.
    var prefix = 0
    while prefix < min(a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    let x = a[prefix..<(a.count - suffix)]
    let y = b[prefix..<(b.count - suffix)]
    let n = x.count
    let m = y.count
    // length[i][j]: LCS of x[i...] and y[j...].
    var length = [Int32](repeating: 0, count: (n + 1) * (m + 1))
    func at(_ i: Int, _ j: Int) -> Int { i * (m + 1) + j }
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          length[at(i, j)] =
            x[x.startIndex + i] == y[y.startIndex + j]
            ? length[at(i + 1, j + 1)] + 1 : max(length[at(i + 1, j)], length[at(i, j + 1)])
        }
      }
    }
    var result: [Range<Int>] = []
    var i = 0
    var j = 0
    var hunkStart: (Int, Int)? = nil
    func close() {
      if let (startI, startJ) = hunkStart, startI < i || startJ < j {
        result.append((prefix + startI)..<(prefix + i))
      }
      hunkStart = nil
    }
    while i < n || j < m {
      if i < n && j < m && x[x.startIndex + i] == y[y.startIndex + j] && length[at(i, j)] == length[at(i + 1, j + 1)] + 1 {
        close()
        i += 1
        j += 1
      } else {
        if hunkStart == nil { hunkStart = (i, j) }
        if j < m && (i == n || length[at(i, j + 1)] >= length[at(i + 1, j)]) { j += 1 } else { i += 1 }
      }
    }
    close()
    return result
  }
}
