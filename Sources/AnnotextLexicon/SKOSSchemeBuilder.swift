import AnnotextCore

/// Builds an annotext concept scheme from the statements of a SKOS file, collecting warnings
/// for what it has to leave out.
struct SKOSSchemeBuilder {
    private let graph: SKOSGraph
    private let file: String
    private let language: String
    /// What was dropped or changed, in the order found.
    private(set) var warnings: [LexiconDiagnostic] = []

    init(graph: SKOSGraph, file: String, language: String) {
        self.graph = graph
        self.file = file
        self.language = language.lowercased()
    }

    private static let skos = SKOSVocabulary.skos

    mutating func build() throws(LexiconError) -> ConceptScheme {
        let resources = graph.resources.filter { $0.types.contains(SKOSVocabulary.concept) }
        guard !resources.isEmpty else { throw LexiconError(file: file, message: "no skos:Concept in the file") }

        // Labels and ids first, so links can be resolved to ids in one pass.
        var concepts: [Concept] = []
        var kept: [SKOSResource] = []
        var idByURI: [String: String] = [:]
        var used: Set<String> = []
        for resource in resources {
            guard let concept = labelledConcept(resource) else { continue }
            var id = SKOSIdentifier.id(fromURI: resource.uri) ?? SKOSIdentifier.kebabCase(concept.label)
            if id.isEmpty { id = "concept" }
            if used.contains(id) {
                var number = 2
                while used.contains("\(id)-\(number)") { number += 1 }
                warn(
                    at: resource.location,
                    "concept <\(resource.uri)> would repeat the id \"\(id)\"; it is \"\(id)-\(number)\"")
                id = "\(id)-\(number)"
            }
            used.insert(id)
            idByURI[resource.uri] = id
            var identified = concept
            identified.id = id
            concepts.append(identified)
            kept.append(resource)
        }
        guard !concepts.isEmpty else {
            throw LexiconError(file: file, message: "no skos:Concept has a label in \"\(language)\"")
        }

        let indexByID = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, resource) in kept.enumerated() {
            for link in resource.links(Self.skos + "broader") {
                if let target = target(of: link, from: resource, idByURI: idByURI) {
                    append(target, to: &concepts[index].broader)
                }
            }
            for link in resource.links(Self.skos + "narrower") {
                if let target = target(of: link, from: resource, idByURI: idByURI), let narrower = indexByID[target] {
                    append(concepts[index].id, to: &concepts[narrower].broader)
                }
            }
            for link in resource.links(Self.skos + "related") {
                if let target = target(of: link, from: resource, idByURI: idByURI) {
                    append(target, to: &concepts[index].related)
                }
            }
        }
        try checkCycles(concepts, locations: kept.map(\.location))
        // Warnings in file order, ties in the order found.
        warnings = warnings.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        return scheme(concepts)
    }

    // MARK: One concept

    /// The concept's label, terms and notes in the language, or nil (with a warning) when it
    /// has no label there.
    private mutating func labelledConcept(_ resource: SKOSResource) -> Concept? {
        let preferred = ranked(resource.literals(Self.skos + "prefLabel")).filter {
            SKOSText.hasWordCharacter($0.value)
        }
        let alternatives = ranked(resource.literals(Self.skos + "altLabel"))
        let hidden = ranked(resource.literals(Self.skos + "hiddenLabel"))
        // The label is shown as written; the compiler matches it only when it is a plain term.
        guard let source = preferred.first ?? alternatives.first(where: { SKOSText.hasWordCharacter($0.value) }) else {
            warn(at: resource.location, "concept <\(resource.uri)> has no label in \"\(language)\"; it is left out")
            return nil
        }
        if preferred.isEmpty {
            warn(
                at: resource.location,
                "concept <\(resource.uri)> has no prefLabel in \"\(language)\"; its altLabel is the label")
        }
        let label = SKOSText.collapsed(source.value)
        var concept = Concept(id: "", label: label, location: source.location)
        var seen: Set<String> = [label]
        // Further prefLabels (another region's, one without xml:lang) still signal the concept.
        for literal in preferred + alternatives where literal.value != source.value {
            if let text = matchable(literal, of: resource), seen.insert(text).inserted {
                concept.terms.append(Term(text, location: literal.location))
            }
        }
        for literal in hidden {
            if let text = matchable(literal, of: resource), seen.insert(text).inserted {
                concept.hidden.append(Term(text, location: literal.location))
            }
        }
        concept.definition = ranked(resource.literals(Self.skos + "definition")).first.map {
            SKOSText.collapsed($0.value)
        }
        concept.note = ranked(resource.literals(Self.skos + "scopeNote")).first.map { SKOSText.collapsed($0.value) }
        if concept.definition?.isEmpty == true { concept.definition = nil }
        if concept.note?.isEmpty == true { concept.note = nil }
        return concept
    }

    /// An altLabel or hiddenLabel as a term: white space collapsed and the characters of annotext's term syntax
    /// (`[ ] { } |`) replaced, so the label means what it says; nil, with a warning, when the
    /// tagger's compiler refuses it (punctuation between words: `Treaties (law)`).
    private mutating func matchable(_ literal: SKOSLiteral, of resource: SKOSResource) -> String? {
        let text = SKOSText.collapsed(literal.value)
        guard SKOSText.hasWordCharacter(text) else { return nil }
        let plain = SKOSText.withoutTermSyntax(text)
        if let reason = SKOSText.compilerProblem(plain) {
            let kind = literal.predicate.dropFirst(Self.skos.count)
            warn(at: literal.location, "\(kind) \"\(text)\" of <\(resource.uri)> is left out: it \(reason)")
            return nil
        }
        if plain != text {
            warn(
                at: literal.location,
                "label \"\(text)\" of <\(resource.uri)> is written \"\(plain)\": [ ] { } | are term syntax")
        }
        return plain
    }

    /// The literals in the language, best match first: the exact tag, then the same language in
    /// another region (`en-GB` for `en`), then those without `xml:lang`; file order within each.
    private func ranked(_ literals: [SKOSLiteral]) -> [SKOSLiteral] {
        literals.enumerated().compactMap { index, literal in rank(literal.language).map { ($0, index, literal) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }

    private func rank(_ tag: String?) -> Int? {
        guard let tag = tag?.lowercased() else { return 2 }
        if tag == language { return 0 }
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        let wanted = language.split(separator: "-").first.map(String.init) ?? language
        return primary == wanted ? 1 : nil
    }

    // MARK: Links

    private mutating func target(of link: SKOSLink, from resource: SKOSResource, idByURI: [String: String]) -> String? {
        if let id = idByURI[link.target] { return id }
        let kind = link.predicate.dropFirst(Self.skos.count)
        warn(
            at: link.location,
            "\(kind) <\(link.target)> of <\(resource.uri)> is not a concept imported from the file; the link is dropped"
        )
        return nil
    }

    private func append(_ id: String, to ids: inout [String]) {
        if !ids.contains(id) { ids.append(id) }
    }

    /// Refuses a `broader` cycle, which the lexicon format does not allow.
    private func checkCycles(_ concepts: [Concept], locations: [SourceLocation]) throws(LexiconError) {
        let indexByID = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state = [UInt8](repeating: 0, count: concepts.count)  // 0 new, 1 on the path, 2 done
        for start in concepts.indices where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let broader = concepts[top.node].broader
                guard top.next < broader.count else {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                guard let child = indexByID[broader[top.next]] else { continue }
                if state[child] == 1 {
                    let path = stack.map(\.node).drop { $0 != child }.map { concepts[$0].id } + [concepts[child].id]
                    let place = locations[top.node]
                    throw LexiconError(
                        file: place.file, line: place.line, column: place.column,
                        message: "broader cycle: \(path.joined(separator: " → "))")
                }
                if state[child] == 0 {
                    state[child] = 1
                    stack.append((child, 0))
                }
            }
        }
    }

    // MARK: The scheme

    private func scheme(_ concepts: [Concept]) -> ConceptScheme {
        let schemeResource = graph.resources.first { $0.types.contains(SKOSVocabulary.conceptScheme) }
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let baseName = fileName.split(separator: ".").first.map(String.init) ?? fileName
        var id = schemeResource.flatMap { SKOSIdentifier.id(fromURI: $0.uri) } ?? SKOSIdentifier.kebabCase(baseName)
        if id.isEmpty { id = "imported" }
        var title = ""
        if let resource = schemeResource {
            let candidates =
                resource.literals(SKOSVocabulary.dcTerms + "title")
                + resource.literals(SKOSVocabulary.dcElements + "title")
                + resource.literals(Self.skos + "prefLabel") + resource.literals(SKOSVocabulary.rdfs + "label")
            title = ranked(candidates).first.map { SKOSText.collapsed($0.value) } ?? ""
        }
        let version = schemeResource.flatMap { resource in
            resource.literals(SKOSVocabulary.owl + "versionInfo").first.map { SKOSText.collapsed($0.value) }
        }
        return ConceptScheme(
            id: id, title: title, language: language, version: version ?? "", concepts: concepts)
    }

    private mutating func warn(at location: SourceLocation, _ message: String) {
        warnings.append(
            LexiconDiagnostic(
                severity: .warning, file: location.file, line: location.line, column: location.column, message: message)
        )
    }
}

