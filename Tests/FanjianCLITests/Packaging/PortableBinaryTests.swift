import Foundation
import Testing

/// The tables are embedded in the executable: a copy on its own, with no
/// data files next to it, must work.
///
/// What this does not check: the debug binary under test still loads the
/// Swift runtime from the toolchain (through its RUNPATH), which is still
/// installed. That the release binary needs no toolchain at all is checked by
/// `scripts/build-static` (run by `.ci/run`): `ldd` lists no Swift library,
/// and a copy runs with an empty environment and the toolchain hidden.
@Suite struct PortableBinaryTests {
  @Test func binaryConvertsWhenCopiedAloneToAnotherFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanjian-alone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("fanjian")
    try FileManager.default.copyItem(at: try FanjianExecutable.url.get(), to: copy)
    let input = folder.appendingPathComponent("in.txt")
    let output = folder.appendingPathComponent("out.txt")
    try Data("简体中文转换\n".utf8).write(to: input)

    let process = Process()
    process.executableURL = copy
    process.arguments = ["convert", "-c", "s2t", input.path, "-o", output.path]
    process.currentDirectoryURL = folder
    try process.run()
    process.waitUntilExit()

    #expect(process.terminationStatus == 0)
    #expect(try String(contentsOf: output, encoding: .utf8) == "簡體中文轉換\n")
  }
}
