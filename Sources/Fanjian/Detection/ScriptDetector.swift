/// Counts the deciding characters of a text, one scalar at a time, for
/// ``Script/detect(in:)``.
struct ScriptDetector {
  let inventory: CharacterInventory
  private var simplified = 0
  private var traditional = 0
  private var han = 0
  private var mismatches: [Standard: Int] = [.traditional: 0, .taiwan: 0, .hongKong: 0]

  init(inventory: CharacterInventory) {
    self.inventory = inventory
  }

  /// Counts one scalar.
  mutating func add(_ scalar: UInt32) {
    guard Self.isHan(scalar) else { return }
    han += 1
    if inventory.isSimplifiedOnly(scalar) {
      simplified += 1
    } else if inventory.isTraditionalOnly(scalar) {
      traditional += 1
    }
    for (standard, characters) in inventory.notWrittenBy where characters.contains(scalar) {
      mismatches[standard, default: 0] += 1
    }
  }

  /// The verdict for everything counted so far.
  var result: ScriptDetection {
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
  static func isHan(_ scalar: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
      || (0x20000...0x3FFFF).contains(scalar)
  }
}
