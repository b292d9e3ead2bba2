import Benchmark
import BenchmarkSupport
import Fanjian
import Foundation

// Run with `cd Benchmarks && swift package benchmark`; `--filter 's2t.*'` picks
// benchmarks by name. Every benchmark keeps its inputs and converters outside
// the measured region, so the numbers are conversion alone.

/// Metrics of our own, beside package-benchmark's.
enum FanjianMetric {
  /// Input megabytes (10^6 bytes) converted per second, timed around the conversion call.
  static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
  /// Bytes held by a converter's compiled tables (`Converter.tableMemory`).
  static let tableBytes = BenchmarkMetric.custom("table bytes", polarity: .prefersSmaller, useScalingFactor: false)
  /// A conversion's MB/s as a percentage of the plain per-character table
  /// loop's (``CharacterTableLimit``) on the same input, measured in the same
  /// process just before: how close the converter runs to that limit.
  static let percentOfLimit = BenchmarkMetric.custom(
    "% of char-table limit", polarity: .prefersLarger, useScalingFactor: false)
}

/// A regression of more than 5 % in the median of any of `metrics` fails
/// `swift package benchmark baseline check` (time, throughput, MB/s, share
/// of the limit, allocations, memory).
func regressionThresholds(_ metrics: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkThresholds] {
  Dictionary(uniqueKeysWithValues: metrics.map { ($0, BenchmarkThresholds(relative: [.p50: 5.0])) })
}

let benchmarks: @Sendable () -> Void = {
  let defaultMetrics: [BenchmarkMetric] = [.wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
  Benchmark.defaultConfiguration = .init(
    metrics: defaultMetrics,
    warmupIterations: 1,
    maxDuration: .seconds(2),
    maxIterations: 1_000,
    thresholds: regressionThresholds(defaultMetrics)
  )

  // Whole-corpus throughput of the byte API, the CLI's and servers' hot path.
  let throughputCases: [(ConversionConfig, Corpus.File)] = [
    (.s2t, .zhHansLaws), (.s2tw, .zhHansLaws), (.s2twp, .zhHansLaws), (.s2hk, .zhHansLaws),
    (.s2t, .zuozhuan), (.s2tw, .zuozhuan), (.s2twp, .zuozhuan), (.s2hk, .zuozhuan),
    (.t2s, .zhHantTWLaws), (.tw2s, .zhHantTWLaws),
  ]
  for (config, file) in throughputCases {
    registerBytesThroughput(config, file, engine: .tables)
  }
  // ICU's transliterator in the same process, as a reference (it is much slower,
  // so only on the small corpus).
  registerBytesThroughput(.s2t, .zuozhuan, engine: .icu)
  registerStreamThroughput(.s2t, .zhHansLaws, chunkSize: 64 * 1024)
  // The limit itself, on each corpus: a plain per-character table (s2t's, or t2s's).
  registerCharacterTableLimit(.s2t, .zhHansLaws)
  registerCharacterTableLimit(.s2t, .zuozhuan)
  registerCharacterTableLimit(.t2s, .zhHantTWLaws)
  registerStringThroughput(.s2t, .zuozhuan)
  registerNormalizeThroughput(.traditional, .zhHantTWLaws)
  registerNormalizeBenchmarks()

  // Per-call cost on a short sentence, the common case in apps: fixed
  // overhead (allocations, String bridging) dominates here, not the matcher.
  Benchmark(
    "s2t short sentence (String) x1000",
    configuration: .init(
      metrics: [.wallClock, .throughput, .mallocCountTotal],
      scalingFactor: .kilo, maxDuration: .seconds(1),
      thresholds: regressionThresholds([.wallClock, .throughput, .mallocCountTotal])
    )
  ) { benchmark throws in
    let converter = try Converter(.s2t)
    let sentence = "头发和软件都在服务器里面，这个程序员说：“我们明天再干吧。”"
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(converter.convert(sentence))
    }
  }

  // Building a converter from the embedded tables: start-up cost of the CLI and
  // of every process that converts one short string.
  for config in ConversionConfig.allCases {
    let metrics: [BenchmarkMetric] = [
      .wallClock, .cpuTotal, .mallocCountTotal, .mallocBytesCount, .peakMemoryResident, FanjianMetric.tableBytes,
    ]
    Benchmark(
      "Converter(.\(config.rawValue))",
      configuration: .init(
        metrics: metrics, maxDuration: .seconds(1), maxIterations: 200, thresholds: regressionThresholds(metrics)
      )
    ) { benchmark throws in
      for _ in benchmark.scaledIterations {
        let converter = try Converter(config)
        benchmark.measurement(FanjianMetric.tableBytes, converter.tableMemory)
        blackHole(converter)
      }
    }
  }
}

