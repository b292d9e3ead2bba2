import Benchmark
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
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 1,
    maxDuration: .seconds(2),
    maxIterations: 1_000
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
  registerStringThroughput(.s2t, .zuozhuan)
  registerNormalizeThroughput(.traditional, .zhHantTWLaws)
  registerNormalizeBenchmarks()

  // Per-call cost on a short sentence, the common case in apps: fixed
  // overhead (allocations, String bridging) dominates here, not the matcher.
  Benchmark(
    "s2t short sentence (String) x1000",
    configuration: .init(
      metrics: [.wallClock, .throughput, .mallocCountTotal],
      scalingFactor: .kilo, maxDuration: .seconds(1)
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
    Benchmark(
      "Converter(.\(config.rawValue))",
      configuration: .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .mallocBytesCount, .peakMemoryResident, FanjianMetric.tableBytes],
        maxDuration: .seconds(1), maxIterations: 200
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
  warmupIterations: Int = 1, maxIterations: Int = 1_000,
  body: @escaping @Sendable (Benchmark, State, Converter) throws -> Void
) {
  let state = State()
  Benchmark(
    name,
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [FanjianMetric.megabytesPerSecond],
      warmupIterations: warmupIterations,
      maxIterations: maxIterations,
      setup: { try state.prepare(config, file, engine: engine) },
      teardown: { state.reset() }
    )
  ) { benchmark throws in
    try body(benchmark, state, try state.converter())
  }
}

/// Registers `config` over the whole of `file` through
/// `convert(utf8:appendingTo:)`, into an output array reused across iterations.
private func registerBytesThroughput(_ config: ConversionConfig, _ file: Corpus.File, engine: Converter.Engine) {
  let name = engine == .tables ? "\(config.rawValue) \(file.label)" : "\(config.rawValue) \(file.label) (ICU)"
  registerCorpusBenchmark(
    name, config, file, engine: engine, warmupIterations: engine == .icu ? 0 : 1,
    maxIterations: engine == .icu ? 3 : 1_000
  ) { benchmark, state, converter in
    try state.input.withUnsafeBytes { input in
      for _ in benchmark.scaledIterations {
        state.output.removeAll(keepingCapacity: true)
        let start = ContinuousClock.now
        try converter.convert(utf8: input, appendingTo: &state.output)
        benchmark.measurement(FanjianMetric.megabytesPerSecond, megabytesPerSecond(input.count, since: start))
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
  private var prepared: Converter?

  /// Reads the corpus and builds the converter.
  func prepare(_ config: ConversionConfig, _ file: Corpus.File, engine: Converter.Engine) throws {
    input = try Corpus.bytes(of: file)
    text = String(decoding: input, as: UTF8.self)
    output = []
    output.reserveCapacity(input.count + input.count / 4)
    prepared = try Converter(config, engine: engine)
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
  }
}
