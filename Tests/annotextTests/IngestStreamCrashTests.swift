import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `annotext ingest` killed while it streams a large document (tagged on all cores while it is
/// written, in a transaction of its own) leaves the corpus as it was before that document.
@Suite(.serialized) struct IngestStreamCrashTests {
    /// About `megabytes` MB of paragraphs, every sentence different.
    func largeText(megabytes: Int) -> String {
        let sentences = [
            "The alliance held for a decade after treaty %d was signed.",
            "Collective security is not collective defence, said speaker %d.",
            "A hegemon may keep the balance of power, or break it in year %d.",
            "Dr. Smith argued that deterrence failed %d times, e.g. in the Balkans.",
        ]
        var text = "Document\n\n"
        var j = 0
        while text.utf8.count < megabytes * 1_000_000 {
            text += String(format: sentences[j % sentences.count], j) + (j % 7 == 6 ? "\n\n" : " ")
            j += 1
        }
        return text
    }

    @Test(.enabled(if: IngestTestCorpus.hasSQLite3, "the sqlite3 tool is not installed"))
    func killedStreamingIngestLeavesOnlyWholeDocuments() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        _ = try corpus.write("docs/a.txt", "NATO is an alliance.\n\nThe hegemon acted.")
        let large = try corpus.write("docs/b.txt", largeText(megabytes: 16))
        // Kill it once a.txt is committed, while b.txt is being written.
        let wasRunning = try corpus.killIngest(ofFolder: "docs", once: 1, thenWait: 0.3).wasRunning
        #expect(wasRunning, "the ingest ended before it could be killed; make the document larger")

        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.partialDocuments() == [])
        let documents = try corpus.documents()
        #expect(documents["a.txt"] == 2)
        if let units = documents["b.txt"] { #expect(units == (try corpus.freshSentenceCount(large))) }

        let again = try corpus.ingest([corpus.folder.appendingPathComponent("docs").path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.partialDocuments() == [])
        #expect(try corpus.documents()["b.txt"] == (try corpus.freshSentenceCount(large)))
    }
}

extension IngestTestCorpus {
    /// Starts `annotext ingest FOLDER`, waits until the corpus holds `documents` documents (at
    /// most two minutes) and `seconds` more, and kills it with SIGKILL.
    ///
    /// - Returns: whether it was still running when killed, and how it ended.
    func killIngest(ofFolder folder: String, once documents: Int, thenWait seconds: Double = 0) throws -> (
        wasRunning: Bool, reason: Process.TerminationReason
    ) {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["ingest", self.folder.appendingPathComponent(folder).path, "--db", db, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
            if (Int(try query("SELECT COUNT(*) FROM documents").first ?? "") ?? 0) >= documents { break }
        }
        if seconds > 0 { usleep(useconds_t(seconds * 1_000_000)) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return (wasRunning, process.terminationReason)
    }
}
