// fanjian-inprocess: times Fanjian's conversion inside one process, for
// scripts/compare-engines (the counterpart of timing PyPI OpenCC's
// `converter.convert(text)` in Python).
//
//   fanjian-inprocess CONFIG FILE [RUNS] [OUTPUT]
//
// Reads FILE once, builds the converter, then converts the whole file RUNS
// times (default 5) through `convert(utf8:appendingTo:)` into one reused
// output array. Prints one JSON object: the seconds of each run, their median,
// the construction time, the input size, and the median seconds of the plain
// per-character table loop (BenchmarkSupport's CharacterTableLimit, with the
// config's own replacements) over the same input, run as many times just
// after: the limit the conversion's speed is a fraction of. OUTPUT, when
// given, receives the converted text of the last run.
import BenchmarkSupport
import Fanjian
import Foundation

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("fanjian-inprocess: \(message)\n".utf8))
  exit(2)
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else { fail("usage: fanjian-inprocess CONFIG FILE [RUNS] [OUTPUT]") }
let argv = Array(arguments)
guard let config = ConversionConfig(name: argv[0]) else { fail("unknown configuration '\(argv[0])'") }
let runs = argv.count > 2 ? Int(argv[2]) ?? 0 : 5
guard runs > 0 else { fail("RUNS must be a positive integer") }

let input: [UInt8]
do {
  input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: argv[1])))
} catch {
  fail("cannot read '\(argv[1])': \(error.localizedDescription)")
}

let clock = ContinuousClock()
let converter: Converter
let constructionStart = clock.now
do {
  converter = try Converter(config)
} catch {
  fail("\(error)")
}
let construction = seconds(constructionStart.duration(to: clock.now))

var output: [UInt8] = []
output.reserveCapacity(input.count + input.count / 4)
var times: [Double] = []
for _ in 0..<runs {
  output.removeAll(keepingCapacity: true)
  let start = clock.now
  let result: Result<Void, FanjianError> = input.withUnsafeBytes { bytes in
    Result { () throws(FanjianError) in try converter.convert(utf8: bytes, appendingTo: &output) }
  }
  times.append(seconds(start.duration(to: clock.now)))
  if case .failure(let error) = result { fail("\(error)") }
}

let limit = CharacterTableLimit(converter)
var limitOutput: [UInt8] = []
var limitTimes: [Double] = []
input.withUnsafeBytes { bytes in
  for _ in 0..<runs {
    let start = clock.now
    limit.convert(bytes, into: &limitOutput)
    limitTimes.append(seconds(start.duration(to: clock.now)))
  }
}

func median(_ times: [Double]) -> Double {
  let sorted = times.sorted()
  return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

if argv.count > 3 {
  do {
    try Data(output).write(to: URL(fileURLWithPath: argv[3]))
  } catch {
    fail("cannot write '\(argv[3])': \(error.localizedDescription)")
  }
}

let list = times.map { String(format: "%.6f", $0) }.joined(separator: ", ")
print(
  """
  {"engine": "fanjian", "config": "\(config.rawValue)", "bytes": \(input.count), "runs": [\(list)], \
  "median": \(String(format: "%.6f", median(times))), "construct": \(String(format: "%.6f", construction)), \
  "limit_median": \(String(format: "%.6f", median(limitTimes)))}
  """)
