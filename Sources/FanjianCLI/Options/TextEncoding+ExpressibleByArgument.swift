import ArgumentParser
import Fanjian

/// Lets `--to big5` parse as an encoding; an unknown name is a usage error.
extension TextEncoding: ExpressibleByArgument {
  /// Parses an encoding name the way ``TextEncoding/init(name:)`` does.
  public init?(argument: String) {
    guard let encoding = try? TextEncoding(name: argument) else { return nil }
    self = encoding
  }
}

/// `--from utf-8,gb18030`: the encodings to try, in order.
struct EncodingList: ExpressibleByArgument, Equatable {
  /// The encodings, first choice first.
  var encodings: [TextEncoding]

  init(_ encodings: [TextEncoding]) {
    self.encodings = encodings
  }

  init?(argument: String) {
    var encodings: [TextEncoding] = []
    for name in argument.split(separator: ",") {
      guard let encoding = try? TextEncoding(name: name.trimmingSpaces()) else { return nil }
      if !encodings.contains(encoding) { encodings.append(encoding) }
    }
    guard !encodings.isEmpty else { return nil }
    self.encodings = encodings
  }

  var defaultValueDescription: String { encodings.map(\.name).joined(separator: ",") }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
