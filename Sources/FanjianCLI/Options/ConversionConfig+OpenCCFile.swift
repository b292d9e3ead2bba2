import ArgumentParser
import Fanjian

/// `-c` as OpenCC users give it: a name (`s2t`, `s2t.json`) or the path of an
/// OpenCC configuration file (`/usr/share/opencc/s2twp.json`, `./t2s.json`).
///
/// Fanjian has its own tables and never reads OpenCC's dictionaries, so a
/// file is mapped, not interpreted: by its file name when that is one of
/// OpenCC's standard configuration names, else by the `"name"` field OpenCC
/// writes into its standard files ("Simplified Chinese to Traditional
/// Chinese", …). Anything else is a usage error that says which names map.
extension ConversionConfig {
  /// The `"name"` of each of OpenCC's standard configuration files (OpenCC
  /// 1.1), lowercased, with the configuration it maps to.
  static let openCCFileNames: [(name: String, config: String)] = [
    ("simplified chinese to traditional chinese", "s2t"),
    ("traditional chinese to simplified chinese", "t2s"),
    ("simplified chinese to traditional chinese (taiwan standard)", "s2tw"),
    ("traditional chinese (taiwan standard) to simplified chinese", "tw2s"),
    ("simplified chinese to traditional chinese (taiwan standard, with phrases)", "s2twp"),
    ("traditional chinese (taiwan standard) to simplified chinese (with phrases)", "tw2sp"),
    ("simplified chinese to traditional chinese (hong kong variant)", "s2hk"),
    ("traditional chinese (hong kong variant) to simplified chinese", "hk2s"),
    ("traditional chinese to traditional chinese (taiwan standard)", "t2tw"),
    ("traditional chinese (taiwan standard) to traditional chinese", "tw2t"),
    ("traditional chinese to traditional chinese (hong kong variant)", "t2hk"),
    ("traditional chinese (hong kong variant) to traditional chinese", "hk2t"),
    ("traditional chinese characters (kyūjitai) to new japanese kanji (shinjitai)", "t2jp"),
    ("new japanese kanji (shinjitai) to traditional chinese characters (kyūjitai)", "jp2t"),
  ]

  /// Parses `-c`: a configuration name, or an OpenCC configuration file mapped
  /// by its file name or its `"name"` field.
  ///
  /// - Throws: `ValidationError` naming the argument and the names that map.
  static func parsing(openCCArgument argument: String) throws(ValidationError) -> ConversionConfig {
    if let config = ConversionConfig(name: argument) { return config }
    let isPath = argument.contains("/") || argument.lowercased().hasSuffix(".json")
    let names = allCases.map(\.rawValue).joined(separator: ", ")
    guard isPath else {
      throw ValidationError("not a configuration; choose one of \(names) (`fanjian configs` describes them)")
    }
    let fileName = FileSystem.basename(argument)
    if let config = ConversionConfig(name: fileName) { return config }
    var detail = "its file name is not a configuration name"
    if !FileSystem.exists(argument) {
      detail += " (and there is no such file)"
    } else if let field = openCCNameField(ofFile: argument) {
      if let config = openCCFileNames.first(where: { $0.name == field.lowercased() }).flatMap({
        ConversionConfig(name: $0.config)
      }) {
        return config
      }
      detail += " and its \"name\" (\(field)) is not one of OpenCC's standard configurations"
    }
    throw ValidationError(
      "cannot map this OpenCC configuration file: \(detail). Fanjian has its own tables and does not read "
        + "OpenCC's dictionaries; it maps a file named after one of its configurations (\(names), with or "
        + "without .json, in any folder) or carrying the \"name\" of one of OpenCC's standard files. "
        + "Give -c one of those names.")
  }

  /// The `"name"` field of a JSON file, or `nil` when it cannot be read or has none.
  ///
  /// A small scan, not a JSON parser: the first `"name": "…"` pair wins, which
  /// in OpenCC's files is the top-level one.
  static func openCCNameField(ofFile path: String) -> String? {
    guard let descriptor = try? FileDescriptor.openForReading(path) else { return nil }
    defer { try? descriptor.close() }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    // OpenCC's configuration files are a few hundred bytes; a large file is not one.
    while bytes.count < 1 << 16 {
      let count = buffer.withUnsafeMutableBytes { (try? descriptor.read(into: $0)) ?? 0 }
      if count == 0 { break }
      bytes += buffer[..<count]
    }
    let key = Array("\"name\"".utf8)
    guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: key) }) else { return nil }
    var index = start + key.count
    func skipSpaces() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
    skipSpaces()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipSpaces()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
    return String(validating: bytes[index..<end], as: UTF8.self)
  }
}
