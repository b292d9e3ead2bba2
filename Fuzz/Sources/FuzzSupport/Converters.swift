import Fanjian

/// One table converter for every configuration, built once per process.
public let allConverters: [Converter] = ConversionConfig.allCases.map { config in
  do {
    return try Converter(config)
  } catch {
    finding("the built-in tables load", "Converter(.\(config)) threw \(error)")
  }
}

/// Converts valid UTF-8; a throw is a finding.
public func convertValid(_ converter: Converter, _ bytes: [UInt8], _ property: String) -> [UInt8] {
  do {
    return try converter.convert(utf8: bytes)
  } catch {
    finding(property, "\(converter.config): convert(utf8:) threw \(error) on valid UTF-8 \(describe(bytes))")
  }
}