/// Registers a throughput benchmark over `file`, whose corpus and converter
/// (`config`, `engine`) are prepared by the setup hook, outside the measured
/// region; `body` runs the iterations and reports MB/s.
private func registerCorpusBenchmark(
  _ name: String, _ config: ConversionConfig, _ file: Corpus.File, engine: Converter.Engine = .tables,
  warmupIterations: Int = 1, maxIterations: Int = 1_000, measuresLimit: Bool = false,
  body: @escaping @Sendable (Benchmark, State, Converter) throws -> Void
) {
  let state = State()
  let metrics = Benchmark.defaultConfiguration.metrics + [FanjianMetric.megabytesPerSecond]
    + (measuresLimit ? [FanjianMetric.percentOfLimit] : [])
  Benchmark(
    name,
    configuration: .init(
      metrics: metrics,
      warmupIterations: warmupIterations,
      maxIterations: maxIterations,
      thresholds: regressionThresholds(metrics),
      setup: { try state.prepare(config, file, engine: engine, measuringLimit: measuresLimit) },
      teardown: { state.reset() }
    )
  ) { benchmark throws in
    try body(benchmark, state, try state.converter())
  }
}

/// Registers the plain per-character table loop over `file`, with
/// `config`'s single-character replacements: the limit the converters'
/// "% of char-table limit" is measured against.
private func registerCharacterTableLimit(_ config: ConversionConfig, _ file: Corpus.File) {
  registerCorpusBenchmark("char-table limit (\(config.rawValue)) \(file.label)", config, file) {
    benchmark, state, converter in
    let limit = state.limit(for: converter)
    benchmark.startMeasurement()
    state.input.withUnsafeBytes { input in
      for _ in benchmark.scaledIterations {
        let start = ContinuousClock.now
        limit.convert(input, into: &state.output)
        benchmark.measurement(FanjianMetric.megabytesPerSecond, megabytesPerSecond(input.count, since: start))
      }
    }
    blackHole(state.output)
  }
}

/// Registers `config` over the whole of `file` through
/// `convert(utf8:appendingTo:)`, into an output array reused across iterations.
private func registerBytesThroughput(_ config: ConversionConfig, _ file: Corpus.File, engine: Converter.Engine) {
  let name = engine == .tables ? "\(config.rawValue) \(file.label)" : "\(config.rawValue) \(file.label) (ICU)"
  registerCorpusBenchmark(
    name, config, file, engine: engine, warmupIterations: engine == .icu ? 0 : 1,
    maxIterations: engine == .icu ? 3 : 1_000, measuresLimit: engine == .tables
  ) { benchmark, state, converter in
    try state.input.withUnsafeBytes { input in
      for _ in benchmark.scaledIterations {
        state.output.removeAll(keepingCapacity: true)
        let start = ContinuousClock.now
        try converter.convert(utf8: input, appendingTo: &state.output)
        let speed = megabytesPerSecond(input.count, since: start)
        benchmark.measurement(FanjianMetric.megabytesPerSecond, speed)
        if state.limitMegabytesPerSecond > 0 {
          benchmark.measurement(FanjianMetric.percentOfLimit, speed * 100 / state.limitMegabytesPerSecond)
        }
      }
    }
    blackHole(state.output)
  }
}

/// Registers `config` over `file` fed to a `ConversionStream` in chunks of
/// `chunkSize` bytes, as `fanjian convert` reads a pipe.
private func registerStreamThroughput(_ config: ConversionConfig, _ file: Corpus.File, chunkSize: Int) {
  let name = "\(config.rawValue) \(file.label) (stream, \(chunkSize / 1024) KiB chunks)"
  registerCorpusBenchmark(name, config, file) { benchmark, state, converter in
    try state.input.withUnsafeBytes { input in
      for _ in benchmark.scaledIterations {
        let start = ContinuousClock.now
        var stream = converter.makeStream()
        var offset = 0
        while offset < input.count {
          let end = min(offset + chunkSize, input.count)
          // Like a CLI writing each chunk's output out: the buffer is reused.
          state.output.removeAll(keepingCapacity: true)
          try stream.convert(UnsafeRawBufferPointer(rebasing: input[offset..<end]), appendingTo: &state.output)
          offset = end
        }
        try stream.finish(appendingTo: &state.output)
        benchmark.measurement(FanjianMetric.megabytesPerSecond, megabytesPerSecond(input.count, since: start))
      }
    }
    blackHole(state.output)
  }
}

