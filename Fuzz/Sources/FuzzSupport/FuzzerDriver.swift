/// libFuzzer's entry point for programs that have their own `main`
/// (`LLVMFuzzerRunDriver`, in libFuzzer since LLVM 11).
///
/// SwiftPM links an executable target's entry point as `<module>_main` and
/// points `main` at it, so libFuzzer's own `main` is never linked in: each
/// target's main.swift hands its test function to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process's arguments and `test` as the target.
public func runFuzzer(_ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  return LLVMFuzzerRunDriver(&argc, &argv, test)
}
