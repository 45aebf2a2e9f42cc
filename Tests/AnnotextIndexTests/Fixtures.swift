import AnnotextCore
import AnnotextIndex
import Foundation

/// Hand-made corpora for the index tests: units are joined by a space into the document text
/// and mentions are found by their surface text, in order, inside their unit.
enum Fixtures {
    /// A mention to place: its concept and the text it covers.
    struct M {
        var concept: String
        var surface: String
        var negated = false
        var hedged = false
        var attributed = false
        var nested: [M] = []
    }

    /// A unit of a fixture document.
    struct U {
        var text: String
        var kind: UnitKind = .sentence
        var mentions: [M] = []

        init(_ text: String, kind: UnitKind = .sentence, _ mentions: [M] = []) {
            self.text = text
            self.kind = kind
            self.mentions = mentions
        }
    }

    /// A small scheme: nato and csto are narrower than alliance.
    static let scheme = ConceptScheme(
        id: "test-ir", title: "Test", concepts: [
            Concept(id: "alliance", label: "Alliance", definition: "States pledged to help each other."),
            Concept(id: "nato", label: "NATO", broader: ["alliance"]),
            Concept(id: "csto", label: "CSTO", broader: ["alliance"], related: ["collective-security"]),
            Concept(id: "collective-security", label: "Collective security", related: ["csto"]),
            Concept(id: "hegemon", label: "Hegemon"),
            Concept(id: "balance-of-power", label: "Balance of power"),
            Concept(id: "deterrence", label: "Deterrence"),
        ])

    static func document(
        _ name: String, _ units: [U], format: DocumentFormat = .text, title: String? = nil
    ) -> AnnotatedDocument {
        let text = units.map(\.text).joined(separator: " ")
        let bytes = Array(text.utf8)
        var tagged: [TaggedSentence] = []
        var base = 0
        for (index, unit) in units.enumerated() {
            let length = unit.text.utf8.count
            var cursor = base
            let mentions = unit.mentions.map { place($0, in: bytes, from: &cursor, limit: base + length) }
            tagged.append(
                TaggedSentence(sentence: Sentence(index: index, range: base..<(base + length), kind: unit.kind), mentions: mentions))
            base += length + 1
        }
        let document = Document(name: name, title: title, source: name, format: format, text: text)
        return AnnotatedDocument(document: document, tagged: tagged, scheme: scheme)
    }

    private static func place(_ mention: M, in bytes: [UInt8], from cursor: inout Int, limit: Int) -> Mention {
        let needle = Array(mention.surface.utf8)
        var start = cursor
        while start + needle.count <= limit, Array(bytes[start..<(start + needle.count)]) != needle { start += 1 }
        precondition(start + needle.count <= limit, "fixture: \"\(mention.surface)\" not found")
        let end = start + needle.count
        var inner = start
        let nested = mention.nested.map { place($0, in: bytes, from: &inner, limit: end) }
        cursor = end
        return Mention(
            concept: mention.concept, range: start..<end, isNegated: mention.negated, isHedged: mention.hedged,
            isAttributed: mention.attributed, provenance: Provenance(term: mention.surface, variant: "exact"),
            nested: nested)
    }

    /// A fresh temporary corpus path; the folder is removed when `body` returns.
    static func withCorpusPath<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder.appendingPathComponent("corpus.sqlite").path)
    }

    /// The standard three-document corpus most tests search.
    static var corpus: [AnnotatedDocument] {
        [
            document(
                "a.txt",
                [
                    U("Alliances", kind: .heading, [M(concept: "alliance", surface: "Alliances")]),
                    U("NATO is an alliance — a collective-defence pact.", [
                        M(concept: "nato", surface: "NATO"), M(concept: "alliance", surface: "alliance"),
                    ]),
                    U("The hegemon is not an ally of the Élysée.", [
                        M(concept: "hegemon", surface: "hegemon"), M(concept: "alliance", surface: "ally", negated: true),
                    ]),
                ]),
            document(
                "b.md",
                [
                    U("The Collective Security Treaty Organization may deter aggression.", [
                        M(
                            concept: "csto", surface: "Collective Security Treaty Organization",
                            nested: [M(concept: "collective-security", surface: "Collective Security")]),
                        M(concept: "deterrence", surface: "deter", hedged: true),
                    ]),
                    U("Realists say the balance of power keeps the peace.", [
                        M(concept: "balance-of-power", surface: "balance of power", attributed: true)
                    ]),
                ], format: .markdown, title: "B"),
            document(
                "notes/c.txt",
                [
                    U("Deterrence rests on the balance of power among allied states.", [
                        M(concept: "deterrence", surface: "Deterrence"),
                        M(concept: "balance-of-power", surface: "balance of power"),
                        M(concept: "alliance", surface: "allied"),
                    ]),
                    U("Nothing here mentions a concept."),
                ]),
        ]
    }
}
