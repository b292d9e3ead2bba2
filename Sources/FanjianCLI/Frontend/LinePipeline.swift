import CSystemCalls
import Fanjian

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Converts one large input on several threads at once, a chunk of complete
/// lines each, and writes the results in input order.
///
/// The calling thread only reads: it fills a free buffer, cuts it after its
/// last line break and queues that chunk; the unfinished line moves to the
/// front of the next buffer. Each worker converts a chunk into an output
/// buffer of its own, waits for its turn and writes it, so chunk *k* is
/// written while *k + 1* converts and reading, converting and writing all
/// overlap. No key spans a line break, so the output is byte for byte what
/// one thread makes (the property `Converter.convert(utf8:appendingTo:maximumConcurrency:)`
/// relies on as well). Memory is bounded: `workers + 2` input buffers of
/// ``chunkSize`` bytes, and one output buffer a worker.
///
/// A line longer than a buffer cannot be cut. The pipeline then finishes
/// what it queued and hands back that buffer (``Outcome/unfinished``); the
/// caller goes on with a sequential ``ConversionStream`` from there, which
/// is the start of a line.
final class LinePipeline: @unchecked Sendable {
  /// The size of one input chunk.
  static let chunkSize = 1 << 20

  /// How a run ended.
  struct Outcome {
    /// Bytes converted and written.
    var bytes = 0
    /// Whether any written chunk differs from its input.
    var changed = false
    /// A line longer than a buffer, with whatever follows it in the buffer:
    /// not converted yet, the caller carries on from it.
    var unfinished: [UInt8]?
  }

  private struct Chunk {
    var sequence: Int
    var buffer: Int
    var count: Int
    var offset: Int
  }

  private let converter: Converter
  private let sink: Sink
  private let name: String
  private let workerCount: Int
  private let buffers: [UnsafeMutableRawBufferPointer]
  private let lock = ConditionLock()
  // Guarded by `lock`:
  private var free: [Int]
  private var queue: [Chunk] = []
  private var queueStart = 0
  private var nextToWrite = 0
  private var isClosed = false
  private var failure: CommandError?
  private var changed = false
  // Only touched by the calling thread:
  private var threads: [pthread_t] = []
  private var isInline = false
  private var inlineOutput: [UInt8] = []
  private var submitted = 0

  /// A pipeline converting with `converter` (its table engine, which is
  /// thread-safe) on `workers` threads and writing to `sink`.
  init(converter: Converter, workers: Int, sink: Sink, name: String) {
    self.converter = converter
    self.sink = sink
    self.name = name
    workerCount = max(1, workers)
    buffers = (0..<(workerCount + 2)).map { _ in
      UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }
    free = Array(buffers.indices.reversed())
  }

  deinit {
    stopWorkers()
    for buffer in buffers { buffer.deallocate() }
  }

  /// Reads, converts and writes all of `input`, or up to a line longer than a buffer.
  ///
  /// - Throws: the first failure in input order: a read, invalid UTF-8 (its
  ///   offset counted from the start of the input), or a write.
  func run(_ input: InputFile) throws(CommandError) -> Outcome {
    defer { stopWorkers() }
    var current = free.removeLast()
    var filled = 0
    var offset = 0
    while true {
      let buffer = buffers[current]
      let (count, atEnd) = try input.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      filled += count
      if atEnd {
        if filled > 0 {
          if submitted == 0 {
            // The whole input is one chunk: no thread is worth starting.
            try convertAlone(UnsafeRawBufferPointer(rebasing: buffer[..<filled]), offset: offset)
            return Outcome(bytes: filled, changed: changed)
          }
          try submit(Chunk(sequence: submitted, buffer: current, count: filled, offset: offset))
          offset += filled
        } else {
          lock.withLock { free.append(current) }
        }
        break
      }
      guard let cut = Self.endOfLastLine(UnsafeRawBufferPointer(rebasing: buffer[..<filled])) else {
        guard filled == buffer.count else { continue }  // a line still arriving
        // A line longer than a buffer: finish what is queued, hand the rest back.
        try finishQueued()
        return Outcome(bytes: offset, changed: changed, unfinished: Array(buffer[..<filled]))
      }
      // A file fills its buffer before it is cut; a pipe is cut as lines arrive.
      if input.fillsBuffers && filled < buffer.count { continue }
      let next = try takeFreeBuffer()
      let tail = filled - cut
      if tail > 0 {
        buffers[next].baseAddress!.copyMemory(from: buffer.baseAddress! + cut, byteCount: tail)
      }
      try submit(Chunk(sequence: submitted, buffer: current, count: cut, offset: offset))
      offset += cut
      current = next
      filled = tail
    }
    try finishQueued()
    return Outcome(bytes: offset, changed: changed)
  }

