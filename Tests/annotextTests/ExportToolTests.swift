import Foundation
import Testing

/// Checks the map and dump formats of the built binary with the tools that read them:
/// Graphviz renders the DOT, xmllint accepts the GraphML and TEI, and brat's offsets cut out
/// exactly their text; on the bundled corpus and on `../shared/corpus`.
@Suite(.serialized) struct ExportToolTests {
    // MARK: Graphviz

    @Test(.enabled(if: Tool.dot != nil, "Graphviz dot is not installed"))
    func dotMapOfTheBundledCorpusRendersWithGraphviz() throws {
        try checkDOTRenders(try IngestedCorpus.bundled.get())
    }

    @Test(
        .enabled(if: BinaryRunner.shared != nil, "../shared is absent"),
        .enabled(if: Tool.dot != nil, "Graphviz dot is not installed"))
    func dotMapOfTheSharedCorpusRendersWithGraphviz() throws {
        try checkDOTRenders(try IngestedCorpus.shared.get())
    }

    /// `map --format dot | dot -Tsvg` succeeds and draws every node and every line.
    func checkDOTRenders(_ db: String) throws {
        let json = try IngestedCorpus.jsonMap(db)
        let map = try BinaryRunner.run(["map", "--format", "dot", "--db", db])
        #expect(map.status == 0, "\(map.stderr)")
        let svg = try #require(Tool.dot).run(["-Tsvg"], input: map.stdout)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stderr.isEmpty, "\(svg.stderr)")
        let nodes = (json["nodes"] as? [Any])?.count ?? -1
        let lines = ((json["edges"] as? [Any])?.count ?? 0) + ((json["relations"] as? [Any])?.count ?? 0)
        #expect(nodes > 5)
        #expect(svg.text.components(separatedBy: "class=\"node\"").count - 1 == nodes)
        #expect(svg.text.components(separatedBy: "class=\"edge\"").count - 1 == lines)
    }

    // MARK: xmllint

    @Test(.enabled(if: Tool.xmllint != nil, "xmllint is not installed"))
    func xmllintAcceptsGraphMLAndTEIOfTheBundledCorpus() throws {
        try checkXMLIsWellFormed(try IngestedCorpus.bundled.get())
    }

    @Test(
        .enabled(if: BinaryRunner.shared != nil, "../shared is absent"),
        .enabled(if: Tool.xmllint != nil, "xmllint is not installed"))
    func xmllintAcceptsGraphMLAndTEIOfTheSharedCorpus() throws {
        try checkXMLIsWellFormed(try IngestedCorpus.shared.get())
    }

    /// `xmllint --noout` accepts the GraphML map, the TEI corpus on stdout, and every
    /// per-document TEI file of `--out`.
    func checkXMLIsWellFormed(_ db: String) throws {
        let xmllint = try #require(Tool.xmllint)
        for arguments in [["map", "--format", "graphml"], ["dump", "--format", "tei"]] {
            let output = try BinaryRunner.run(arguments + ["--db", db])
            #expect(output.status == 0, "\(output.stderr)")
            let check = try xmllint.run(["--noout", "-"], input: output.stdout)
            #expect(check.status == 0, "\(arguments[2]): \(check.stderr.prefix(2000))")
        }
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try dumpFiles("tei", db, into: folder, suffix: ".xml")
        let check = try xmllint.run(["--noout"] + files.map(\.path))
        #expect(check.status == 0, "\(check.stderr.prefix(2000))")
    }

    // MARK: brat

    @Test func bratOffsetsOfTheBundledCorpusCutOutExactlyTheirText() throws {
        let fragmented = try checkBratOffsets(try IngestedCorpus.bundled.get())
        // The article's hard-wrapped lines put some mentions across a line break.
        #expect(fragmented > 0)
    }

    @Test(.enabled(if: BinaryRunner.shared != nil, "../shared is absent"))
    func bratOffsetsOfTheSharedCorpusCutOutExactlyTheirText() throws {
        try checkBratOffsets(try IngestedCorpus.shared.get())
    }

    /// Every T line's fragments, cut from the `.txt` by Unicode scalar offsets, joined by one
    /// space, give the line's text; every A line names a T line of its file. Returns how many
    /// mentions were written as several fragments.
    @discardableResult
    func checkBratOffsets(_ db: String) throws -> Int {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let annotations = try dumpFiles("brat", db, into: folder, suffix: ".ann")
        var entities = 0, fragmented = 0
        var problems: [String] = []
        for ann in annotations {
            let txt = URL(fileURLWithPath: String(ann.path.dropLast(4)) + ".txt")
            let text = Array(try String(contentsOf: txt, encoding: .utf8).unicodeScalars)
            var ids: Set<String> = []
            for line in try String(contentsOf: ann, encoding: .utf8).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let name = "\(ann.lastPathComponent) \(fields[0])"
                if fields[0].hasPrefix("A") {
                    let target = fields.count == 2 ? fields[1].split(separator: " ").last.map(String.init) : nil
                    if target == nil || !ids.contains(target ?? "") { problems.append("\(name): no entity \(target ?? "")") }
                    continue
                }
                guard fields.count == 3, fields[0].hasPrefix("T") else {
                    problems.append("\(name): not a T or A line")
                    continue
                }
                ids.insert(fields[0])
                entities += 1
                let spans = fields[1].split(separator: " ", maxSplits: 1).last?.split(separator: ";") ?? []
                if spans.count > 1 { fragmented += 1 }
                var pieces: [String] = []
                for span in spans {
                    let bounds = span.split(separator: " ").compactMap { Int($0) }
                    guard bounds.count == 2, 0 <= bounds[0], bounds[0] < bounds[1], bounds[1] <= text.count else {
                        problems.append("\(name): bad span \(span)")
                        continue
                    }
                    var piece = ""
                    piece.unicodeScalars.append(contentsOf: text[bounds[0]..<bounds[1]])
                    pieces.append(piece)
                }
                if pieces.joined(separator: " ") != fields[2] {
                    problems.append("\(name): \(fields[1]) cuts \(pieces) not \(fields[2])")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(entities > 100)
        return fragmented
    }

    /// Runs `dump --format FORMAT --out FOLDER` and returns the files it wrote whose names end in
    /// `suffix`, sorted, after checking there is one per document of the corpus.
    func dumpFiles(_ format: String, _ db: String, into folder: URL, suffix: String) throws -> [URL] {
        let list = try BinaryRunner.run(["documents", "--json", "--db", db])
        let documents = (try JSONSerialization.jsonObject(with: list.stdout) as? [Any])?.count ?? -1
        #expect(documents > 5)
        let dump = try BinaryRunner.run(["dump", "--format", format, "--out", folder.path, "--db", db])
        #expect(dump.status == 0, "\(dump.stderr)")
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.path.hasSuffix(suffix) { found.append(url) }
        }
        #expect(found.count == documents)
        return found.sorted { $0.path < $1.path }
    }
}
