/// Detects the script of UTF-8 text that arrives in chunks, in constant
/// memory: the counts of ``Script/detect(in:)``, kept as the text goes by.
///
/// ```swift
/// var stream = ScriptDetectionStream()
/// for chunk in chunks { try stream.add(chunk) }
/// let detection = try stream.finish()
/// ```
///
/// Unlike ``Script/detect(utf8:)``, which skips invalid bytes, a stream
/// reports them: the input must be UTF-8.
public struct ScriptDetectionStream {
  private var detector = ScriptDetector(inventory: .builtIn)
  /// The start of a character cut off by the end of the last chunk.
  private var carry: [UInt8] = []
  /// Bytes seen before the current chunk.
  private var offset = 0

  /// Starts a detection.
  public init() {}

  /// The verdict for everything added so far.
  public var result: ScriptDetection { detector.result }

  /// Counts the characters of `chunk`, which may start or end inside a character.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset from the start of the stream.
  public mutating func add(_ chunk: UnsafeRawBufferPointer) throws(FanjianError) {
    guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    var i = 0
    if !carry.isEmpty {
      // Complete the character that the last chunk cut off.
      let start = offset - carry.count
      while i < chunk.count {
        carry.append(base[i])
        i += 1
        let (scalar, length) = carry.withUnsafeBufferPointer { bytes in
          bytes.baseAddress.map { UTF8Scanner.decode($0, at: 0, end: bytes.count) } ?? (0, -1)
        }
        if length > 0 {
          detector.add(scalar)
          carry.removeAll()
          break
        }
        if length < 0 { throw .invalidUTF8(byteOffset: start) }
      }
      if !carry.isEmpty {
        offset += chunk.count
        return
      }
    }
    let end = chunk.count
    // ASCII is skipped a byte at a time; everything else decoded and counted.
    while i < end {
      if base[i] < 0x80 {
        i &+= 1
        continue
      }
      let (scalar, length) = UTF8Scanner.decode(base, at: i, end: end)
      if length > 0 {
        detector.add(scalar)
        i &+= length
      } else if length == 0 {
        carry = Array(UnsafeBufferPointer(start: base + i, count: end - i))
        break
      } else {
        throw .invalidUTF8(byteOffset: offset + i)
      }
    }
    offset += chunk.count
  }

  /// Counts `chunk` (an array of UTF-8 bytes); see ``add(_:)-(UnsafeRawBufferPointer)``.
  public mutating func add(_ chunk: [UInt8]) throws(FanjianError) {
    let result = chunk.withUnsafeBytes { bytes in Result { () throws(FanjianError) in try add(bytes) } }
    try result.get()
  }

  /// The verdict, once the whole text was added.
  ///
  /// - Throws: `FanjianError.invalidUTF8` when the text ended inside a character.
  public func finish() throws(FanjianError) -> ScriptDetection {
    if !carry.isEmpty { throw .invalidUTF8(byteOffset: offset - carry.count) }
    return detector.result
  }
}
