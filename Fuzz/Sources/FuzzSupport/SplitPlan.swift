/// A small deterministic generator (SplitMix64), so that an input file alone
/// reproduces everything a target did with it.
public struct SplitMix64 {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// Seeds from the bytes themselves (FNV-1a), for plans derived from an input.
  public init(hashing bytes: UnsafeRawBufferPointer) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
    state = hash
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (`bound > 0`).
  public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Chunk lengths that cover `count` bytes: a mix of empty chunks, single bytes,
/// a few bytes (to cut characters and keys), and longer runs.
public func chunkLengths(count: Int, generator: inout SplitMix64) -> [Int] {
  var lengths: [Int] = []
  var left = count
  while left > 0 {
    let length: Int
    switch generator.next(below: 8) {
    case 0: length = 0
    case 1, 2: length = 1
    case 3, 4, 5: length = 1 + generator.next(below: 4)
    case 6: length = 1 + generator.next(below: 16)
    default: length = 1 + generator.next(below: 256)
    }
    let taken = min(length, left)
    lengths.append(taken)
    left -= taken
  }
  return lengths
}
