import AnnotextCore
import Foundation

/// Loads a sentence export of the search benchmark (`search_peers.py --export DIR`,
/// `sentences.jsonl`: one `{"id", "doc", "text", "concepts"}` object per line) into a corpus as
/// it is: its documents, sentences and concept ids, without segmenting or tagging again.
///
/// A document's text is its sentences joined by one space. The export gives concepts without
/// spans, so each mention is an empty span at the start of its sentence; concepts found twice
/// are two mentions, as in the export. The scheme has one concept per id, labelled with the id.
///
/// ```swift
/// let loaded = try SentenceExportLoader().load(contentsOf: url, into: store)
/// loaded.sentenceIDs  // export id - 1 → (document name, unit index)
/// ```
public struct SentenceExportLoader: Sendable {
    /// What a load wrote.
    public struct Summary: Sendable {
        /// Documents in export order.
        public var documents: [String]
        /// The first export id of each document, in the same order (for mapping hits back).
        public var firstIDs: [Int]
        /// How many sentences.
        public var sentences: Int
        /// How many mentions.
        public var mentions: Int
        /// The scheme the corpus records.
        public var scheme: ConceptScheme

        /// The export id of unit `index` of the document at `position` in `documents`.
        public func exportID(document position: Int, index: Int) -> Int { firstIDs[position] + index }
    }

    private struct Line: Decodable {
        var id: Int
        var doc: String
        var text: String
        var concepts: [String]
    }

    /// Documents written per transaction.
    public var documentsPerTransaction: Int

    /// Creates a loader.
    public init(documentsPerTransaction: Int = 64) {
        self.documentsPerTransaction = documentsPerTransaction
    }

    /// Reads the export at `url` and writes it to `store`.
    ///
    /// - Throws: `IndexError` naming the file and line for a line that is not an export object
    ///   or whose id is not the next one, or what the store throws.
    public func load(contentsOf url: URL, into store: CorpusStore) throws -> Summary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IndexError(location: url.path, message: "cannot read the export", reason: .missing)
        }
        return try load(data, named: url.lastPathComponent, into: store)
    }

    /// Loads export lines from memory; `name` stands for the file in messages.
    public func load(_ data: Data, named name: String, into store: CorpusStore) throws -> Summary {
        var groups: [(name: String, firstID: Int, lines: [Line])] = []
        var conceptIDs: [String] = []
        var seen: Set<String> = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        var expected = 1
        for slice in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            guard let line = try? decoder.decode(Line.self, from: slice) else {
                throw IndexError(
                    location: "\(name):\(lineNumber)", message: "not an export object ({\"id\", \"doc\", \"text\", \"concepts\"})",
                    reason: .invalidDocument)
            }
            guard line.id == expected else {
                throw IndexError(
                    location: "\(name):\(lineNumber)", message: "id \(line.id) where \(expected) was expected",
                    reason: .invalidDocument)
            }
            expected += 1
            for concept in line.concepts where seen.insert(concept).inserted { conceptIDs.append(concept) }
            if groups.last?.name == line.doc {
                groups[groups.count - 1].lines.append(line)
            } else {
                groups.append((line.doc, line.id, [line]))
            }
        }
        let scheme = ConceptScheme(
            id: "export", title: "Concepts of \(name)",
            concepts: conceptIDs.sorted().map { Concept(id: $0, label: $0) })
        var summary = Summary(documents: [], firstIDs: [], sentences: 0, mentions: 0, scheme: scheme)
        var batch: [AnnotatedDocument] = []
        for group in groups {
            let annotated = Self.document(group.name, group.lines)
            summary.documents.append(group.name)
            summary.firstIDs.append(group.firstID)
            summary.sentences += annotated.sentences.count
            summary.mentions += group.lines.reduce(0) { $0 + $1.concepts.count }
            batch.append(annotated)
            if batch.count >= documentsPerTransaction {
                _ = try store.write(batch, scheme: scheme)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try store.write(batch, scheme: scheme) }
        try store.updatePostings()
        return summary
    }

    /// One document: sentences joined by a space, offsets in scalars.
    private static func document(_ name: String, _ lines: [Line]) -> AnnotatedDocument {
        var text = ""
        var records: [SentenceRecord] = []
        records.reserveCapacity(lines.count)
        var offset = 0
        for (index, line) in lines.enumerated() {
            if index > 0 {
                text += " "
                offset += 1
            }
            let length = line.text.unicodeScalars.count
            let mentions = line.concepts.map { MentionRecord(concept: $0, label: $0, start: offset, end: offset, text: "") }
            records.append(
                SentenceRecord(
                    document: name, index: index, start: offset, end: offset + length, kind: .sentence, text: line.text,
                    mentions: mentions))
            text += line.text
            offset += length
        }
        let document = Document(name: name, source: name, format: .text, text: text)
        return AnnotatedDocument(document: document, sentences: records, contentHash: AnnotatedDocument.contentHash(of: document))
    }
}
