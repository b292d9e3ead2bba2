import Foundation
import Testing

/// `--help` says what a user needs: config names, examples, exit codes, streaming.
@Suite struct HelpTests {
  @Test func versionNamesTheReleaseAndTheICUItUses() throws {
    let result = try FanjianExecutable.run(["--version"])
    #expect(result.status == 0)
    #expect(result.outputText.hasPrefix("fanjian 0.1.0 (ICU "))
  }

  @Test func rootHelpExplainsConfigNamesExamplesAndExitCodes() throws {
    let result = try FanjianExecutable.run(["--help"])
    #expect(result.status == 0)
    let help = result.outputText
    for needle in ["Simplified", "Taiwan", "Hong Kong", "vocabulary", "EXAMPLES", "EXIT STATUS", "configs", "convert"] {
      #expect(help.contains(needle), "root --help lacks \(needle)")
    }
  }

  @Test func convertHelpExplainsStreamingOutputErrorsAndExitCodes() throws {
    let result = try FanjianExecutable.run(["convert", "--help"])
    #expect(result.status == 0)
    let help = result.outputText
    for needle in [
      "streamed", "--dict", "--engine", "-o", "byte offset", "binary", "already been written", "EXIT STATUS",
      "2 for a usage error", "--in-place", "--backup", "--from", "--to", "--lossy", "--jobs", "--dry-run", "--diff",
      "--include", "fsync", "-i, --input", "OpenCC", "--follow-symlinks", "never converted",
    ] {
      #expect(help.contains(needle), "convert --help lacks \(needle)")
    }
  }

  @Test func configsHelpExplainsNames() throws {
    let result = try FanjianExecutable.run(["configs", "--help"])
    #expect(result.status == 0)
    #expect(result.outputText.contains("Hong Kong"))
  }
}
