import GRDB

/// Compiles a query into one SQL statement that yields matching sentence ids in id (document)
/// order, so that SQLite can stop after LIMIT rows.
///
/// The plan: pick *driver* leaves whose postings cover every possible hit (a concept's
/// postings, or a full-text match; for AND the cheapest child, for OR all children). Each
/// driver becomes one arm, `SELECT sentence_id … ORDER BY sentence_id` straight from an
/// ordered index, filtered by the rest of the query as EXISTS / IN predicates with the
/// driver itself known true. Arms are merged with UNION, which SQLite runs as a streaming
/// merge of sorted inputs. A query with no driver (`NOT x`, `kind:heading`) scans units in
/// order.
struct QueryCompiler {
    /// A boolean tree over numbered leaves.
    private indirect enum Expression {
        case leaf(Int)
        case constant(Bool)
        case and([Expression])
        case or([Expression])
        case not(Expression)
    }

    private var leaves: [QueryNode] = []
    /// The two sides of each NEAR leaf, over leaves of their own: they supply drivers only.
    private var nearSides: [Int: (Expression, Expression)] = [:]
    private let root: Expression
    /// Numbers the aliases of NEAR subqueries, which may nest.
    private var aliases = 0
    private let db: Database
    private var sentenceTotal: Int?

    init(_ node: QueryNode, db: Database) {
        self.db = db
        var leaves: [QueryNode] = []
        var nearSides: [Int: (Expression, Expression)] = [:]
        func convert(_ node: QueryNode) -> Expression {
            switch node {
            case .and(let nodes): return .and(nodes.map(convert))
            case .or(let nodes): return .or(nodes.map(convert))
            case .not(let node): return .not(convert(node))
            case .concept, .text, .kind, .document:
                leaves.append(node)
                return .leaf(leaves.count - 1)
            case .near(let a, let b, _):
                leaves.append(node)
                let leaf = leaves.count - 1
                nearSides[leaf] = (convert(a), convert(b))
                return .leaf(leaf)
            }
        }
        root = convert(node)
        self.leaves = leaves
        self.nearSides = nearSides
    }

    /// The SELECT of matching sentence ids (column `sid`), ordered, without LIMIT.
    mutating func orderedIDs() throws -> (sql: String, arguments: StatementArguments) {
        var arms: [(sql: String, arguments: StatementArguments)] = []
        if let drivers = try drivers(root) {
            for leaf in drivers {
                let rest = Self.simplify(root, knowing: leaf)
                if case .constant(false) = rest { continue }
                for source in armSources(of: leaf) {
                    var arguments = source.arguments
                    let filter = predicate(rest, id: source.id, arguments: &arguments)
                    arms.append(("SELECT \(source.id) AS sid FROM \(source.from)\(Self.and(source.filter, filter))", arguments))
                }
            }
        } else {
            var arguments = StatementArguments()
            let filter = predicate(root, id: "s.id", arguments: &arguments)
            arms.append(("SELECT s.id AS sid FROM sentences s\(Self.and("", filter))", arguments))
        }
        switch arms.count {
        case 0:
            return ("SELECT NULL AS sid WHERE 0", [])
        case 1:
            return ("SELECT DISTINCT" + String(arms[0].sql.dropFirst("SELECT".count)) + " ORDER BY 1", arms[0].arguments)
        default:
            var arguments = StatementArguments()
            for arm in arms { arguments += arm.arguments }
            return (arms.map(\.sql).joined(separator: " UNION ") + " ORDER BY 1", arguments)
        }
    }

    private static func and(_ filter: String, _ predicate: String?) -> String {
        let conditions = [filter, predicate ?? ""].filter { !$0.isEmpty }
        return conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    // MARK: Drivers

    /// Leaves whose hits cover every hit of `expression`; nil when only a scan will do.
    private mutating func drivers(_ expression: Expression) throws -> [Int]? {
        switch expression {
        case .leaf(let leaf):
            switch leaves[leaf] {
            case .concept, .text: return [leaf]
            case .near:
                // Every hit matches one side: the drivers of both sides cover them all.
                guard let sides = nearSides[leaf], let a = try drivers(sides.0), let b = try drivers(sides.1)
                else { return nil }
                return a + b
            default: return nil
            }
        case .constant, .not:
            return nil
        case .or(let children):
            var all: [Int] = []
            for child in children {
                guard let drivers = try drivers(child) else { return nil }
                all += drivers
            }
            return all
        case .and(let children):
            var best: (cost: Int, drivers: [Int])?
            for child in children {
                guard let drivers = try drivers(child) else { continue }
                var cost = 0
                for leaf in drivers { cost += try self.cost(of: leaf) }
                if cost < best?.cost ?? .max { best = (cost, drivers) }
            }
            return best?.drivers
        }
    }

    /// Roughly how many postings a driver leaf reads.
    private mutating func cost(of leaf: Int) throws -> Int {
        switch leaves[leaf] {
        case .concept(let ids, _):
            // Point lookups: a query names a few concepts, a lexicon may have many thousands.
            let statement = try db.cachedStatement(sql: "SELECT mentions FROM concept_totals WHERE concept = ?")
            var cost = 0
            for id in ids { cost += try Int.fetchOne(statement, arguments: [id]) ?? 0 }
            return cost
        default:
            // Full-text hit counts are unknown without running the match: assume it is common.
            if sentenceTotal == nil {
                sentenceTotal = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(sentence_count), 0) FROM documents")
            }
            return (sentenceTotal ?? 0) / 2
        }
    }

