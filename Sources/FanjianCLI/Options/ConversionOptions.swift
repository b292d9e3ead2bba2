import ArgumentParser
import Fanjian

/// The options that choose what a conversion does: the configuration, user
/// dictionaries and the engine.
struct ConversionOptions: ParsableArguments {
  /// The conversion to run.
  @Option(
    name: [.short, .customLong("config")],
    help: ArgumentHelp(
      "The conversion to run, such as s2t or tw2sp (see `fanjian configs`).",
      discussion: "s = Simplified, t = Traditional (OpenCC standard forms), tw = Taiwan, hk = Hong Kong; "
        + "a trailing p also converts vocabulary. OpenCC's names and configuration files are accepted "
        + "(s2tw.json, /usr/share/opencc/s2twp.json): a file is mapped by its name, its dictionaries are not read.",
      valueName: "config"),
    transform: { argument in try ConversionConfig.parsing(openCCArgument: argument) })
  var config: ConversionConfig

  /// User dictionaries, in the order given; later ones win.
  @Option(
    name: .customLong("dict"),
    help: ArgumentHelp(
      "An OpenCC-format text dictionary (key<TAB>value per line) whose entries take priority over the built-in ones. "
        + "Repeatable; a later file wins over an earlier one.",
      valueName: "file"))
  var dictionaries: [String] = []

  /// The engine to convert with.
  @Option(
    help: ArgumentHelp(
      "tables: Fanjian's own tables (default). icu: ICU's transliterator, for comparison "
        + "(s2t, s2tw, s2hk, t2s, tw2s, hk2s only; buffers whole lines).",
      valueName: "engine"))
  var engine: Converter.Engine = .tables

  /// Loads the dictionaries and builds the converter.
  ///
  /// - Throws: `FanjianError.unsupportedEngine` when the engine cannot run the
  ///   configuration (a usage error); `FanjianError.unreadableDictionary` or
  ///   `.malformedDictionary` when a dictionary cannot be read or parsed.
  func makeConverter() throws(FanjianError) -> Converter {
    var loaded: [ConversionDictionary] = []
    for path in dictionaries {
      loaded.append(try ConversionDictionary(contentsOfFile: path))
    }
    return try Converter(config, engine: engine, dictionaries: loaded)
  }
}
