import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `annotext ingest` killed with SIGKILL in the middle of a large ingest leaves a sound corpus
/// that holds whole documents only, and a second run finishes the job.
@Suite(.serialized) struct IngestCrashTests {
    /// Sixty documents of a few hundred KB, each different, so the ingest takes seconds.
    func writeLargeFolder(_ corpus: IngestTestCorpus) throws -> [String: String] {
        let sentences = [
            "The alliance held for a decade after the treaty was signed.",
            "Collective security is not the same thing as collective defence.",
            "A hegemon may keep the balance of power, or may break it.",
            "Dr. Smith argued that deterrence failed in 1914, e.g. in the Balkans.",
            "NATO and the CSTO answer a specific enemy; the United Nations does not.",
        ]
        var paths: [String: String] = [:]
        for i in 0..<60 {
            var text = "Document \(i)\n\n"
            for j in 0..<2_500 { text += sentences[(i + j) % sentences.count] + (j % 9 == 8 ? "\n\n" : " ") }
            let name = String(format: "doc-%02d.txt", i)
            paths[name] = try corpus.write("docs/\(name)", text)
        }
        return paths
    }

    @Test(.enabled(if: IngestTestCorpus.hasSQLite3, "the sqlite3 tool is not installed"))
    func killedIngestLeavesOnlyWholeDocuments() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let paths = try writeLargeFolder(corpus)
        // Kill it once some documents are committed, while others are being written.
        let (wasRunning, reason) = try corpus.killIngest(ofFolder: "docs", once: 3)
        #expect(wasRunning, "the ingest ended before it could be killed; make the documents larger")
        #expect(reason == .uncaughtSignal || !wasRunning)

        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.partialDocuments() == [])
        let documents = try corpus.documents()
        #expect(documents.count >= 3 && documents.count < 60)
        // Every stored document has exactly the units a fresh segmentation finds.
        for name in documents.keys.sorted().prefix(3) {
            #expect(documents[name] == (try corpus.freshSentenceCount(paths[name] ?? "")), "\(name)")
        }

        // A second run adds the rest and leaves the whole documents alone.
        let again = try corpus.ingest([corpus.folder.appendingPathComponent("docs").path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.text.contains("\(60 - documents.count) added, \(documents.count) unchanged (skipped)"))
        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.partialDocuments() == [])
        #expect(try corpus.documents().count == 60)
    }
}
