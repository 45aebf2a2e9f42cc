import AnnotextCore
import Foundation

/// A parsed concept query, ready for `CorpusStore.search` and `count`.
///
/// The language:
/// - a concept by id or label, case-insensitive (`alliance`, `NATO`, `"balance of power"`, or
///   unquoted `balance of power` when the words form a label), matching the concept and every
///   concept narrower than it unless the query is exact;
/// - `text:word`, `text:"exact phrase"`, `text:prefix*`: full-text search of unit text;
/// - `concept:negated`, `concept:-negated` (also `hedged`, `attributed`): a mention of the
///   concept with (or without) the attribute;
/// - `kind:heading` (`sentence`, `heading`, `list-item`, `option`), `doc:GLOB` (document names);
/// - `AND` (`&`, or nothing between terms), `OR` (`|`), `NOT` (`-`), parentheses; AND binds
///   tighter than OR, and AND means in the same unit;
/// - `NEAR/N(a, b)`: units matching `a` with a unit matching `b` at most N units away in the
///   same document, and the other way round (`NEAR(a, b)` is `NEAR/1`; `NEAR/0` is AND).
public struct ConceptQuery: Sendable, Hashable, CustomStringConvertible {
    /// The query text as given.
    public let source: String
    /// Whether concepts match exactly, without their narrower concepts.
    public let isExact: Bool
    /// The query tree.
    let root: QueryNode

    /// Parses `source`, resolving concept names with `scheme` (nil: names are taken as ids).
    ///
    /// - Throws: `IndexError` located at `query:LINE:COLUMN` for a syntax error or an unknown
    ///   concept, attribute or kind.
    public init(parsing source: String, scheme: ConceptScheme?, exact: Bool = false) throws(IndexError) {
        self.source = source
        self.isExact = exact
        var parser = try QueryParser(source, resolver: ConceptResolver(scheme: scheme, exact: exact))
        self.root = try parser.parse()
    }

    /// The concepts the query looks for outside a NOT: what a concordance highlights.
    public var highlightedConcepts: Set<String> { root.positiveConcepts }

    /// The full-text phrases the query looks for outside a NOT, as typed (a trailing `*` marks
    /// a prefix): what a concordance highlights besides concepts.
    public var highlightedPhrases: [String] {
        root.positiveTexts.map { query in
            let isPrefix = query.hasSuffix("*")
            var body = isPrefix ? String(query.dropLast()) : query
            if body.hasPrefix("\""), body.hasSuffix("\""), body.count >= 2 { body = String(body.dropFirst().dropLast()) }
            body = body.replacingOccurrences(of: "\"\"", with: "\"")
            return isPrefix ? body + "*" : body
        }
    }

    /// The query in a normal form: expansions spelled out, operators explicit.
    public var description: String { root.description }
}

/// A mention attribute a query can filter on.
enum MentionAttribute: String, Sendable, Hashable, CaseIterable {
    case negated, hedged, attributed
}

/// A node of a parsed query.
indirect enum QueryNode: Sendable, Hashable, CustomStringConvertible {
    /// Units with a top-level mention of one of `ids` having the attribute values.
    case concept(ids: [String], attributes: [MentionAttribute: Bool])
    /// Units whose text matches an FTS5 query.
    case text(String)
    /// Units of a kind.
    case kind(UnitKind)
    /// Units of documents whose name matches a glob.
    case document(String)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    /// Units matching one side with a unit matching the other at most `distance` units away.
    case near(QueryNode, QueryNode, distance: Int)

    var positiveConcepts: Set<String> {
        switch self {
        case .concept(let ids, _): Set(ids)
        case .text, .kind, .document, .not: []
        case .and(let nodes), .or(let nodes): nodes.reduce(into: []) { $0.formUnion($1.positiveConcepts) }
        case .near(let a, let b, _): a.positiveConcepts.union(b.positiveConcepts)
        }
    }

    var description: String {
        switch self {
        case .concept(let ids, let attributes):
            let name = ids.count == 1 ? ids[0] : "(" + ids.joined(separator: "|") + ")"
            let filters = MentionAttribute.allCases.compactMap { attribute in
                attributes[attribute].map { ($0 ? ":" : ":-") + attribute.rawValue }
            }
            return name + filters.joined()
        case .text(let query): return "text:" + query
        case .kind(let kind): return "kind:" + kind.rawValue
        case .document(let glob): return "doc:" + glob
        case .and(let nodes): return "(" + nodes.map(\.description).joined(separator: " AND ") + ")"
        case .or(let nodes): return "(" + nodes.map(\.description).joined(separator: " OR ") + ")"
        case .not(let node): return "NOT " + node.description
        case .near(let a, let b, let distance): return "NEAR/\(distance)(\(a.description), \(b.description))"
        }
    }
}

/// Finds concepts by id or label and expands them to their narrower concepts.
struct ConceptResolver {
    private let scheme: ConceptScheme?
    private let exact: Bool
    private var byName: [String: String] = [:]
    private var order: [String: Int] = [:]

    init(scheme: ConceptScheme?, exact: Bool) {
        self.scheme = scheme
        self.exact = exact
        for (position, concept) in (scheme?.concepts ?? []).enumerated() {
            order[concept.id] = position
            byName[Self.key(concept.label)] = byName[Self.key(concept.label)] ?? concept.id
        }
        // Ids win over labels when they collide.
        for concept in scheme?.concepts ?? [] { byName[Self.key(concept.id)] = concept.id }
    }

    /// Case- and space-insensitive lookup key.
    static func key(_ name: String) -> String {
        // Most names are ids or simple labels: skip splitting and joining (a parse computes a
        // key per concept of the scheme).
        var isSimple = true
        var previousIsSpace = true
        for byte in name.utf8 {
            let isSpace = byte == 0x20
            if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (isSpace && previousIsSpace) {
                isSimple = false
                break
            }
            previousIsSpace = isSpace
        }
        if isSimple && !previousIsSpace {
            return name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
        }
        return name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// Without a scheme every name is taken as an id, so multi-word runs must not be tried.
    var isOpen: Bool { scheme == nil }

    /// The ids a name stands for, in scheme order; nil when unknown.
    func ids(for name: String) -> [String]? {
        guard let scheme else { return [name] }
        guard let id = byName[Self.key(name)] else { return nil }
        if exact { return [id] }
        return scheme.selfAndNarrower(id).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }
}
