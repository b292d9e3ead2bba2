// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Fanjian",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Fanjian", targets: ["Fanjian"]),
    .executable(name: "fanjian", targets: ["FanjianCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // A narrow C seam over ICU (Debian's libicu-dev). ICU's headers are included
    // only in the .c file so that they never meet Foundation's own copy.
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
      ]
    ),
    // The compiled conversion tables, embedded in the binary with C23 #embed so
    // that an executable works when copied alone (no resource bundle).
    .target(name: "CFanjianTables", exclude: ["blobs"]),
    // System calls the Glibc module lacks (sync_file_range), for the CLI's output files.
    .target(name: "CSystemCalls"),
    .target(name: "Fanjian", dependencies: ["CICU", "CFanjianTables"]),
    // The `fanjian` command. Its module is FanjianCLI, not `fanjian`: a module
    // whose name differs from the library's only in case clashes on
    // case-insensitive file systems (macOS).
    .executableTarget(
      name: "FanjianCLI",
      dependencies: ["Fanjian", "CSystemCalls", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Regenerates data/icu/ from ICU and compiles data/ into the embedded tables.
    .executableTarget(name: "fanjian-tables", dependencies: ["Fanjian"]),
    // Fixtures are read through #filePath, not bundled as resources.
    .testTarget(name: "FanjianTests", dependencies: ["Fanjian"], exclude: ["Fixtures"]),
    .testTarget(name: "FanjianCLITests", dependencies: ["FanjianCLI", "Fanjian"]),
  ]
)
