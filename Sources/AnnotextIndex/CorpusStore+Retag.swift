import AnnotextCore
import GRDB

/// Which lexicon tagged a corpus, as `annotext documents` and `concepts` report it.
public struct CorpusTagging: Sendable, Hashable {
    /// The scheme's id.
    public var schemeID: String
    /// The scheme's hash (64-bit FNV-1a of its canonical JSON, hex): equal hashes, equal schemes.
    public var schemeHash: String
    /// Where the lexicon came from (a path, or `built-in`), when the writer said so.
    public var source: String?
    /// How many concepts the scheme has.
    public var concepts: Int

    /// One line for people: `lexicon: built-in (international-relations, 18 concepts, hash 1a2b…)`.
    public var summary: String {
        "lexicon: \(source ?? "unknown") (\(schemeID), \(concepts) concepts, hash \(schemeHash))"
    }
}

/// What `CorpusStore.retag` did.
public struct RetagSummary: Sendable, Hashable {
    /// Documents tagged again and rewritten.
    public var retagged = 0
    /// Documents already tagged by this scheme, left alone.
    public var unchanged = 0
    /// Units in the rewritten documents.
    public var sentences = 0
    /// Top-level mentions in the rewritten documents.
    public var mentions = 0
}

extension CorpusStore {
    /// The lexicon that tagged the corpus; nil for a corpus never written to.
    public func tagging() throws(IndexError) -> CorpusTagging? {
        try read { db in
            var meta: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT key, value FROM meta WHERE key IN ('scheme_id', 'scheme_hash', 'lexicon_source')")
            {
                meta[row[0] as String] = row[1] as String
            }
            guard let id = meta["scheme_id"], let hash = meta["scheme_hash"] else { return nil }
            let concepts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM concepts") ?? 0
            return CorpusTagging(schemeID: id, schemeHash: hash, source: meta["lexicon_source"], concepts: concepts)
        }
    }

    /// Records where the lexicon of the last write came from (a path, or `built-in`).
    public func recordLexiconSource(_ source: String) throws(IndexError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('lexicon_source', ?)", arguments: [source])
        }
    }

    /// Tags every stored document again with `scheme`, from its stored text and blocks, without
    /// reading any file: `annotate` makes the new records (`DocumentAnnotator.records(for:)`).
    ///
    /// Documents keep their names, places and content hashes; each batch of documents is one
    /// transaction, so an interrupted retag leaves every document whole, tagged by the old or
    /// the new scheme (run it again to finish). Documents already tagged by `scheme` are skipped.
    ///
    /// - Parameters:
    ///   - source: recorded as the lexicon's origin (`tagging().source`).
    ///   - report: called after each document with its name.
    public func retag(
        scheme: ConceptScheme, source: String?, documentsPerTransaction: Int = 16,
        annotate: (Document) -> [SentenceRecord], report: (String) -> Void = { _ in }
    ) throws(IndexError) -> RetagSummary {
        var summary = RetagSummary()
        let names = try documents().map(\.name)
        var start = 0
        while start < names.count {
            var batch: [AnnotatedDocument] = []
            for name in names[start..<min(names.count, start + max(1, documentsPerTransaction))] {
                guard let document = try document(named: name) else { continue }
                batch.append(
                    AnnotatedDocument(
                        document: document, sentences: annotate(document),
                        contentHash: AnnotatedDocument.contentHash(of: document)))
            }
            start += max(1, documentsPerTransaction)
            for (annotated, outcome) in zip(batch, try write(batch, scheme: scheme)) {
                if outcome == .unchanged {
                    summary.unchanged += 1
                } else {
                    summary.retagged += 1
                    summary.sentences += annotated.sentences.count
                    summary.mentions += annotated.sentences.reduce(0) { $0 + ($1.mentions?.count ?? 0) }
                }
                report(annotated.document.name)
            }
        }
        if let source { try recordLexiconSource(source) }
        return summary
    }
}
