import Foundation

/// A corpus in a temporary folder for end-to-end ingest tests: writes fixture files, runs
/// `annotext ingest` on them and inspects the SQLite file with the sqlite3 command-line tool.
struct IngestTestCorpus {
    let folder: URL
    var db: String { folder.appendingPathComponent("corpus.sqlite").path }

    /// Whether the sqlite3 tool is installed (the checks of the file itself need it).
    static let hasSQLite3 = FileManager.default.isExecutableFile(atPath: sqlite3.path)
    static let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")

    init() throws {
        folder = try BinaryRunner.temporaryFolder()
    }

    /// Writes `bytes` to `name` under the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Runs `annotext ingest ARGUMENTS --db <corpus>`.
    @discardableResult
    func ingest(_ arguments: [String]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["ingest"] + arguments + ["--db", db])
    }

    /// The rows sqlite3 prints for `sql`, one string per line.
    func query(_ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = Self.sqlite3
        process.arguments = [db, sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `PRAGMA integrity_check` of the corpus file ("ok" when sound).
    func integrity() throws -> String {
        try query("PRAGMA integrity_check").joined(separator: "\n")
    }

    /// Documents whose stored counts disagree with their rows, and rows without a document:
    /// empty when every document is whole.
    func partialDocuments() throws -> [String] {
        try query(
            """
            SELECT name FROM documents d
                WHERE d.sentence_count != (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id)
            UNION ALL SELECT 'orphan sentence ' || id FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)
            UNION ALL SELECT 'orphan block ' || doc_id FROM blocks WHERE doc_id NOT IN (SELECT id FROM documents)
            UNION ALL SELECT 'fts rows ' || (SELECT COUNT(*) FROM sentences_fts) WHERE
                (SELECT COUNT(*) FROM sentences_fts) != (SELECT COUNT(*) FROM sentences)
            """)
    }

    /// Stored documents with their sentence counts, in ingest order.
    func documents() throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try query("SELECT name, sentence_count FROM documents") {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false)
            result[String(parts[0])] = Int(parts[1])
        }
        return result
    }

    /// How many units `annotext segment` finds in a file: a fresh segmentation to compare with.
    func freshSentenceCount(_ path: String) throws -> Int {
        let output = try BinaryRunner.run(["segment", path, "--json"])
        let records = try JSONSerialization.jsonObject(with: output.stdout) as? [[String: Any]] ?? []
        return records.count
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
