import AnnotextCore
import Yams

/// Reads the YAML lexicon format (`Lexicons/FORMAT.md`) into concept drafts.
///
/// It notes every structural problem as a diagnostic and reads on, so that `lexicon check`
/// can list them all at once; what it cannot read it leaves out.
struct YAMLLexiconReader {
    /// The file name used in locations and messages.
    let file: String
    /// What went wrong so far, in reading order.
    var diagnostics: [LexiconDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Reads a whole lexicon file.
    mutating func read(_ text: String) -> LexiconFragment {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            report(yamlError: error, in: text)
            return LexiconFragment()
        }
        guard let root, root.null == nil else {
            diagnostics.append(LexiconDiagnostic(.error, at: nil, file: file, "empty lexicon"))
            return LexiconFragment()
        }
        guard let top = root.mapping else {
            error(at: root, #"a lexicon must be a mapping with "scheme" and "concepts""#)
            return LexiconFragment()
        }
        var fragment = LexiconFragment()
        var hasConcepts = false
        for (key, value) in top {
            switch key.string {
            case "scheme": fragment.header = readHeader(value)
            case "concepts":
                hasConcepts = true
                fragment.concepts = readConcepts(value)
            default: warning(at: key, "unknown key \(quoted(key.string ?? "?"))")
            }
        }
        if top["scheme"] == nil { error(at: root, #"missing "scheme""#) }
        if !hasConcepts { error(at: root, #"missing "concepts""#) }
        return fragment
    }

    private mutating func readHeader(_ node: Node) -> SchemeHeader? {
        guard let mapping = node.mapping else {
            error(at: node, #""scheme" must be a mapping with "id", "title", "language" and "version""#)
            return nil
        }
        var header = SchemeHeader(id: "", title: "", language: "en", version: "")
        for (key, value) in mapping {
            let name = key.string ?? "?"
            switch name {
            case "id": header.id = text(value, key: name) ?? ""
            case "title": header.title = text(value, key: name) ?? ""
            case "language": header.language = text(value, key: name) ?? "en"
            case "version": header.version = text(value, key: name) ?? ""
            default: warning(at: key, "unknown key \(quoted(name)) in \"scheme\"")
            }
        }
        if header.id.isEmpty { error(at: node, #""scheme" has no "id""#) }
        return header
    }

    private mutating func readConcepts(_ node: Node) -> [ConceptDraft] {
        guard let sequence = node.sequence else {
            error(at: node, #""concepts" must be a list of concepts"#)
            return []
        }
        if sequence.isEmpty { warning(at: node, #""concepts" is empty"#) }
        return sequence.compactMap { readConcept($0) }
    }

    private mutating func readConcept(_ node: Node) -> ConceptDraft? {
        guard let mapping = node.mapping else {
            error(at: node, #"a concept must be a mapping with "id" and "label""#)
            return nil
        }
        let idNode = mapping["id"]
        let id = idNode.flatMap { text($0, key: "id") } ?? ""
        let name = id.isEmpty ? "a concept" : "concept \(quoted(id))"
        var draft = ConceptDraft(
            concept: Concept(id: id, label: "", location: location(of: node)),
            idLocation: idNode.flatMap { location(of: $0) } ?? location(of: node))
        for (key, value) in mapping {
            let keyName = key.string ?? "?"
            switch keyName {
            case "id": break
            case "label": draft.concept.label = text(value, key: keyName) ?? ""
            case "definition": draft.concept.definition = text(value, key: keyName)
            case "note": draft.concept.note = text(value, key: keyName)
            case "terms": draft.concept.terms = readTerms(value, of: name)
            case "hidden": draft.concept.hidden = readTerms(value, of: name)
            case "broader": (draft.concept.broader, draft.broaderLocations) = readIDs(value, key: keyName)
            case "related": (draft.concept.related, draft.relatedLocations) = readIDs(value, key: keyName)
            default:
                if !readOption(keyName, value, into: &draft.concept.options) {
                    warning(at: key, "unknown key \(quoted(keyName)) in \(name)")
                }
            }
        }
        if id.isEmpty {
            error(at: node, #"concept without "id""#)
            return nil
        }
        if draft.concept.label.isEmpty { error(at: idNode ?? node, "\(name) has no \"label\"") }
        return draft
    }

    private mutating func readTerms(_ node: Node, of name: String) -> [Term] {
        if node.null != nil { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        return items.compactMap { item in
            if let scalar = item.scalar { return Term(scalar.string, location: location(of: item)) }
            guard let mapping = item.mapping else {
                error(at: item, #"a term must be text or a mapping with "term""#)
                return nil
            }
            var term = Term("", location: location(of: item))
            var hasText = false
            for (key, value) in mapping {
                let keyName = key.string ?? "?"
                if keyName == "term" {
                    hasText = true
                    term.text = text(value, key: keyName) ?? ""
                    term.location = location(of: value)
                } else if !readOption(keyName, value, into: &term.options) {
                    warning(at: key, "unknown key \(quoted(keyName)) in a term of \(name)")
                }
            }
            if !hasText {
                error(at: item, "a term of \(name) has no \"term\" text")
                return nil
            }
            return term
        }
    }

    /// Reads a match option into `options`; false when `key` names no option.
    private mutating func readOption(_ key: String, _ value: Node, into options: inout MatchOptions) -> Bool {
        switch key {
        case "acronym": options.isAcronym = flag(value, key: key)
        case "case-sensitive": options.isCaseSensitive = flag(value, key: key)
        case "inflect": options.inflects = flag(value, key: key)
        case "exclude": options.exclusions = phrases(value, key: key)
        case "context": options.context = phrases(value, key: key)
        case "window":
            if let window = value.int, window >= 1 {
                options.contextWindow = window
            } else {
                error(at: value, #""window" must be a whole number of words, at least 1"#)
            }
        default: return false
        }
        return true
    }

    private mutating func readIDs(_ node: Node, key: String) -> ([String], [SourceLocation?]) {
        if node.null != nil { return ([], []) }
        let items = node.sequence.map(Array.init) ?? [node]
        var ids: [String] = []
        var locations: [SourceLocation?] = []
        for item in items {
            guard let scalar = item.scalar else {
                error(at: item, "\(quoted(key)) must be a list of concept ids")
                continue
            }
            ids.append(scalar.string)
            locations.append(location(of: item))
        }
        return (ids, locations)
    }

    private mutating func phrases(_ node: Node, key: String) -> [String] {
        if node.null != nil { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        var result: [String] = []
        for item in items {
            guard let scalar = item.scalar else {
                error(at: item, "\(quoted(key)) must be a list of words or phrases")
                continue
            }
            if scalar.string.allSatisfy(\.isWhitespace) {
                error(at: item, "empty entry in \(quoted(key))")
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    private mutating func flag(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool else {
            error(at: node, "\(quoted(key)) must be true or false")
            return nil
        }
        return value
    }

    /// A scalar's text; nil (and an error) for a list or mapping, nil for an empty value.
    private mutating func text(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            error(at: node, "\(quoted(key)) must be text")
            return nil
        }
        return node.null == nil || scalar.style != .plain ? scalar.string : nil
    }

    func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    private mutating func error(at node: Node, _ message: String) {
        diagnostics.append(LexiconDiagnostic(.error, at: location(of: node), file: file, message))
    }

    private mutating func warning(at node: Node, _ message: String) {
        diagnostics.append(LexiconDiagnostic(.warning, at: location(of: node), file: file, message))
    }
}

/// `"text"`, for messages.
func quoted(_ text: String) -> String {
    "\"\(text)\""
}
