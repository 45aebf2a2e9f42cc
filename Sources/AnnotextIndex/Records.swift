import AnnotextCore
import Foundation
import GRDB

/// A row of `documents`, as the summary and document readers fetch it.
struct DocumentRow: FetchableRecord {
    var id: Int64
    var name: String
    var title: String?
    var source: String?
    var format: String
    var language: String?
    var contentHash: String
    var bytes: Int
    var sentenceCount: Int
    var mentionCount: Int
    var ingestedAt: String

    static let columns = """
        id, name, title, source, format, language, content_hash, bytes, sentence_count, mention_count, ingested_at
        """

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        title = row["title"]
        source = row["source"]
        format = row["format"]
        language = row["language"]
        contentHash = row["content_hash"]
        bytes = row["bytes"]
        sentenceCount = row["sentence_count"]
        mentionCount = row["mention_count"]
        ingestedAt = row["ingested_at"]
    }

    /// The summary, with the time of ingest parsed by `dates` (`ingested_at` text → date).
    func summary(dates: (String) -> Date) -> DocumentSummary {
        DocumentSummary(
            name: name, title: title, source: source, format: DocumentFormat(rawValue: format) ?? .text,
            language: language, sentences: sentenceCount, mentions: mentionCount, bytes: bytes,
            ingestedAt: dates(ingestedAt), contentHash: contentHash)
    }
}

/// A row of `sentences` (without its document name, which the reader knows).
struct SentenceRow {
    var id: Int64
    var index: Int
    var start: Int
    var end: Int
    var kind: UnitKind
    var text: String

    static let columns = "id, idx, start, \"end\", kind, text"

    init(row: Row) {
        id = row[0]
        index = row[1]
        start = row[2]
        end = row[3]
        kind = UnitKind(rawValue: row[4]) ?? .sentence
        text = row[5]
    }

    func record(document: String, mentions: [MentionRow]) -> SentenceRecord {
        SentenceRecord(
            document: document, index: index, start: start, end: end, kind: kind, text: text,
            mentions: MentionRow.tree(mentions))
    }
}

/// A row of `mentions`, with the concept's label.
struct MentionRow {
    var sentenceID: Int64
    var ord: Int
    var parent: Int?
    var record: MentionRecord

    static let columns = """
        sentence_id, ord, parent, concept, start, "end", text, negated, hedged, attributed, term, variant
        """

    init(sentenceID: Int64, ord: Int, parent: Int?, record: MentionRecord) {
        self.sentenceID = sentenceID
        self.ord = ord
        self.parent = parent
        self.record = record
    }

    /// Reads the columns of `columns`; the label comes from `label(concept)`.
    /// Decodes with concrete types and explicit NULL checks: GRDB's generic `Optional` path
    /// dominated the cost of a first page of hits.
    init(row: Row, label: (String) -> String) {
        sentenceID = row[0]
        ord = row[1]
        parent = row.hasNull(atIndex: 2) ? nil : row[2] as Int
        let concept: String = row[3]
        record = MentionRecord(
            concept: concept, label: label(concept), start: row[4], end: row[5], text: row[6], negated: row[7],
            hedged: row[8], attributed: row[9], term: row.hasNull(atIndex: 10) ? nil : row[10] as String,
            variant: row.hasNull(atIndex: 11) ? nil : row[11] as String)
    }

    /// Rebuilds the nesting of one sentence's mentions, given in depth-first order.
    static func tree(_ rows: [MentionRow]) -> [MentionRecord] {
        guard rows.contains(where: { $0.parent != nil }) else { return rows.map { $0.record } }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (position, row) in rows.enumerated() {
            if let parent = row.parent { children[parent, default: []].append(position) } else { roots.append(position) }
        }
        func build(_ position: Int) -> MentionRecord {
            var record = rows[position].record
            record.nested = (children[rows[position].ord] ?? []).map(build)
            return record
        }
        return roots.map(build)
    }
}
