/// The text of an ingest progress bar: files, megabytes, throughput and time left.
///
/// `[#########...........]  12/40 files  3.2/10.5 MB  1.4 MB/s  0:05 left`
public struct ProgressLine: Sendable, Hashable {
    /// Files done (stored, unchanged or failed) and in all.
    public var files: Int
    public var totalFiles: Int
    /// Bytes of the files done, and of all files.
    public var bytes: Int
    public var totalBytes: Int
    /// Seconds since the run started.
    public var seconds: Double

    /// Creates a progress line.
    public init(files: Int, totalFiles: Int, bytes: Int, totalBytes: Int, seconds: Double) {
        self.files = files
        self.totalFiles = totalFiles
        self.bytes = bytes
        self.totalBytes = totalBytes
        self.seconds = seconds
    }

    /// How much is done, from 0 to 1: by bytes, or by files when the files are empty.
    public var fraction: Double {
        if totalBytes > 0 { return min(1, Double(bytes) / Double(totalBytes)) }
        return totalFiles > 0 ? min(1, Double(files) / Double(totalFiles)) : 1
    }

    /// Seconds left at the pace so far, or nil before there is a pace to judge by.
    public var secondsLeft: Double? {
        let done = fraction
        guard done > 0, seconds >= 1 else { return nil }
        return seconds / done * (1 - done)
    }

    /// The line, at most `width - 1` characters so a terminal never wraps it; the bar goes
    /// first when the line is too wide.
    public func text(width: Int) -> String {
        var parts = ["\(files)/\(totalFiles) files", "\(Self.megabytes(bytes))/\(Self.megabytes(totalBytes)) MB"]
        if seconds >= 1 { parts.append("\(Self.megabytes(Int(Double(bytes) / seconds))) MB/s") }
        parts.append(secondsLeft.map { "\(Self.clock($0)) left" } ?? "")
        let figures = parts.filter { !$0.isEmpty }.joined(separator: "  ")
        let room = width - 1 - figures.count - 4
        guard room >= 10 else { return String(figures.prefix(max(0, width - 1))) }
        let barWidth = min(30, room)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        return "[\(bar)]  \(figures)"
    }

    /// Megabytes (1 MB = 1,000,000 bytes) with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `m:ss`, or `h:mm:ss` past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
