import ArgumentParser
import Fanjian

/// Lets `-c s2tw` (or `S2TW`, or OpenCC's `s2tw.json`) parse as a configuration;
/// an unknown name is a usage error that lists every valid one.
extension ConversionConfig: ExpressibleByArgument {
  /// Parses a configuration name the way ``ConversionConfig/init(name:)`` does.
  public init?(argument: String) {
    self.init(name: argument)
  }
}