/// Text clean-up for labels and notes read from RDF.
enum SKOSText {
    /// White-space runs (line breaks included) made one space, ends trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `[` `{` made `(`, `]` `}` made `)`, `|` made `/`: the lexicon's term syntax never
    /// applies to a label that was written as plain text.
    static func withoutTermSyntax(_ text: String) -> String {
        String(
            text.map { character -> Character in
                switch character {
                case "[", "{": "("
                case "]", "}": ")"
                case "|": "/"
                default: character
                }
            })
    }

    /// Why the tagger's compiler refuses `text` as a term, or nil when it accepts it.
    static func compilerProblem(_ text: String) -> String? {
        // Words joined by spaces or inner hyphens always compile; only the rest needs the compiler.
        if isPlainWords(text) { return nil }
        let probe = ConceptScheme(id: "probe", concepts: [Concept(id: "probe", label: "probe", terms: [Term(text)])])
        do {
            _ = try CompiledLexicon(scheme: probe)
            return nil
        } catch let error as LexiconCompileError {
            return error.reason
        } catch {
            return "cannot be compiled"
        }
    }

    /// Letters and digits in words joined by single spaces or hyphens (`self-defence`).
    static func isPlainWords(_ text: String) -> Bool {
        var previous: Character = " "
        for character in text {
            if character == " " || character == "-" {
                if previous == " " || previous == "-" { return false }
            } else if !(character.isLetter || character.isNumber) {
                return false
            }
            previous = character
        }
        return previous != " " && previous != "-"
    }

    /// Whether the text has a letter or digit, without which a term can never match.
    static func hasWordCharacter(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }
}