  /// The index just after the last line break, or `nil` when there is none.
  static func endOfLastLine(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let end = fj_end_of_last(base, 0x0A, bytes.count)
    return end < 0 ? nil : end
  }

  private func convertAlone(_ bytes: UnsafeRawBufferPointer, offset: Int) throws(CommandError) {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 4 + 16)
    do {
      try converter.convert(utf8: bytes, appendingTo: &output)
    } catch {
      throw .converting(name, error, from: offset)
    }
    changed = !Self.equal(bytes, output)
    try sink.write(output)
  }

  private func takeFreeBuffer() throws(CommandError) -> Int {
    let taken: Result<Int, CommandError> = lock.withLock {
      lock.wait { !free.isEmpty || failure != nil }
      if let failure { return .failure(failure) }
      return .success(free.removeLast())
    }
    return try taken.get()
  }

  private func submit(_ chunk: Chunk) throws(CommandError) {
    if threads.isEmpty && !isInline { startWorkers() }
    if isInline {
      submitted += 1
      process(chunk, using: &inlineOutput)
      if let failure = lock.withLock({ failure }) { throw failure }
      return
    }
    let error: CommandError? = lock.withLock {
      if let failure { return failure }
      queue.append(chunk)
      lock.broadcast()
      return nil
    }
    if let error { throw error }
    submitted += 1
  }

  /// Waits until every queued chunk is written.
  private func finishQueued() throws(CommandError) {
    let error: CommandError? = lock.withLock {
      lock.wait { nextToWrite == submitted || failure != nil }
      return failure
    }
    if let error { throw error }
  }

  private func startWorkers() {
    for _ in 0..<workerCount {
      guard let thread = WorkerThreads.start({ [self] in work() }) else { break }
      threads.append(thread)
    }
    // No thread could start: the calling thread converts each chunk as it is queued.
    isInline = threads.isEmpty
  }

  private func stopWorkers() {
    guard !threads.isEmpty else { return }
    lock.withLock {
      isClosed = true
      lock.broadcast()
    }
    for thread in threads { WorkerThreads.join(thread) }
    threads = []
  }

  private func work() {
    var output: [UInt8] = []
    output.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
    while true {
      let next: Chunk? = lock.withLock {
        lock.wait { queueStart < queue.count || isClosed || failure != nil }
        guard failure == nil, !isClosed, queueStart < queue.count else { return nil }
        let chunk = queue[queueStart]
        queueStart += 1
        if queueStart > 64 && queueStart * 2 > queue.count {
          queue.removeFirst(queueStart)
          queueStart = 0
        }
        return chunk
      }
      guard let chunk = next else { return }
      process(chunk, using: &output)
    }
  }

  /// Converts a chunk, waits for its turn, writes it, and frees its buffer.
  private func process(_ chunk: Chunk, using output: inout [UInt8]) {
    let input = UnsafeRawBufferPointer(rebasing: buffers[chunk.buffer][..<chunk.count])
    output.removeAll(keepingCapacity: true)
    var error: CommandError?
    do {
      try converter.convert(utf8: input, appendingTo: &output)
    } catch let conversionError {
      error = .converting(name, conversionError, from: chunk.offset)
    }
    let differs = error == nil && !Self.equal(input, output)
    // Wait for this chunk's turn, so that output keeps input order.
    let mayWrite: Bool = lock.withLock {
      lock.wait { nextToWrite == chunk.sequence || failure != nil || isClosed }
      return failure == nil && !isClosed
    }
    if mayWrite && error == nil {
      do {
        try sink.write(output)
      } catch let writeError {
        error = writeError
      }
    }
    lock.withLock {
      if let error, failure == nil { failure = error }
      if differs { changed = true }
      nextToWrite += 1
      free.append(chunk.buffer)
      lock.broadcast()
    }
  }

  private static func equal(_ input: UnsafeRawBufferPointer, _ output: [UInt8]) -> Bool {
    guard input.count == output.count else { return false }
    guard let base = input.baseAddress else { return true }
    return output.withUnsafeBytes { memcmp(base, $0.baseAddress!, input.count) == 0 }
  }
}
