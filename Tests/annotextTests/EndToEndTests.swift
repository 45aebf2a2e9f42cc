import Foundation
import Testing

/// Runs the built binary over real files and checks the whole output.
@Suite(.serialized) struct EndToEndTests {
    /// Ingests `folder`, dumps it as JSON Lines and checks every sentence and mention.
    func ingestAndCheckContract(_ folder: URL) throws -> ContractChecker {
        let db = try BinaryRunner.temporaryFolder().appendingPathComponent("corpus.sqlite").path
        let ingest = try BinaryRunner.run(["ingest", folder.path, "--db", db, "--quiet"])
        #expect(ingest.status == 0, "ingest failed: \(ingest.stderr)")
        let documents = try BinaryRunner.run(["documents", "--json", "--text", "--db", db])
        #expect(documents.status == 0, "\(documents.stderr)")
        let list = try JSONSerialization.jsonObject(with: documents.stdout) as? [[String: Any]] ?? []
        var texts: [String: String] = [:]
        for item in list { texts[item["name"] as? String ?? ""] = item["text"] as? String }
        let dump = try BinaryRunner.run(["dump", "--format", "jsonl", "--db", db])
        #expect(dump.status == 0, "\(dump.stderr)")
        var checker = ContractChecker(documentTexts: texts)
        for line in dump.stdout.split(separator: 0x0A) where !line.isEmpty {
            let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            checker.check(record)
        }
        return checker
    }

    @Test func bundledCorpusKeepsTheContractOnEverySentenceAndMention() throws {
        let checker = try ingestAndCheckContract(BinaryRunner.packageRoot.appendingPathComponent("Corpus"))
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(10))")
        #expect(checker.documentTexts.count >= 6)
        #expect(checker.sentences > 100)
        #expect(checker.mentions > 100)
    }

    @Test(.enabled(if: BinaryRunner.shared != nil, "../shared is absent"))
    func sharedCorpusIngestsAllTwelveDocumentsWithExactOffsets() throws {
        let folder = try #require(BinaryRunner.shared).appendingPathComponent("corpus")
        let checker = try ingestAndCheckContract(folder)
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(10))")
        #expect(checker.documentTexts.count == 12)
    }

    @Test func searchFindsAllianceSentencesInTheBundledCorpus() throws {
        let db = try BinaryRunner.temporaryFolder().appendingPathComponent("corpus.sqlite").path
        try BinaryRunner.run(["ingest", "Corpus", "--db", db, "--quiet"])
        let search = try BinaryRunner.run(["search", "alliance", "--json", "--db", db])
        #expect(search.status == 0, "\(search.stderr)")
        let hits = try JSONSerialization.jsonObject(with: search.stdout) as? [[String: Any]] ?? []
        #expect(!hits.isEmpty)
        let human = try BinaryRunner.run(["search", "alliance"], environment: ["ANNOTEXT_DB": db])
        #expect(human.status == 0)
        #expect(human.text.split(separator: "\n").count <= 20)
    }

    @Test func tagReadsStandardInputAndKeepsOffsetsInScalars() throws {
        let text = "The CSTO’s purpose is collective defence.\n\nIt is not limited to a specific enemy."
        let output = try BinaryRunner.run(["tag", "-", "--json"], input: Data(text.utf8))
        #expect(output.status == 0, "\(output.stderr)")
        let records = try JSONSerialization.jsonObject(with: output.stdout) as? [[String: Any]] ?? []
        var checker = ContractChecker(documentTexts: ["stdin": text])
        for record in records { checker.check(record) }
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        #expect(records.count == 2)
    }

    @Test func missingFileGivesOneLineErrorAndExitCodeOne() throws {
        let output = try BinaryRunner.run(["segment", "no-such-file.txt"])
        #expect(output.status == 1)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("no-such-file.txt"))
    }

    @Test func versionPrintsTheVersion() throws {
        let output = try BinaryRunner.run(["--version"])
        #expect(output.status == 0)
        #expect(output.text.hasPrefix("0."))
    }
}
