import AnnotextCore
import Foundation
import GRDB

extension ConceptMap {
    /// What `CorpusStore.conceptMap(_:)` counts and keeps.
    public struct Options: Sendable, Hashable {
        /// What counts as occurring together.
        public var window: Window
        /// The score that ranks edges and picks the `top` ones.
        public var measure: Measure
        /// Nodes and edges seen in fewer windows than this are left out.
        public var minCount: Int
        /// Keep only this many edges, the strongest by `measure`; nil keeps all.
        public var top: Int?
        /// Count every concept as its broadest concepts (through `broader`, transitively).
        public var rollsUp: Bool
        /// How many evidence spans each edge keeps.
        public var evidence: Int
        /// Whether evidence spans carry their text (for drawings that show it).
        public var includesEvidenceText: Bool

        /// Creates options; the defaults give the sentence-window map ranked by G².
        public init(
            window: Window = .sentence, measure: Measure = .g2, minCount: Int = 1, top: Int? = nil,
            rollsUp: Bool = false, evidence: Int = 3, includesEvidenceText: Bool = false
        ) {
            self.window = window
            self.measure = measure
            self.minCount = minCount
            self.top = top
            self.rollsUp = rollsUp
            self.evidence = evidence
            self.includesEvidenceText = includesEvidenceText
        }
    }
}

/// Counts, document by document, the windows each concept and each pair of concepts occurs in,
/// keeping the first evidence spans of each pair.
///
/// Concepts are numbered (`nodes`); a unit's concepts arrive as node numbers, one entry per
/// top-level mention. Memory holds one document's mentioned units and the pair table.
struct WindowTally {
    struct Pair {
        var count = 0
        var evidence: [Span] = []
    }

    /// Units `first` through `last` of document `document` (a row id).
    struct Span: Hashable {
        var document: Int64
        var first: Int
        var last: Int
    }

    let nodeCount: Int
    let evidenceLimit: Int
    let countsPairs: Bool
    private(set) var windows = 0
    private(set) var nodeWindows: [Int]
    private(set) var nodeMentions: [Int]
    private(set) var nodeUnits: [Int]
    private(set) var nodeDocuments: [Int]
    private(set) var pairs: [Int: Pair] = [:]

    init(nodeCount: Int, evidenceLimit: Int, countsPairs: Bool = true) {
        self.nodeCount = nodeCount
        self.evidenceLimit = evidenceLimit
        self.countsPairs = countsPairs
        nodeWindows = Array(repeating: 0, count: nodeCount)
        nodeMentions = nodeWindows
        nodeUnits = nodeWindows
        nodeDocuments = nodeWindows
    }

    /// Adds one document of `unitCount` units.
    ///
    /// - Parameters:
    ///   - units: the mentioned units in index order, each with its node numbers (repeats allowed).
    ///   - paragraphs: for the paragraph window, the first unit of every paragraph, ascending.
    mutating func add(
        document: Int64, unitCount: Int, units: [(index: Int, nodes: [Int])], window: ConceptMap.Window,
        paragraphs: [Int] = []
    ) {
        guard unitCount > 0 else { return }
        var inDocument = Set<Int>()
        for unit in units {
            var seen = Set<Int>()
            for node in unit.nodes {
                nodeMentions[node] += 1
                if seen.insert(node).inserted { nodeUnits[node] += 1 }
                inDocument.insert(node)
            }
        }
        for node in inDocument { nodeDocuments[node] += 1 }

        switch window {
        case .sentence, .sentences(1):
            windows += unitCount
            for position in units.indices { count(document: document, units[position...position]) }
        case .paragraph:
            let starts = paragraphs.isEmpty || paragraphs[0] != 0 ? [0] + paragraphs : paragraphs
            windows += starts.count
            var cursor = 0
            for position in starts.indices {
                let end = position + 1 < starts.count ? starts[position + 1] : unitCount
                let from = cursor
                while cursor < units.count, units[cursor].index < end { cursor += 1 }
                if cursor > from { count(document: document, units[from..<cursor]) }
            }
        case .sentences(let size):
            guard unitCount > size else {
                windows += 1
                count(document: document, units[...])
                return
            }
            windows += unitCount - size + 1
            var low = 0
            for start in 0...(unitCount - size) {
                while low < units.count, units[low].index < start { low += 1 }
                var high = low
                while high < units.count, units[high].index < start + size { high += 1 }
                if high > low { count(document: document, units[low..<high]) }
            }
        }
    }

    /// Counts one window made of the given mentioned units.
    private mutating func count(document: Int64, _ window: ArraySlice<(index: Int, nodes: [Int])>) {
        // node → the units of the window that mention it, in node order.
        var present: [(node: Int, units: [Int])] = []
        for unit in window {
            for node in unit.nodes {
                if let at = present.firstIndex(where: { $0.node == node }) {
                    if present[at].units.last != unit.index { present[at].units.append(unit.index) }
                } else {
                    present.append((node, [unit.index]))
                }
            }
        }
        guard !present.isEmpty else { return }
        present.sort { $0.node < $1.node }
        for entry in present { nodeWindows[entry.node] += 1 }
        guard countsPairs else { return }
        for i in present.indices {
            for j in present.index(after: i)..<present.endIndex {
                let a = present[i], b = present[j]
                let key = a.node * nodeCount + b.node
                var pair = pairs[key] ?? Pair()
                pair.count += 1
                if pair.evidence.count < evidenceLimit {
                    let span = Self.tightestSpan(a.units, b.units, document: document)
                    // Overlapping sliding windows find the same meeting again: keep it once.
                    let isSeen = pair.evidence.last.map { $0.document == document && span.first <= $0.last } ?? false
                    if !isSeen { pair.evidence.append(span) }
                }
                pairs[key] = pair
            }
        }
    }

