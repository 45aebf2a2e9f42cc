import Foundation
import Testing

/// Hostile input through `annotext ingest`: each is refused with one line naming the file (or
/// goes in, for deep HTML), and the corpus stays sound with its earlier document intact.
@Suite(.serialized) struct IngestHostileTests {
    static let good = "Collective security is not an alliance. The hegemon kept the balance of power.\n"

    /// Ingests a good document, then `name` with `bytes`; checks the exit code, the whole
    /// stderr, and that the corpus passes its integrity check with the good document whole.
    func expectRefused(
        _ name: String, _ bytes: [UInt8], arguments: [String] = [], message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let good = try corpus.write("good.txt", Self.good)
        let first = try corpus.ingest([good, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)", sourceLocation: sourceLocation)
        let before = try corpus.documents()
        let path = try corpus.write(name, bytes)
        let output = try corpus.ingest([path, "--quiet"] + arguments)
        #expect(output.status == 1, sourceLocation: sourceLocation)
        #expect(output.stderr == "annotext: \(message)\n", sourceLocation: sourceLocation)
        #expect(output.text.isEmpty, sourceLocation: sourceLocation)
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.integrity() == "ok", sourceLocation: sourceLocation)
        #expect(try corpus.partialDocuments() == [], sourceLocation: sourceLocation)
        #expect(try corpus.documents() == before, sourceLocation: sourceLocation)
        #expect(before == ["good.txt": 2], sourceLocation: sourceLocation)
    }

    @Test func refusesABinaryFile() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 200)
        try expectRefused("program.txt", bytes, message: "program.txt: looks like a binary file, not text")
    }

    @Test func refusesAnEntityBombQuickly() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "  <!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let started = Date()
        try expectRefused(
            "bomb.xml", Array(xml.utf8),
            message: "bomb.xml: XML declares entities in a DTD, which annotext does not expand")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func refusesAnExternalEntityWithoutReadingIt() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE doc [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <doc><p>Leak: &secret;</p></doc>
            """
        try expectRefused(
            "leak.xml", Array(xml.utf8),
            message: "leak.xml: XML declares entities in a DTD, which annotext does not expand")
    }

    @Test func refusesMalformedXMLWithItsLine() throws {
        try expectRefused(
            "bad.xml", Array("<?xml version=\"1.0\"?>\n<doc>\n  <p>Open paragraph\n</doc>\n".utf8),
            message: "bad.xml: not well-formed XML at line 4: Opening and ending tag mismatch: p line 3 and doc")
    }

    @Test func refusesXMLNested100000Deep() throws {
        let xml = String(repeating: "<a>", count: 100_000) + "deep" + String(repeating: "</a>", count: 100_000)
        try expectRefused(
            "deep.xml", Array(xml.utf8),
            message: "deep.xml: XML nested too deep at line 1: more than 256 levels of elements")
    }

    @Test func refusesAFileOverTheSizeLimit() throws {
        let text = String(repeating: "The alliance held. ", count: 80_000)  // 1.52 MB
        try expectRefused(
            "big.txt", Array(text.utf8), arguments: ["--max-size", "1"],
            message: "big.txt: is 2 MB, larger than the 1 MB limit (--max-size)")
    }

    @Test func refusesAnUnreadableFile() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        let good = try corpus.write("good.txt", Self.good)
        try corpus.ingest([good, "--quiet"])
        // Root reads any file whatever its mode; /proc/self/mem fails on read for everyone.
        let path: String
        let message: String
        if getuid() == 0 {
            (path, message) = ("/proc/self/mem", "mem: cannot be read: input/output error")
        } else {
            path = try corpus.write("locked.txt", "secret")
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
            message = "locked.txt: cannot be read: permission denied"
        }
        let output = try corpus.ingest([path, "--quiet"])
        #expect(output.status == 1)
        #expect(output.stderr == "annotext: \(message)\n")
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.documents() == ["good.txt": 2])
    }

    @Test func ingestsHTMLNested100000DeepWithoutExhaustingTheStack() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        // libxml2 stops building the tree at 256 levels: the text before goes in, with a warning.
        let html = "<html><body><p>The hegemon fell.</p>" + String(repeating: "<div>", count: 100_000) + "Lost."
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let path = try corpus.write("deep.html", html)
        let output = try corpus.ingest([path, "--quiet"])
        #expect(output.status == 0)
        #expect(
            output.stderr
                == "annotext: warning: deep.html: HTML nested more than 256 levels deep; the text after that point is left out\n"
        )
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.query("SELECT text FROM sentences") == ["The hegemon fell."])
        // The document's text is its one unit: nothing lies outside it.
        #expect(try corpus.query("SELECT outside_units || ':' || text FROM document_texts") == ["1:"])
    }

    @Test func reportsABadFileInAFolderAndStoresTheRest() throws {
        let corpus = try IngestTestCorpus()
        defer { corpus.remove() }
        try corpus.write("docs/a.txt", "NATO is an alliance.")
        try corpus.write("docs/b.xml", "<doc><p>never closed</doc>")
        try corpus.write("docs/c.md", "# Realism\n\nStates balance power.")
        let output = try corpus.ingest([corpus.folder.appendingPathComponent("docs").path])
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "annotext: b.xml: not well-formed XML at line 1: Opening and ending tag mismatch: p line 1 and doc\n")
        #expect(output.text.hasPrefix("Ingested into \(corpus.db): 2 added, 1 failed; "))
        guard IngestTestCorpus.hasSQLite3 else { return }
        #expect(try corpus.integrity() == "ok")
        #expect(try corpus.documents().keys.sorted() == ["a.txt", "c.md"])
    }
}
