import AnnotextCore
import AnnotextExport
import Foundation
import Testing

@Suite struct BratWriterTests {
    /// A text with non-ASCII letters before the mentions and a mention across a line break.
    static let text = "Ünïcöde first. We joined the collective\n   security pact.\n\nThe alliance held."

    static func scalarOffset(of needle: String, in text: String) -> Int {
        let scalars = Array(text.unicodeScalars), wanted = Array(needle.unicodeScalars)
        for start in 0...(scalars.count - wanted.count) where Array(scalars[start..<(start + wanted.count)]) == wanted {
            return start
        }
        return -1
    }

    static func mention(_ surface: String, _ concept: String, negated: Bool = false, nested: [MentionRecord] = []) -> MentionRecord {
        let start = scalarOffset(of: surface, in: text)
        return MentionRecord(
            concept: concept, label: concept, start: start, end: start + surface.unicodeScalars.count, text: surface,
            negated: negated, hedged: negated, nested: nested)
    }

    static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-brat-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    @Test func offsetsCutExactlyTheirTextFromTheTextFile() throws {
        try Self.withFolder { folder in
            let writer = BratWriter(folder: folder)
            try writer.begin(document: "notes/week 1/doc.txt", text: Self.text)
            let security = Self.mention("collective\n   security", "collective-security")
            writer.write(SentenceRecord(document: "notes/week 1/doc.txt", index: 1, start: 15, end: 56, kind: .sentence, text: "", mentions: [security]))
            let alliance = Self.mention("alliance", "alliance", negated: true)
            writer.write(SentenceRecord(document: "notes/week 1/doc.txt", index: 2, start: 58, end: 76, kind: .sentence, text: "", mentions: [alliance]))
            try writer.end()
            #expect(writer.documentCount == 1)

            let base = folder + "/notes/week 1/doc.txt"
            let stored = try String(contentsOfFile: base + ".txt", encoding: .utf8)
            #expect(stored == Self.text)
            let annotations = try String(contentsOfFile: base + ".ann", encoding: .utf8)
            #expect(
                annotations == """
                    T1\tcollective-security 29 39;43 51\tcollective security
                    T2\talliance 63 71\talliance
                    A1\tNegated T2
                    A2\tHedged T2

                    """)
            let scalars = Array(stored.unicodeScalars)
            for line in annotations.split(separator: "\n") where line.hasPrefix("T") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let spans = fields[1].split(separator: " ", maxSplits: 1)[1].split(separator: ";")
                let pieces = spans.map { span -> String in
                    let bounds = span.split(separator: " ").compactMap { Int($0) }
                    var piece = ""
                    piece.unicodeScalars.append(contentsOf: scalars[bounds[0]..<bounds[1]])
                    return piece
                }
                #expect(pieces.joined(separator: " ") == String(fields[2]))
            }
        }
    }

    @Test func namesThatClimbOutOfTheFolderStayInside() throws {
        try Self.withFolder { folder in
            let writer = BratWriter(folder: folder)
            try writer.begin(document: "../up/./x.txt", text: "x")
            try writer.end()
            #expect(FileManager.default.fileExists(atPath: folder + "/_/up/_/x.txt.txt"))
            #expect(FileManager.default.fileExists(atPath: folder + "/_/up/_/x.txt.ann"))
        }
    }
}