    /// The shortest run of units holding a unit from each list (both ascending).
    static func tightestSpan(_ a: [Int], _ b: [Int], document: Int64) -> Span {
        var best = Span(document: document, first: min(a[0], b[0]), last: max(a[0], b[0]))
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let low = min(a[i], b[j]), high = max(a[i], b[j])
            if high - low < best.last - best.first { best = Span(document: document, first: low, last: high) }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return best
    }
}

/// The recorded scheme's `broader` links, for rolling concepts up.
struct ConceptHierarchy {
    private var broader: [String: [String]] = [:]
    private var order: [String: Int] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, ord FROM concepts") { order[row[0]] = row[1] }
        for row in try Row.fetchAll(
            db, sql: "SELECT concept, target FROM concept_links WHERE kind = 'broader' ORDER BY concept, target")
        {
            let from: String = row[0], to: String = row[1]
            // A link to a concept the scheme does not have leads nowhere.
            if order[to] != nil, from != to { broader[from, default: []].append(to) }
        }
    }

    /// `id` and every concept broader than it, transitively, in scheme order.
    func selfAndBroader(_ id: String) -> [String] {
        var seen: Set<String> = [id]
        var frontier = [id]
        while let next = frontier.popLast() {
            for up in broader[next] ?? [] where seen.insert(up).inserted { frontier.append(up) }
        }
        return sorted(seen)
    }

    /// The broadest concepts above `id` (those with nothing broader), or `id` itself when it
    /// has nothing broader; in scheme order.
    func broadest(_ id: String) -> [String] {
        sorted(Set(selfAndBroader(id).filter { (broader[$0] ?? []).isEmpty }))
    }

    private func sorted(_ ids: Set<String>) -> [String] {
        ids.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }
}

extension CorpusStore {
    /// Streams the top-level mentions (of `restrictedTo` concepts only, when given) in document
    /// order into a `WindowTally`, mapping each concept to its node numbers through `mapping`
    /// (a concept without an entry is ignored).
    static func tally(
        _ db: Database, mapping: [String: [Int]], nodeCount: Int, window: ConceptMap.Window, evidenceLimit: Int,
        countsPairs: Bool = true, restrictedTo concepts: [String]? = nil
    ) throws -> WindowTally {
        var tally = WindowTally(nodeCount: nodeCount, evidenceLimit: evidenceLimit, countsPairs: countsPairs)
        let documents = try Row.fetchAll(db, sql: "SELECT id, sentence_count FROM documents ORDER BY id").map {
            (id: $0[0] as Int64, units: $0[1] as Int)
        }
        let texts = window == .paragraph ? try CorpusSchema.documentsWithText(db) : ""
        var sql = "SELECT sentence_id, concept FROM mentions WHERE parent IS NULL"
        var arguments = StatementArguments()
        if let concepts {
            sql += " AND concept IN (SELECT value FROM json_each(?))"
            let list = try JSONEncoder().encode(concepts)
            arguments = [String(decoding: list, as: UTF8.self)]
        }
        let mentions = try Row.fetchCursor(db, sql: sql + " ORDER BY sentence_id", arguments: arguments)
        var pending = try mentions.next().map { (sentence: $0[0] as Int64, concept: $0[1] as String) }
        for document in documents {
            let first = CorpusSchema.firstSentenceID(ofDocument: document.id)
            let last = CorpusSchema.lastSentenceID(ofDocument: document.id)
            var units: [(index: Int, nodes: [Int])] = []
            while let mention = pending, mention.sentence <= last {
                if mention.sentence >= first, let nodes = mapping[mention.concept], !nodes.isEmpty {
                    let index = Int(mention.sentence - first)
                    if units.last?.index == index {
                        units[units.count - 1].nodes += nodes
                    } else {
                        units.append((index, nodes))
                    }
                }
                pending = try mentions.next().map { (sentence: $0[0] as Int64, concept: $0[1] as String) }
            }
            let paragraphs =
                window == .paragraph ? try paragraphStarts(ofDocument: document.id, texts: texts, in: db) : []
            tally.add(
                document: document.id, unitCount: document.units, units: units, window: window, paragraphs: paragraphs)
        }
        return tally
    }

    /// The first unit of every paragraph after the first: units that a blank line (two line
    /// breaks with only spaces between) separates from the unit before them. `texts` is
    /// `CorpusSchema.documentsWithText`.
    ///
    /// Blank lines lie between units, so a text stored without its units (see `DocumentText`)
    /// is scanned as it is, each gap shifted back by the units before it, rather than put back
    /// together first.
    static func paragraphStarts(ofDocument id: Int64, texts: String, in db: Database) throws -> [Int] {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT d.text, d.outside_units FROM \(texts) WHERE d.id = ?", arguments: [id])
        else { return [] }
        let text: String = row[0]
        let outsideUnits: Bool = row[1]
        let spans = try Row.fetchAll(
            db, sql: "SELECT idx, start, \"end\" FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
            arguments: [CorpusSchema.firstSentenceID(ofDocument: id), CorpusSchema.lastSentenceID(ofDocument: id)])
        var scanner = ParagraphBreakScanner(text: text)
        var starts: [Int] = []
        var previousEnd: Int?
        // Scalars of the units before the current one, missing from a text stored without them.
        var removed = 0
        for span in spans {
            let index: Int = span[0], start: Int = span[1], end: Int = span[2]
            if let previousEnd, scanner.hasBlankLine(from: previousEnd - removed, to: start - removed) {
                starts.append(index)
            }
            previousEnd = max(previousEnd ?? 0, end)
            if outsideUnits { removed += end - start }
        }
        return starts
    }
}
