/// Counts the deciding characters of a text, one scalar at a time, for
/// ``Script/detect(in:)``.
struct ScriptDetector {
  let inventory: CharacterInventory
  private var simplified = 0
  private var traditional = 0
  private var han = 0
  private var traditionalMismatches = 0
  private var taiwanMismatches = 0
  private var hongKongMismatches = 0

  init(inventory: CharacterInventory) {
    self.inventory = inventory
  }

  /// Counts one scalar: one table lookup (``CharacterInventory/flags(of:)``).
  @inline(__always)
  mutating func add(_ scalar: UInt32) {
    guard Self.isHan(scalar) else { return }
    han &+= 1
    let flags = inventory.flags(of: scalar)
    guard flags != 0 else { return }
    typealias Flag = CharacterInventory.Flag
    if flags & Flag.simplifiedOnly != 0 {
      simplified &+= 1
    } else if flags & Flag.traditionalOnly != 0 {
      traditional &+= 1
    }
    if flags & Flag.notWrittenByTraditional != 0 { traditionalMismatches &+= 1 }
    if flags & Flag.notWrittenByTaiwan != 0 { taiwanMismatches &+= 1 }
    if flags & Flag.notWrittenByHongKong != 0 { hongKongMismatches &+= 1 }
  }

  /// The verdict for everything counted so far.
  var result: ScriptDetection {
    let mismatches: [Standard: Int] = [
      .traditional: traditionalMismatches, .taiwan: taiwanMismatches, .hongKong: hongKongMismatches,
    ]
    let script: Script
    let minority = min(simplified, traditional)
    if simplified + traditional < ScriptDetection.minimumEvidence {
      script = .undetermined
    } else if minority >= 2 && minority * 100 >= simplified + traditional {
      script = .mixed
    } else {
      script = traditional > simplified ? .traditional : .simplified
    }
    var standard: Standard?
    if script == .traditional || (script == .mixed && traditional > simplified), mismatches.values.contains(where: { $0 > 0 }) {
      let fewest = mismatches.values.min() ?? 0
      let best = mismatches.filter { $0.value == fewest }.map(\.key)
      if best.count == 1 { standard = best[0] }
    }
    return ScriptDetection(
      script: script, simplifiedCount: simplified, traditionalCount: traditional, hanCount: han, standard: standard,
      variantMismatches: mismatches)
  }

  /// Whether `scalar` is a CJK unified or compatibility ideograph.
  @inline(__always)
  static func isHan(_ scalar: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
      || (0x20000...0x3FFFF).contains(scalar)
  }
}
