import GRDB

extension CorpusStore {
    /// Every concept of the recorded scheme, in scheme order, with its counts (zero when not
    /// mentioned), then concepts mentioned in the corpus that the scheme no longer has, by id.
    public func concepts() throws(IndexError) -> [ConceptCount] {
        try read { db in try Self.conceptCounts(db) }
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

    /// The concept map: concepts in at least `minCount` units, pairs sharing at least
    /// `minCount` units with their association scores, and the scheme links between them.
    ///
    /// Co-occurrence is counted per unit over top-level mentions, streaming the mentions
    /// once in document order.
    public func conceptMap(minCount: Int = 1) throws(IndexError) -> ConceptMap {
        try read { db in
            let minimum = max(1, minCount)
            let counts = try Self.conceptCounts(db)
            let nodes = counts.filter { $0.sentences >= minimum }.map {
                ConceptMap.Node(
                    id: $0.id, label: $0.label, mentions: $0.mentions, sentences: $0.sentences,
                    documents: $0.documents)
            }
            var position: [String: Int] = [:]
            for (index, node) in nodes.enumerated() { position[node.id] = index }
            let total = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(sentence_count), 0) FROM documents") ?? 0

            var pairs: [Int: Int] = [:]
            var current: Int64 = -1
            var present: [Int] = []
            func closeSentence() {
                present.sort()
                for i in present.indices {
                    for j in present.index(after: i)..<present.endIndex where present[j] != present[i] {
                        pairs[present[i] * nodes.count + present[j], default: 0] += 1
                    }
                }
                present.removeAll(keepingCapacity: true)
            }
            let mentions = try Row.fetchCursor(
                db, sql: "SELECT sentence_id, concept FROM mentions WHERE parent IS NULL ORDER BY sentence_id")
            while let row = try mentions.next() {
                let sentence: Int64 = row[0]
                if sentence != current {
                    closeSentence()
                    current = sentence
                }
                if let node = position[row[1]], !present.contains(node) { present.append(node) }
            }
            closeSentence()

            let edges = pairs.filter { $0.value >= minimum }.sorted { $0.key < $1.key }.map { key, count in
                let a = nodes[key / nodes.count], b = nodes[key % nodes.count]
                return ConceptMap.Edge(
                    a: a.id, b: b.id, count: count, countA: a.sentences, countB: b.sentences, total: total)
            }
            var relations: [ConceptMap.Relation] = []
            var seenRelated: Set<[String]> = []
            for row in try Row.fetchAll(
                db, sql: "SELECT concept, kind, target FROM concept_links ORDER BY concept, kind, target")
            {
                let from: String = row[0], kind: String = row[1], to: String = row[2]
                guard position[from] != nil, position[to] != nil, let kind = ConceptMap.Relation.Kind(rawValue: kind)
                else { continue }
                // `related` is symmetric: keep one link per pair.
                if kind == .related, !seenRelated.insert([from, to].sorted()).inserted { continue }
                relations.append(ConceptMap.Relation(from: from, to: to, kind: kind))
            }
            relations.sort { (position[$0.from] ?? 0, position[$0.to] ?? 0) < (position[$1.from] ?? 0, position[$1.to] ?? 0) }
            return ConceptMap(sentences: total, nodes: nodes, edges: edges, relations: relations)
        }
    }
}
