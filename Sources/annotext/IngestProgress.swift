import AnnotextIngest
import AnnotextPipeline
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports ingest events: errors and warnings on stderr always, "unchanged, skipped" notes on
/// stdout unless quiet, and a progress bar on stderr (files, MB, MB/s, time left) only when
/// stderr is a terminal.
///
/// The bar is redrawn from a background thread twice a second, so time moves on during one
/// long file; events and redraws share a lock so lines never interleave.
final class IngestProgress: @unchecked Sendable {
    private let showsBar: Bool
    private let showsNotes: Bool
    private let lock = NSLock()
    private var sizes: [String: Int] = [:]
    private var totalFiles = 0
    private var totalBytes = 0
    private var doneFiles = 0
    private var doneBytes = 0
    private var started = Date()
    private var isDrawn = false
    private var isRunning = false

    /// - Parameters:
    ///   - showsBar: draw the bar (stderr is a terminal and the run is not quiet).
    ///   - showsNotes: print a note for each file left unchanged.
    init(showsBar: Bool, showsNotes: Bool) {
        self.showsBar = showsBar
        self.showsNotes = showsNotes
    }

    /// Starts the bar for `files`.
    func start(files: [FoundFile]) {
        lock.withLock {
            sizes = Dictionary(files.map { ($0.name, $0.size) }, uniquingKeysWith: { first, _ in first })
            totalFiles = files.count
            totalBytes = files.reduce(0) { $0 + $1.size }
            doneFiles = 0
            doneBytes = 0
            started = Date()
            isRunning = showsBar && !files.isEmpty
        }
        guard showsBar, !files.isEmpty else { return }
        let thread = Thread { [weak self] in
            while let progress = self, progress.redraw() { Thread.sleep(forTimeInterval: 0.5) }
        }
        thread.start()
    }

    /// Reports one event of the ingester (called in file order).
    func report(_ event: IngestEvent) {
        lock.withLock {
            clearLine()
            switch event {
            case .warning(let message):
                printWarning(message)
            case .failed(let name, let message):
                advance(past: name)
                printError(message)
            case .stored(let name, let outcome, _):
                advance(past: name)
                if outcome == .unchanged && showsNotes { writeToStandardOutput("\(name): unchanged, skipped\n") }
            }
            draw()
        }
    }

    /// Removes the bar and stops redrawing.
    func finish() {
        lock.withLock {
            isRunning = false
            clearLine()
        }
    }

    private func advance(past name: String) {
        guard isRunning else { return }
        doneFiles += 1
        doneBytes += sizes[name] ?? 0
    }

    /// Draws the bar again; false once the run is over.
    private func redraw() -> Bool {
        lock.withLock {
            guard isRunning else { return false }
            clearLine()
            draw()
            return true
        }
    }

    private func draw() {
        guard isRunning else { return }
        let line = ProgressLine(
            files: doneFiles, totalFiles: totalFiles, bytes: doneBytes, totalBytes: totalBytes,
            seconds: Date().timeIntervalSince(started))
        writeToStandardError(line.text(width: terminalWidth()))
        isDrawn = true
    }

    private func clearLine() {
        guard isDrawn else { return }
        writeToStandardError("\r\u{1B}[K")
        isDrawn = false
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// Writes text to stdout, unbuffered, so it lands between progress redraws on stderr.
func writeToStandardOutput(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        guard var pointer = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(1, pointer, left)
            if written <= 0 { return }
            pointer += written
            left -= written
        }
    }
}
