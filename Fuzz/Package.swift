// swift-tools-version: 6.0
import PackageDescription

// Fanjian's libFuzzer targets live in their own package (like Benchmarks/) so
// that users of the library never see them. Each target is an executable whose
// only entry point is `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`, so
// they only link when built with the fuzzer sanitizer:
//
//   scripts/fuzz convert-bytes 60     # builds, then fuzzes for 60 seconds
//
// (see scripts/fuzz for the exact `swift build` line and README "Fuzzing").
let package = Package(
  name: "FanjianFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Fanjian", path: "..")
  ],
  targets: [
    // The oracles shared by the targets: a UTF-8 validator written from the
    // Unicode standard's table, split plans, and the known-failure reporter.
    .target(name: "FuzzSupport", dependencies: [.product(name: "Fanjian", package: "Fanjian")]),
    .executableTarget(name: "fuzz-convert-bytes", dependencies: ["FuzzSupport", .product(name: "Fanjian", package: "Fanjian")]),
    .executableTarget(name: "fuzz-stream-splits", dependencies: ["FuzzSupport", .product(name: "Fanjian", package: "Fanjian")]),
    .executableTarget(name: "fuzz-dictionary", dependencies: ["FuzzSupport", .product(name: "Fanjian", package: "Fanjian")]),
    .executableTarget(name: "fuzz-normalize", dependencies: ["FuzzSupport", .product(name: "Fanjian", package: "Fanjian")]),
  ]
)