    /// The ordered sources of a driver: one per concept id, or the full-text match.
    private func armSources(of leaf: Int) -> [(id: String, from: String, filter: String, arguments: StatementArguments)] {
        switch leaves[leaf] {
        case .concept(let ids, let attributes):
            return ids.map { id in
                var arguments: StatementArguments = [id]
                var filter = "p.concept = ? AND p.parent IS NULL"
                for (attribute, wanted) in attributes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    filter += " AND p.\(attribute.rawValue) = ?"
                    arguments += [wanted]
                }
                return ("p.sentence_id", "mentions p", filter, arguments)
            }
        case .text(let query):
            return [("sentences_fts.rowid", "sentences_fts", "sentences_fts MATCH ?", [query])]
        default:
            return []
        }
    }

    // MARK: Predicates

    /// `expression` with `leaf` known to be true, constants folded.
    private static func simplify(_ expression: Expression, knowing leaf: Int) -> Expression {
        switch expression {
        case .leaf(let other): return other == leaf ? .constant(true) : expression
        case .constant: return expression
        case .not(let inner):
            let inner = simplify(inner, knowing: leaf)
            if case .constant(let value) = inner { return .constant(!value) }
            return .not(inner)
        case .and(let children):
            var kept: [Expression] = []
            for child in children.map({ simplify($0, knowing: leaf) }) {
                if case .constant(let value) = child {
                    if !value { return .constant(false) }
                } else {
                    kept.append(child)
                }
            }
            return kept.isEmpty ? .constant(true) : kept.count == 1 ? kept[0] : .and(kept)
        case .or(let children):
            var kept: [Expression] = []
            for child in children.map({ simplify($0, knowing: leaf) }) {
                if case .constant(let value) = child {
                    if value { return .constant(true) }
                } else {
                    kept.append(child)
                }
            }
            return kept.isEmpty ? .constant(false) : kept.count == 1 ? kept[0] : .or(kept)
        }
    }

    /// SQL for `expression` about the sentence whose id is the SQL expression `id`; nil for true.
    private mutating func predicate(_ expression: Expression, id: String, arguments: inout StatementArguments) -> String? {
        switch expression {
        case .constant(let value):
            return value ? nil : "0"
        case .leaf(let leaf):
            return leafPredicate(leaves[leaf], id: id, arguments: &arguments)
        case .not(let inner):
            return "NOT " + (predicate(inner, id: id, arguments: &arguments) ?? "1")
        case .and(let children):
            var parts: [String] = []
            for child in children { parts.append(predicate(child, id: id, arguments: &arguments) ?? "1") }
            return "(" + parts.joined(separator: " AND ") + ")"
        case .or(let children):
            var parts: [String] = []
            for child in children { parts.append(predicate(child, id: id, arguments: &arguments) ?? "1") }
            return "(" + parts.joined(separator: " OR ") + ")"
        }
    }

    /// SQL for a query tree about the unit whose id is `id` (inside NEAR).
    private mutating func nodePredicate(_ node: QueryNode, id: String, arguments: inout StatementArguments) -> String {
        switch node {
        case .and(let nodes), .or(let nodes):
            var parts: [String] = []
            for child in nodes { parts.append(nodePredicate(child, id: id, arguments: &arguments)) }
            var separator = " OR "
            if case .and = node { separator = " AND " }
            return "(" + parts.joined(separator: separator) + ")"
        case .not(let inner):
            return "NOT " + nodePredicate(inner, id: id, arguments: &arguments)
        default:
            return leafPredicate(node, id: id, arguments: &arguments)
        }
    }

    private mutating func leafPredicate(_ node: QueryNode, id: String, arguments: inout StatementArguments) -> String {
        switch node {
        case .near(let a, let b, let distance):
            // One side here, the other in a unit of the same document at most `distance` away.
            func side(_ here: QueryNode, _ there: QueryNode, _ compiler: inout QueryCompiler) -> String {
                compiler.aliases += 1
                let alias = "n\(compiler.aliases)"
                let own = compiler.nodePredicate(here, id: id, arguments: &arguments)
                arguments += [distance, distance]
                let other = compiler.nodePredicate(there, id: "\(alias).id", arguments: &arguments)
                return """
                    (\(own) AND EXISTS (SELECT 1 FROM sentences \(alias) WHERE \(alias).id BETWEEN \(id) - ? AND \(id) + ? \
                    AND (\(alias).id >> \(CorpusSchema.indexBits)) = (\(id) >> \(CorpusSchema.indexBits)) AND \(other)))
                    """
            }
            let first = side(a, b, &self)
            let second = side(b, a, &self)
            return "(" + first + " OR " + second + ")"
        case .concept(let ids, let attributes):
            arguments += StatementArguments(ids)
            var sql = "EXISTS (SELECT 1 FROM mentions m WHERE m.sentence_id = \(id) AND m.parent IS NULL"
            sql += " AND m.concept IN (\(databaseQuestionMarks(count: ids.count)))"
            for (attribute, wanted) in attributes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                sql += " AND m.\(attribute.rawValue) = ?"
                arguments += [wanted]
            }
            return sql + ")"
        case .text(let query):
            arguments += [query]
            return "\(id) IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
        case .kind(let kind):
            arguments += [kind.rawValue]
            // In a scan of `sentences s` the row is at hand; elsewhere look it up by id.
            return id == "s.id" ? "s.kind = ?" : "(SELECT k.kind FROM sentences k WHERE k.id = \(id)) = ?"
        case .document(let glob):
            arguments += [glob]
            return "(\(id) >> \(CorpusSchema.indexBits)) IN (SELECT d.id FROM documents d WHERE d.name GLOB ?)"
        case .and, .or, .not:
            return nodePredicate(node, id: id, arguments: &arguments)
        }
    }
}
