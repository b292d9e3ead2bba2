import Foundation

/// The shared example files: `shared/examples` next to the repository
/// (the repository root is four folders up from this file).
enum ExampleArticle {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let examples = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")
  static let fixtures = repositoryRoot.appendingPathComponent("Tests/FanjianTests/Fixtures")

  /// The real, machine-converted article that mixes scripts and standards.
  static var mixed: String { get throws { try read(examples.appendingPathComponent("mixed-traditional-article.txt")) } }
  /// The same article in correct Simplified Chinese.
  static var simplified: String {
    get throws { try read(examples.appendingPathComponent("mixed-traditional-article.simplified.txt")) }
  }
  /// The hand-checked normalization of the mixed article to a standard.
  static func normalized(_ name: String) throws -> String {
    try read(fixtures.appendingPathComponent("mixed-traditional-article.normalized-\(name).txt"))
  }

  private static func read(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }
}
