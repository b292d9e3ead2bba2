import Benchmark
import Fanjian
import Foundation

// The analysis commands' library paths, as the CLI runs them: `normalize`
// (a NormalizationStream writing text), `check` (a stream listing changes)
// and `detect` (a ScriptDetectionStream), fed 64 KiB chunks of the Taiwan
// corpus, next to the two conversions their round trip is made of (`t2s` on
// the corpus, `s2tw` on its Simplified form), so that a regression in either
// shows. Their MB/s should stay within half of the conversions'.
//
//   cd Benchmarks && swift package benchmark --filter '(normalize|check|detect|round trip).*'

/// Registers the normalize, check and detect benchmarks (called once from
/// the `benchmarks` closure).
func registerNormalizeBenchmarks() {
  let file = Corpus.File.zhHantTWLaws
  registerAnalysisBenchmark("normalize to tw \(file.label) (stream)", file) { input, output in
    var stream = try Normalizer(target: .taiwan).makeStream(recordingChanges: false)
    try feed(input) { chunk in
      output.removeAll(keepingCapacity: true)
      try stream.normalize(chunk, appendingTo: &output)
    }
    try stream.finish(appendingTo: &output)
  }
  registerAnalysisBenchmark("check --expect tw \(file.label) (stream)", file) { input, output in
    var stream = try Normalizer(target: .taiwan).makeStream()
    var findings = 0
    try feed(input) { chunk in
      output.removeAll(keepingCapacity: true)
      try stream.normalize(chunk, appendingTo: &output)
      findings += stream.takeChanges().count
    }
    try stream.finish(appendingTo: &output)
    blackHole(findings + stream.takeChanges().count)
  }
  registerAnalysisBenchmark("detect \(file.label) (stream)", file) { input, _ in
    var stream = ScriptDetectionStream()
    try feed(input) { chunk in try stream.add(chunk) }
    blackHole(try stream.finish())
  }
  // The round trip's two halves, for comparison.
  registerAnalysisBenchmark("round trip t2s \(file.label)", file) { input, output in
    output.removeAll(keepingCapacity: true)
    try Converter(.t2s).convert(utf8: input, appendingTo: &output)
  }
  registerAnalysisBenchmark("round trip s2tw \(file.label) (its t2s)", file, simplifiedFirst: true) { input, output in
    output.removeAll(keepingCapacity: true)
    try Converter(.s2tw).convert(utf8: input, appendingTo: &output)
  }
}

/// Hands `input` to `body` in 64 KiB chunks, as the CLI reads a file.
private func feed(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
  var offset = 0
  while offset < input.count {
    let end = min(offset + 64 * 1024, input.count)
    try body(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
    offset = end
  }
}

/// Registers a whole-corpus benchmark whose input (the corpus, or its `t2s`
/// conversion) is read by the setup hook, outside the measured region; the
/// normalizer's and converters' construction (a few milliseconds) is
/// measured with the run, as the CLI pays it.
private func registerAnalysisBenchmark(
  _ name: String, _ file: Corpus.File, simplifiedFirst: Bool = false,
  body: @escaping @Sendable (UnsafeRawBufferPointer, inout [UInt8]) throws -> Void
) {
  let state = AnalysisState()
  Benchmark(
    name,
    configuration: .init(
      metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, FanjianMetric.megabytesPerSecond],
      warmupIterations: 1,
      maxDuration: .seconds(2),
      maxIterations: 20,
      setup: {
        state.input = try Corpus.bytes(of: file)
        if simplifiedFirst { state.input = try Converter(.t2s).convert(utf8: state.input) }
      },
      teardown: { state.input = [] }
    )
  ) { benchmark throws in
    var output: [UInt8] = []
    try state.input.withUnsafeBytes { input in
      for _ in benchmark.scaledIterations {
        let start = ContinuousClock.now
        try body(input, &output)
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(
          FanjianMetric.megabytesPerSecond, seconds > 0 ? Int((Double(input.count) / seconds / 1e6).rounded()) : 0)
      }
    }
    blackHole(output)
  }
}

/// The input of one benchmark, prepared by its setup hook (package-benchmark
/// runs setup, iterations and teardown one after another on one thread).
private final class AnalysisState: @unchecked Sendable {
  var input: [UInt8] = []
}
