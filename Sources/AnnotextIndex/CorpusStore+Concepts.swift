import AnnotextCore
import Foundation
import GRDB

extension CorpusStore {
    /// Every concept of the recorded scheme, in scheme order, with its counts (zero when not
    /// mentioned), then concepts mentioned in the corpus that the scheme no longer has, by id.
    public func concepts() throws(IndexError) -> [ConceptCount] {
        try read { db in try Self.conceptCounts(db) }
    }

    /// Like `concepts()`, but when `rolledUp` each concept also counts the mentions of its
    /// narrower concepts (transitively): a unit that mentions NATO counts for alliance too.
    /// Units and documents are counted once however many narrower concepts they mention.
    public func concepts(rolledUp: Bool) throws(IndexError) -> [ConceptCount] {
        guard rolledUp else { return try concepts() }
        return try read { db in
            let counts = try Self.conceptCounts(db)
            let hierarchy = try ConceptHierarchy(db)
            let position = Dictionary(counts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let mapping = counts.reduce(into: [String: [Int]]()) { mapping, count in
                mapping[count.id] = hierarchy.selfAndBroader(count.id).compactMap { position[$0] }
            }
            let tally = try Self.tally(
                db, mapping: mapping, nodeCount: counts.count, window: .sentence, evidenceLimit: 0, countsPairs: false)
            return counts.enumerated().map { i, count in
                ConceptCount(
                    id: count.id, label: count.label, mentions: tally.nodeMentions[i], sentences: tally.nodeUnits[i],
                    documents: tally.nodeDocuments[i])
            }
        }
    }

    static func conceptCounts(_ db: Database) throws -> [ConceptCount] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.label, COALESCE(t.mentions, 0), COALESCE(t.sentences, 0), COALESCE(t.documents, 0)
                FROM concepts c LEFT JOIN concept_totals t ON t.concept = c.id
                UNION ALL
                SELECT t.concept, t.concept, t.mentions, t.sentences, t.documents
                FROM concept_totals t WHERE t.concept NOT IN (SELECT id FROM concepts)
                ORDER BY 1
                """)
        let order = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, ord FROM concepts").map { ($0[0] as String, $0[1] as Int) },
            uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            ConceptCount(id: row[0], label: row[1], mentions: row[2], sentences: row[3], documents: row[4])
        }.sorted { (order[$0.id] ?? .max, $0.id) < (order[$1.id] ?? .max, $1.id) }
    }

    /// The sentence-window concept map: concepts in at least `minCount` units, pairs sharing
    /// at least `minCount` units with their association scores, and the scheme links between them.
    public func conceptMap(minCount: Int = 1) throws(IndexError) -> ConceptMap {
        try conceptMap(ConceptMap.Options(minCount: minCount))
    }

    /// The concept map under `options`: nodes in scheme order, edges strongest first by
    /// `options.measure` (ties by count, then node order), relations in node order.
    ///
    /// Streams the top-level mentions once in document order; memory holds one document's
    /// mentioned units and the pair table. The same corpus and options give the same map.
    public func conceptMap(_ options: ConceptMap.Options) throws(IndexError) -> ConceptMap {
        try read { db in
            let minimum = max(1, options.minCount)
            let counts = try Self.conceptCounts(db)
            let hierarchy = try ConceptHierarchy(db)
            let position = Dictionary(counts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let mapping = counts.reduce(into: [String: [Int]]()) { mapping, count in
                mapping[count.id] = options.rollsUp ? hierarchy.broadest(count.id).compactMap { position[$0] } : [position[count.id] ?? 0]
            }
            let tally = try Self.tally(
                db, mapping: mapping, nodeCount: counts.count, window: options.window,
                evidenceLimit: max(0, options.evidence))
            let kept = counts.indices.filter { tally.nodeWindows[$0] >= minimum }
            let nodes = kept.map { i in
                ConceptMap.Node(
                    id: counts[i].id, label: counts[i].label, mentions: tally.nodeMentions[i],
                    sentences: tally.nodeUnits[i], documents: tally.nodeDocuments[i], windows: tally.nodeWindows[i])
            }
            let isKept = Set(kept)
            let names = try Dictionary(
                Row.fetchAll(db, sql: "SELECT id, name FROM documents").map { ($0[0] as Int64, $0[1] as String) },
                uniquingKeysWith: { a, _ in a })
            var ranked: [(key: Int, edge: ConceptMap.Edge)] = []
            for (key, pair) in tally.pairs where pair.count >= minimum {
                let a = key / counts.count, b = key % counts.count
                guard isKept.contains(a), isKept.contains(b) else { continue }
                let evidence = try pair.evidence.map { span in
                    ConceptMap.Evidence(
                        document: names[span.document] ?? "", index: span.first, through: span.last,
                        text: options.includesEvidenceText ? try Self.text(of: span, in: db) : nil)
                }
                let edge = ConceptMap.Edge(
                    a: counts[a].id, b: counts[b].id, count: pair.count, countA: tally.nodeWindows[a],
                    countB: tally.nodeWindows[b], total: tally.windows, evidence: evidence)
                ranked.append((key, edge))
            }
            let measure = options.measure
            ranked.sort { x, y in
                let sx = measure.score(of: x.edge), sy = measure.score(of: y.edge)
                if sx != sy { return sx > sy }
                if x.edge.count != y.edge.count { return x.edge.count > y.edge.count }
                return x.key < y.key
            }
            if let top = options.top { ranked = Array(ranked.prefix(max(0, top))) }
            let total = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(sentence_count), 0) FROM documents") ?? 0
            return ConceptMap(
                sentences: total, window: options.window, windows: tally.windows, measure: measure,
                isRolledUp: options.rollsUp, nodes: nodes, edges: ranked.map(\.edge),
                relations: try Self.relations(among: nodes.map(\.id), in: db))
        }
    }

    /// The units behind the edge between concepts `a` and `b` under `options` (window and
    /// roll-up; the other options do not apply), in document order: every unit of the first
    /// `limit` spans where both occur (all spans when nil). Empty when they never meet.
    public func evidence(
        forEdge a: String, _ b: String, options: ConceptMap.Options = ConceptMap.Options(), limit: Int? = nil
    ) throws(IndexError) -> [SentenceRecord] {
        guard a != b else { return [] }
        return try read { db in
            let hierarchy = try ConceptHierarchy(db)
            let ends = [a: 0, b: 1]
            var mapping: [String: [Int]] = [:]
            for concept in try String.fetchAll(
                db, sql: "SELECT id FROM concepts UNION SELECT concept FROM concept_totals")
            {
                let targets = options.rollsUp ? hierarchy.broadest(concept) : [concept]
                let nodes = targets.compactMap { ends[$0] }
                if !nodes.isEmpty { mapping[concept] = nodes }
            }
            guard !mapping.isEmpty else { return [] }
            let tally = try Self.tally(
                db, mapping: mapping, nodeCount: 2, window: options.window, evidenceLimit: limit ?? .max,
                restrictedTo: mapping.keys.sorted())
            var ids: [Int64] = []
            for span in tally.pairs[1]?.evidence ?? [] {
                for index in span.first...span.last { ids.append(CorpusSchema.firstSentenceID(ofDocument: span.document) | Int64(index)) }
            }
            return try Self.records(forSentences: Array(Set(ids)).sorted(), in: db)
        }
    }

    /// The text of a span's units, joined by a space.
    static func text(of span: WindowTally.Span, in db: Database) throws -> String {
        let base = CorpusSchema.firstSentenceID(ofDocument: span.document)
        return try String.fetchAll(
            db.cachedStatement(sql: "SELECT text FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id"),
            arguments: [base | Int64(span.first), base | Int64(span.last)]
        ).joined(separator: " ")
    }

    /// Scheme links whose two ends are both among `ids`, one per `related` pair, in node order.
    static func relations(among ids: [String], in db: Database) throws -> [ConceptMap.Relation] {
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var relations: [ConceptMap.Relation] = []
        var seenRelated: Set<[String]> = []
        for row in try Row.fetchAll(db, sql: "SELECT concept, kind, target FROM concept_links ORDER BY concept, kind, target") {
            let from: String = row[0], kind: String = row[1], to: String = row[2]
            guard position[from] != nil, position[to] != nil, from != to, let kind = ConceptMap.Relation.Kind(rawValue: kind)
            else { continue }
            // `related` is symmetric: keep one link per pair.
            if kind == .related, !seenRelated.insert([from, to].sorted()).inserted { continue }
            relations.append(ConceptMap.Relation(from: from, to: to, kind: kind))
        }
        relations.sort { (position[$0.from] ?? 0, position[$0.to] ?? 0) < (position[$1.from] ?? 0, position[$1.to] ?? 0) }
        return relations
    }
}

extension CorpusStore {
    /// Calls `begin` with each document (or each of `names`, in ingest order) and then `unit`
    /// with each of its units in index order, from one read snapshot: what the per-document
    /// exports (brat, TEI) need, in constant memory beside one document's text.
    ///
    /// The document passed to `begin` has its text, title and metadata but no blocks.
    ///
    /// - Throws: what the closures throw, unchanged, or an `IndexError`.
    public func forEachDocument(
        named names: [String]? = nil, _ begin: (Document) throws -> Void, unit: (SentenceRecord) throws -> Void
    ) throws {
        do {
            try pool.read { db in
                let labels = try Self.labels(db)
                let wanted = names.map(Set.init)
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT d.id, d.name, d.title, d.source, d.format, d.language, d.text, d.outside_units
                        FROM \(CorpusSchema.documentsWithText(db)) ORDER BY d.id
                        """)
                while let row = try rows.next() {
                    let name: String = row["name"]
                    guard wanted?.contains(name) ?? true else { continue }
                    let document = Document(
                        name: name, title: row["title"], source: row["source"],
                        format: DocumentFormat(rawValue: row["format"]) ?? .text, language: row["language"],
                        text: try DocumentText.whole(row, document: row["id"], in: db))
                    do { try begin(document) } catch { throw BodyFailure(error: error) }
                    try Self.forEachRecord(ofDocument: row["id"], named: name, labels: labels, in: db) { record in
                        do { try unit(record) } catch { throw BodyFailure(error: error) }
                    }
                }
            }
        } catch let failure as BodyFailure {
            throw failure.error
        } catch let error as DatabaseError {
            throw Self.indexError(path, error)
        }
    }
}
