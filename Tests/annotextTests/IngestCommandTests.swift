import Foundation
import Testing

/// `annotext ingest` as a person uses it: notes for unchanged files, the summary, --quiet,
/// folders with globs, and a progress bar only on a terminal.
@Suite(.serialized) struct IngestCommandTests {
    @Test func reingestingIdenticalFilesSaysSoPerFileAndInTheSummary() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        try corpus.write("docs/README.md", "# Alliances\n\nNATO is an alliance.")
        try corpus.write("docs/notes.txt", "The hegemon kept the balance of power.")
        let docs = corpus.folder.appendingPathComponent("docs").path
        let first = try corpus.ingest([docs])
        #expect(first.status == 0)
        #expect(first.stderr.isEmpty)  // not a terminal: no progress bar
        #expect(first.text.hasPrefix("Ingested into \(corpus.db): 2 added; 3 sentences, "))
        let again = try corpus.ingest([docs])
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
        let lines = again.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.prefix(2) == ["README.md: unchanged, skipped", "notes.txt: unchanged, skipped"])
        #expect(lines.last?.hasPrefix("Ingested into \(corpus.db): 0 added, 2 unchanged (skipped); 0 sentences") == true)
        let quiet = try corpus.ingest([docs, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.text.isEmpty)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func replacesAChangedFileUnderItsName() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let path = try corpus.write("a.txt", "NATO is an alliance.")
        try corpus.ingest([path])
        try corpus.write("a.txt", "NATO is an alliance. The CSTO is another.")
        let output = try corpus.ingest([path])
        #expect(output.text.hasPrefix("Ingested into \(corpus.db): 0 added, 1 replaced; 2 sentences, "))
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.documents() == ["a.txt": 2])
        #expect(try corpus.partialDocuments() == [])
    }

    @Test func reportsAMissingPathAndIngestsTheOthers() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let good = try corpus.write("good.txt", "The alliance held.")
        let missing = corpus.folder.appendingPathComponent("missing.txt").path
        let output = try corpus.ingest([missing, good, "--quiet"])
        #expect(output.status == 1)
        #expect(output.stderr == "annotext: \(missing): no such file or folder\n")
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.documents() == ["good.txt": 1])
    }

    @Test func walksFoldersWithGlobsAndSkipsHiddenFiles() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        for name in ["a.txt", "b.md", "drafts/c.txt", "sub/d.html", ".hidden.txt", ".git/e.txt", "sub/f.log"] {
            try corpus.write("docs/\(name)", "The alliance held.")
        }
        let docs = corpus.folder.appendingPathComponent("docs").path
        let output = try corpus.ingest([docs, "--exclude", "drafts", "--include", "*.txt", "--include", "sub/*", "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.documents().keys.sorted() == ["a.txt", "sub/d.html", "sub/f.log"])
    }

    @Test func namesAFolderGivenWhereAFileIsExpected() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let output = try BinaryRunner.run(["segment", corpus.folder.path])
        #expect(output.status == 1)
        #expect(output.stderr == "annotext: \(corpus.folder.lastPathComponent): is a folder, not a file\n")
    }

    @Test func refusesStandardInputOverTheSizeLimit() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let input = Data(String(repeating: "The alliance held. ", count: 60_000).utf8)
        let output = try BinaryRunner.run(["ingest", "-", "--max-size", "1", "--db", corpus.db, "--quiet"], input: input)
        #expect(output.status == 1)
        #expect(output.stderr == "annotext: stdin: is larger than the 1 MB limit (--max-size)\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed"))
    func drawsAProgressBarOnATerminalOnly() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        for i in 0..<3 { try corpus.write("docs/n\(i).txt", "The alliance held in year \(i).") }
        let docs = corpus.folder.appendingPathComponent("docs").path
        // script(1) runs the command on a pseudo-terminal and copies what it prints.
        let command = [BinaryRunner.binary.path, "ingest", docs, "--db", corpus.db].joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let screen = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(screen.contains("/3 files  "))
        #expect(screen.contains(" MB"))
        #expect(screen.contains("\r\u{1B}[K"))  // the bar is erased before the summary
        #expect(screen.contains("Ingested into \(corpus.db): 3 added"))
        let quiet = try corpus.ingest([docs, "--quiet"])
        #expect(!quiet.stderr.contains("files"))
    }
}
