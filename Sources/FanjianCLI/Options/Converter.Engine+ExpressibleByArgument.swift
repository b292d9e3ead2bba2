import ArgumentParser
import Fanjian

/// Lets `--engine tables|icu` parse as a converter engine.
extension Converter.Engine: ExpressibleByArgument {}
