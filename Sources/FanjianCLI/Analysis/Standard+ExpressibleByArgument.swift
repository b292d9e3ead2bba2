import ArgumentParser
import Fanjian

/// Lets `--to tw` and `--expect tw` parse as a standard (`s`, `t`, `tw`, `hk`).
extension Standard: ExpressibleByArgument {
  /// Parses a short name the way ``Standard/init(name:)`` does.
  public init?(argument: String) {
    self.init(name: argument)
  }

  /// The names `--help` lists.
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