/// Registers `config` over `file` through the `String` API (`convert(_:)`).
private func registerStringThroughput(_ config: ConversionConfig, _ file: Corpus.File) {
  registerCorpusBenchmark("\(config.rawValue) \(file.label) (String)", config, file) { benchmark, state, converter in
    for _ in benchmark.scaledIterations {
      let start = ContinuousClock.now
      blackHole(converter.convert(state.text))
      benchmark.measurement(FanjianMetric.megabytesPerSecond, megabytesPerSecond(state.input.count, since: start))
    }
  }
}

/// Registers `Normalizer(target:)` over `file`: the analysis path (two aligned
/// conversions and a decision per differing character), not the hot loop.
private func registerNormalizeThroughput(_ target: Standard, _ file: Corpus.File) {
  registerCorpusBenchmark("normalize to \(target.rawValue) \(file.label)", .s2t, file, maxIterations: 20) {
    benchmark, state, _ in
    let normalizer = try Normalizer(target: target)
    for _ in benchmark.scaledIterations {
      let start = ContinuousClock.now
      blackHole(try normalizer.normalize(utf8: state.input))
      benchmark.measurement(FanjianMetric.megabytesPerSecond, megabytesPerSecond(state.input.count, since: start))
    }
  }
}

private func megabytesPerSecond(_ bytes: Int, since start: ContinuousClock.Instant) -> Int {
  let elapsed = start.duration(to: .now)
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  return seconds > 0 ? Int((Double(bytes) / seconds / 1e6).rounded()) : 0
}

/// One benchmark's inputs, prepared by its setup hook outside the measured region.
///
/// package-benchmark runs a benchmark's setup, iterations and teardown one
/// after another on one thread, hence `@unchecked Sendable`.
private final class State: @unchecked Sendable {
  var input: [UInt8] = []
  var text = ""
  var output: [UInt8] = []
  /// The char-table limit's MB/s on this input (0 when not measured).
  var limitMegabytesPerSecond = 0
  private var prepared: Converter?
  private var characterTable: CharacterTableLimit?

  /// Reads the corpus and builds the converter; with `measuringLimit`, also
  /// times the char-table limit on the input (median of five runs).
  func prepare(_ config: ConversionConfig, _ file: Corpus.File, engine: Converter.Engine, measuringLimit: Bool) throws {
    input = try Corpus.bytes(of: file)
    text = String(decoding: input, as: UTF8.self)
    output = []
    output.reserveCapacity(input.count + input.count / 4)
    let converter = try Converter(config, engine: engine)
    prepared = converter
    limitMegabytesPerSecond = 0
    if measuringLimit {
      let limit = self.limit(for: converter)
      var speeds: [Int] = []
      input.withUnsafeBytes { bytes in
        for _ in 0..<5 {
          let start = ContinuousClock.now
          limit.convert(bytes, into: &output)
          speeds.append(megabytesPerSecond(bytes.count, since: start))
        }
      }
      limitMegabytesPerSecond = speeds.sorted()[2]
      output = []
      output.reserveCapacity(input.count + input.count / 4)
    }
  }

  /// The char-table limit with `converter`'s replacements, built once.
  func limit(for converter: Converter) -> CharacterTableLimit {
    if let characterTable { return characterTable }
    let built = CharacterTableLimit(converter)
    characterTable = built
    return built
  }

  /// The converter built by `prepare`.
  func converter() throws -> Converter {
    guard let prepared else { throw Corpus.MissingError(path: "(not prepared)", reason: "setup did not run") }
    return prepared
  }

  /// Frees the inputs once the benchmark is done.
  func reset() {
    input = []
    text = ""
    output = []
    prepared = nil
    characterTable = nil
  }
}
