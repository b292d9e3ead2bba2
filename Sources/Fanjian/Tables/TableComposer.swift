/// Composes a configuration's pipeline of stages into one table.
///
/// Running stages one after another costs a pass each; Fanjian instead builds,
/// ahead of time, one table whose keys are every key of the first stage plus
/// every later-stage key carried back to the input script, and whose value
/// for a key is what the whole pipeline makes of it. One leftmost-longest pass
/// over that table then gives the pipeline's result.
package struct TableComposer {
  /// One stage: its merged entries and a matcher over them.
  struct Stage {
    var entries: [[UInt8]: [UInt8]]
    var converter: Converter
  }

  let config: ConversionConfig
  let stages: [Stage]

  /// Prepares the composition from each stage's dictionaries, in priority order.
  package init(config: ConversionConfig, stages: [[ConversionDictionary]]) throws(FanjianError) {
    self.config = config
    var built: [Stage] = []
    for dictionaries in stages {
      var merged: [[UInt8]: [UInt8]] = [:]
      for dictionary in dictionaries.reversed() {
        for entry in dictionary.entries { merged[Array(entry.key.utf8)] = Array(entry.value.utf8) }
      }
      let converter = try Converter(config: config, entries: merged.map { ($0.key, $0.value) })
      built.append(Stage(entries: merged, converter: converter))
    }
    self.stages = built
  }

  /// Runs the stages one after another: the reference the composed table must match.
  package func runSequentially(_ text: String) -> String {
    stages.reduce(text) { $1.converter.convert($0) }
  }

  /// The composed entries, sorted by key bytes, without single-character identities.
  package func composedEntries() -> [(key: [UInt8], value: [UInt8])] {
    composition().entries
  }

  /// The composed entries, and the later-stage keys that no input reaches
  /// (usually a table written in forms the earlier stages never produce).
  package func composition() -> (entries: [(key: [UInt8], value: [UInt8])], unreachable: [String]) {
    guard let first = stages.first else { return ([], []) }
    var keys = Set(first.entries.keys)
    var unreachable: [String] = []
    for index in stages.indices.dropFirst() {
      let prefix = Array(stages[..<index])
      let reverse = Self.reverseCharacterMap(of: prefix)
      for key in stages[index].entries.keys {
        var reached = false
        for candidate in Self.preimages(of: key, reverse: reverse) {
          let text = String(decoding: candidate, as: UTF8.self)
          if Array(prefix.reduce(text) { $1.converter.convert($0) }.utf8) == key {
            keys.insert(candidate)
            reached = true
          }
        }
        if !reached { unreachable.append(String(decoding: key, as: UTF8.self)) }
      }
    }
    var result: [(key: [UInt8], value: [UInt8])] = []
    for key in keys {
      let value = Array(runSequentially(String(decoding: key, as: UTF8.self)).utf8)
      let isSingleScalar = String(decoding: key, as: UTF8.self).unicodeScalars.count == 1
      if isSingleScalar && value == key { continue }
      result.append((key, value))
    }
    let identities = Set(identityOutputs(of: result, keys: keys))
    result.removeAll { identities.contains($0.key) }
    for value in identities { result.append((value, value)) }
    let taken = Set(result.map(\.key))
    for guarded in leftOverlapGuards(of: result) where !taken.contains(guarded) {
      result.append((guarded, guarded))
    }
    result.sort { $0.key.lexicographicallyPrecedes($1.key) }
    return (result, unreachable.sorted())
  }

  /// The phrase outputs that get an entry mapping to themselves.
  ///
  /// Every phrase's output stays as it is when converted again, so that a
  /// conversion is idempotent and text already in the target form (such as
  /// half-converted input) keeps the forms a phrase decided: s2t turns 干扰
  /// into 干擾, and 干擾 itself must not become 幹擾. An output that could be
  /// input too (no character of it is what the character table writes for
  /// another, as in 列印) and converts to itself anyway needs no entry; one
  /// would only hide the phrases that start inside it (列印 over 印制 in
  /// 列印制发). An output holding a converted character (顯 in 顯著) keeps its
  /// entry: in 顯著色素 it must win over 著色 → 着色 for converting twice to
  /// change nothing.
  ///
  /// Converting an output alone is not enough: what follows it can complete
  /// a key that starts inside it. s2tw turns 一并 into 一併 and 受雇 into 受僱,
  /// while its keys 併發 → 並發 and 僱員 → 雇員 would rewrite those outputs'
  /// last character in 一併發 and 受僱員工 (so converting again flipped them
  /// back and forth). Such an output gets its entry too: a key starting
  /// inside it runs past its end and changes the characters it overlaps.
  /// (列印 still gets none: 印制 → 印製 leaves the 印 it overlaps as it is.)
  ///
  /// An output that is itself a key with another value gets its entry when
  /// that key is not one of the first stage's own (an input-script word) but
  /// only a later stage's key carried back: s2twp writes 計算機 for 计算器 and
  /// 電腦 for 计算机, and the Traditional 計算機 it wrote must stay 計算機.
  private func identityOutputs(of result: [(key: [UInt8], value: [UInt8])], keys: Set<[UInt8]>) -> [[UInt8]] {
    var outputs = Set<[UInt8]>()
    let written = Self.writtenScalars(of: result)
    let firstStageKeys = stages.first.map { Set($0.entries.keys) } ?? []
    let values = Dictionary(result.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    var outputKeys = Set<[UInt8]>()
    for (key, value) in result {
      let valueScalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
      if valueScalars.count > 1, value != key {
        if !keys.contains(value) {
          outputs.insert(value)
        } else if !firstStageKeys.contains(value), values[value] != value {
          outputKeys.insert(value)
        }
      }
    }
    let rewrittenPrefixes = Self.rewrittenPrefixes(of: result)
    guard let plain = try? Converter(config: config, entries: result) else { return Array(outputs) }
    let kept = outputs.filter { output in
      let text = String(decoding: output, as: UTF8.self)
      if text.unicodeScalars.contains(where: written.contains) || Array(plain.convert(text).utf8) != output { return true }
      // A key that starts inside the output, runs past its end and rewrites what it overlaps.
      let scalars = Array(text.unicodeScalars)
      for start in 1..<scalars.count {
        var suffix = String.UnicodeScalarView()
        suffix.append(contentsOf: scalars[start...])
        if rewrittenPrefixes.contains(Array(String(suffix).utf8)) { return true }
      }
      return false
    }
    return Array(kept.union(outputKeys))
  }

  /// The characters the table writes for another character (标 for 標).
  private static func writtenScalars(of result: [(key: [UInt8], value: [UInt8])]) -> Set<Unicode.Scalar> {
    var written = Set<Unicode.Scalar>()
    for (key, value) in result {
      let keyScalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
      let valueScalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
      if keyScalars.count == 1, valueScalars.count == 1, keyScalars != valueScalars { written.insert(valueScalars[0]) }
    }
    return written
  }

  /// Keys that guard a phrase output against a key starting before it.
  ///
  /// tw2sp turns 滑鼠 into 鼠标, so 滑滑鼠 gives 滑鼠标, which is right; but the 滑
  /// before the output and the output's 鼠 are the key 滑鼠 again, and a second
  /// pass gave 鼠标标. For every key that changes text and whose end is a prefix
  /// of a phrase output (滑鼠 ends on 鼠, which starts 鼠标), the key's start
  /// followed by the whole output becomes a key of its own that maps to itself
  /// (滑鼠标), so converted text converts to itself. A guard is made only where
  /// it is needed: the output starts otherwise than its key (鼠 where the input
  /// had 滑; a word converted character by character reads the same characters
  /// the second time), the output holds a character the table writes for another
  /// (标 for 標: text with it is a conversion's output, not input the key was
  /// meant for), the output alone and the key's start alone are text a
  /// conversion leaves as it is (鼠标, 滑), and the two together do change.
  private func leftOverlapGuards(of result: [(key: [UInt8], value: [UInt8])]) -> [[UInt8]] {
    let written = Self.writtenScalars(of: result)
    guard let plain = try? Converter(config: config, entries: result) else { return [] }
    // The starts of changing keys, by the rest of the key they leave (滑 by 鼠).
    var startsByRest: [[Unicode.Scalar]: [[Unicode.Scalar]]] = [:]
    for (key, value) in result where key != value {
      let scalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
      guard scalars.count > 1 else { continue }
      for split in 1..<scalars.count {
        startsByRest[Array(scalars[split...]), default: []].append(Array(scalars[..<split]))
      }
    }
    var guards = Set<[UInt8]>()
    for (key, value) in result where key != value {
      let input = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
      let output = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
      let outputText = String(String.UnicodeScalarView(output))
      guard output.count > 1, output.contains(where: written.contains), plain.convert(outputText) == outputText else {
        continue
      }
      for length in 1...output.count {
        // Where the output starts as the key did (里瓦爾多 for 里瓦尔多), a key over
        // that start saw the same characters the first time, after the same
        // preceding output, which its own entries keep as it is.
        if length <= input.count, Array(input[..<length]) == Array(output[..<length]) { break }
        for start in startsByRest[Array(output[..<length])] ?? [] {
          let before = String(String.UnicodeScalarView(start))
          let text = before + outputText
          guard plain.convert(before) == before, plain.convert(text) != text else { continue }
          guards.insert(Array(text.utf8))
        }
      }
    }
    return Array(guards)
  }

  /// The proper prefixes of phrase keys (two or more characters) whose
  /// value does not begin with that prefix: text ending in such a prefix is
  /// rewritten when the rest of the key follows.
  private static func rewrittenPrefixes(of result: [(key: [UInt8], value: [UInt8])]) -> Set<[UInt8]> {
    var prefixes = Set<[UInt8]>()
    for (key, value) in result where key != value {
      let scalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
      guard scalars.count > 1 else { continue }
      var prefix: [UInt8] = []
      for scalar in scalars.dropLast() {
        prefix += Array(String(scalar).utf8)
        if !value.starts(with: prefix) { prefixes.insert(prefix) }
      }
    }
    return prefixes
  }

  /// For each character, the characters the prefix pipeline turns into it.
  private static func reverseCharacterMap(of prefix: [Stage]) -> [Unicode.Scalar: [Unicode.Scalar]] {
    var reverse: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    var sources = Set<[UInt8]>()
    for stage in prefix {
      for key in stage.entries.keys where String(decoding: key, as: UTF8.self).unicodeScalars.count == 1 {
        sources.insert(key)
      }
    }
    for key in sources.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let text = String(decoding: key, as: UTF8.self)
      let output = prefix.reduce(text) { $1.converter.convert($0) }
      let outputScalars = Array(output.unicodeScalars)
      guard outputScalars.count == 1, let source = text.unicodeScalars.first else { continue }
      reverse[outputScalars[0], default: []].append(source)
    }
    // Phrases also decide characters: s2t writes 制 as 製 only inside words
    // (制程 → 製程), so a later key written 進製程 is reached from 进制程.
    for stage in prefix {
      for (key, value) in stage.entries {
        let keyScalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
        let valueScalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
        guard keyScalars.count > 1, keyScalars.count == valueScalars.count else { continue }
        for (source, output) in zip(keyScalars, valueScalars) where source != output {
          if !(reverse[output]?.contains(source) ?? false) { reverse[output, default: []].append(source) }
        }
      }
    }
    for output in reverse.keys { reverse[output]!.sort() }
    return reverse
  }

  /// Strings whose characters map to `key`'s characters (capped, to stay small).
  private static func preimages(of key: [UInt8], reverse: [Unicode.Scalar: [Unicode.Scalar]]) -> [[UInt8]] {
    var partials: [String] = [""]
    for scalar in String(decoding: key, as: UTF8.self).unicodeScalars {
      let options = (reverse[scalar] ?? []).filter { $0 != scalar } + [scalar]
      var next: [String] = []
      for partial in partials {
        for option in options where next.count < 256 {
          next.append(partial + String(Character(option)))
        }
      }
      partials = next
    }
    return partials.map { Array($0.utf8) }
  }
}
