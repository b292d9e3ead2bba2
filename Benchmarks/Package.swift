// swift-tools-version: 6.1
import PackageDescription

// Fanjian's benchmarks live in their own package so that users of the library
// never resolve package-benchmark (the swift-collections layout).
//
//   cd Benchmarks && swift package benchmark
//
// The MallocInterposer trait alone is enabled: it gives the malloc metrics on
// Swift 6.3+ without the Linux ARC runtime interposer (and its extra package).
let package = Package(
  name: "FanjianBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Fanjian", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "FanjianBenchmarks",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Fanjian", package: "Fanjian"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/FanjianBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // Converts a file a few times in one process and prints the timings as
    // JSON; scripts/compare-engines runs it beside OpenCC's Python binding.
    .executableTarget(
      name: "fanjian-inprocess",
      dependencies: ["BenchmarkSupport", .product(name: "Fanjian", package: "Fanjian")]
    ),
    // What both measure against: the plain per-character table loop.
    .target(name: "BenchmarkSupport", dependencies: [.product(name: "Fanjian", package: "Fanjian")]),
  ]
)
