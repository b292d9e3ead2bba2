/// Reads the table sources in a `data/` folder and composes configurations from them.
package struct TableData {
  /// The `data/` folder.
  package let directory: String

  package init(directory: String) {
    self.directory = directory
  }

  /// The dictionary at a path relative to `data/`.
  package func dictionary(_ relativePath: String) throws(FanjianError) -> ConversionDictionary {
    try ConversionDictionary(contentsOfFile: directory + "/" + relativePath)
  }

  /// The composer for a configuration, from the files its recipe names.
  package func composer(for config: ConversionConfig) throws(FanjianError) -> TableComposer {
    var stages: [[ConversionDictionary]] = []
    for files in TableRecipe.stages(of: config) {
      var dictionaries: [ConversionDictionary] = []
      for file in files { dictionaries.append(try dictionary(file)) }
      stages.append(dictionaries)
    }
    return try TableComposer(config: config, stages: stages)
  }

  /// The compiled blob of a configuration, as the build embeds it.
  package func compiledBlob(for config: ConversionConfig) throws(FanjianError) -> [UInt8] {
    try TableBlob.appendingImage(to: TableBlob.encode(try composer(for: config).composedEntries()), name: config.rawValue)
  }
}
