import Foundation
import Testing

/// Corpora ingested once per test run by the built binary, for the export end-to-end tests.
enum IngestedCorpus {
    /// The bundled `Corpus/` folder, ingested into a temporary corpus.
    static let bundled: Result<String, any Error> = Result {
        try ingest(BinaryRunner.packageRoot.appendingPathComponent("Corpus"))
    }

    /// `../shared/corpus`, ingested into a temporary corpus; a failure when `../shared` is absent.
    static let shared: Result<String, any Error> = Result {
        guard let shared = BinaryRunner.shared else { throw ToolFailure(message: "../shared is absent") }
        return try ingest(shared.appendingPathComponent("corpus"))
    }

    /// Ingests `folder` into a new corpus and returns the corpus's path.
    static func ingest(_ folder: URL) throws -> String {
        let db = try BinaryRunner.temporaryFolder().appendingPathComponent("corpus.sqlite").path
        let output = try BinaryRunner.run(["ingest", folder.path, "--db", db, "--quiet"])
        guard output.status == 0 else { throw ToolFailure(message: "ingest \(folder.path) failed: \(output.stderr)") }
        return db
    }

    /// The concept map of the corpus at `db` as `annotext map --format json` prints it.
    static func jsonMap(_ db: String, options: [String] = []) throws -> [String: Any] {
        let output = try BinaryRunner.run(["map", "--format", "json", "--db", db] + options)
        guard output.status == 0 else { throw ToolFailure(message: "map failed: \(output.stderr)") }
        return try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any] ?? [:]
    }
}

/// A failure of a command a test ran.
struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// An external program the export tests check the output with (Graphviz, xmllint, Chromium),
/// found on `PATH`.
struct Tool {
    let url: URL

    static let dot = Tool(named: "dot")
    static let xmllint = Tool(named: "xmllint")
    static let chromium = Tool(named: "chromium")

    /// The program `name` on `PATH`; nil when it is not installed.
    init?(named name: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let found = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent(name) })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        url = found
    }

    /// Runs the program with `input` on stdin; stdout and stderr go through files, so a large
    /// output never blocks. Stops the program after `timeout` seconds.
    func run(_ arguments: [String], input: Data = Data(), timeout: TimeInterval = 120) throws -> BinaryRunner.Output {
        let scratch = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
        try input.write(to: files[0])
        for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return BinaryRunner.Output(
            status: process.terminationStatus, stdout: try Data(contentsOf: files[1]),
            stderr: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
    }
}

/// The attributes of every start tag `<NAME class="CLASS" …>` in `markup`, in document order.
func startTags(_ name: String, class className: String, in markup: String) -> [[String: String]] {
    var tags: [[String: String]] = []
    var rest = markup[...]
    let opening = "<\(name) class=\"\(className)\""
    while let start = rest.range(of: opening) {
        guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
        tags.append(attributes(String(rest[start.lowerBound..<end])))
        rest = rest[end...]
    }
    return tags
}

/// The `name="value"` pairs of one start tag, entities in values decoded.
func attributes(_ tag: String) -> [String: String] {
    var result: [String: String] = [:]
    let parts = tag.components(separatedBy: "\"")
    // Parts alternate: ` name=` before a value, the value itself.
    for i in stride(from: 0, to: parts.count - 1, by: 2) {
        guard let name = parts[i].split(separator: " ").last, name.hasSuffix("=") else { continue }
        result[String(name.dropLast())] = parts[i + 1].replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
    return result
}
