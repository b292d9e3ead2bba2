import ArgumentParser
import Fanjian

/// `fanjian configs`: lists every configuration with a one-line description.
struct Configs: ParsableCommand {
  static let configuration = CommandConfiguration(
    // Named here: deriving the name from the type costs start-up time.
    commandName: "configs",
    abstract: "List the conversion configurations.",
    discussion: """
      Prints one configuration a line: its name, then what it converts. Pass the \
      name to `fanjian convert -c`.

      Names read as source2target: s = Simplified, t = Traditional (OpenCC's \
      standard forms), tw = Taiwan standard, hk = Hong Kong standard, jp = \
      Japanese Shinjitai; a trailing p also converts regional vocabulary (软件 → 軟體), \
      and a trailing o writes Taiwan's official forms for government and legal text \
      (s2two: 臺灣 占用 瞭解, where s2tw writes everyday Taiwan's 台灣 佔用 了解).
      """)

  /// Prints the listing.
  func run() {
    print(Self.listing(), terminator: "")
  }

  /// The listing: each name padded to a common width, then its summary.
  static func listing() -> String {
    let width = ConversionConfig.allCases.map(\.rawValue.count).max() ?? 0
    var text = ""
    for config in ConversionConfig.allCases {
      let padding = String(repeating: " ", count: width - config.rawValue.count + 2)
      text += config.rawValue + padding + config.summary + "\n"
    }
    return text
  }
}
