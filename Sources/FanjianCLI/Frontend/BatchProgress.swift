#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Counts files and bytes as workers finish them, and draws the progress
/// line (files done / total, MB/s, time left) on a terminal five times a second.
final class BatchProgress: @unchecked Sendable {
  private let lock = Lock()
  private let console: Console
  private let totalFiles: Int
  private let totalBytes: Int
  private let started = FileSystem.monotonicSeconds
  private var doneFiles = 0
  private var doneBytes = 0
  private var stopped = false
  private var ticker: pthread_t?

  /// Progress over `totalFiles` files of `totalBytes` bytes in all.
  init(totalFiles: Int, totalBytes: Int, console: Console) {
    self.totalFiles = totalFiles
    self.totalBytes = totalBytes
    self.console = console
  }

  /// Adds bytes read (negative when a file is read again in another encoding).
  func add(bytes: Int) {
    lock.withLock { doneBytes += bytes }
  }

  /// Counts one file as finished.
  func finishFile() {
    lock.withLock { doneFiles += 1 }
  }

  /// Starts drawing on standard error; call only when it is a terminal.
  func startDrawing() {
    ticker = WorkerThreads.start { [self] in
      var ticks = 0
      while !lock.withLock({ stopped }) {
        usleep(50_000)
        ticks += 1
        // Nothing for the first half second: quick runs stay quiet.
        if ticks >= 10 && ticks % 4 == 0 { console.showProgress(line()) }
      }
    }
  }

  /// Stops drawing and removes the line.
  func stop() {
    lock.withLock { stopped = true }
    if let ticker { WorkerThreads.join(ticker) }
    ticker = nil
    console.clearProgress()
  }

  /// Seconds since the run started.
  var elapsed: Double { FileSystem.monotonicSeconds - started }

  private func line() -> String {
    let (files, bytes) = lock.withLock { (doneFiles, doneBytes) }
    let seconds = max(elapsed, 0.001)
    let rate = Double(bytes) / seconds
    var text =
      "\(files)/\(totalFiles) files, \(Self.megabytes(bytes)) of \(Self.megabytes(totalBytes)) MB, "
      + "\(Self.megabytes(Int(rate))) MB/s"
    if rate > 0 && totalBytes > bytes {
      text += ", \(Self.duration(Double(totalBytes - bytes) / rate)) left"
    }
    return text
  }

  /// Bytes as megabytes with one decimal ("12.3").
  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Seconds as "4 s" or "2 min 5 s".
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
  }
}
