@testable import AnnotextCore

/// A concept scheme that mirrors the concepts table of ANNOTATION.md, built in code so the
/// tagger's tests do not depend on the lexicon reader or the default YAML.
enum TagFixture {
    static let scheme = ConceptScheme(
        id: "ir-test",
        concepts: [
            Concept(id: "alliance", label: "Alliance", terms: [Term("ally")]),
            Concept(id: "hegemon", label: "Hegemon", terms: [Term("hegemony"), Term("hegemonic")]),
            Concept(
                id: "balance-of-power", label: "Balance of power",
                options: MatchOptions(exclusions: ["balance of power supply"])),
            Concept(
                id: "specific-enemy", label: "Specific enemy",
                terms: [Term("specific {0,2} enemy"), Term("particular {0,2} enemy"), Term("common {0,2} enemy")]),
            Concept(
                id: "collective-security", label: "Collective security",
                options: MatchOptions(exclusions: ["collective bargaining"])),
            Concept(
                id: "collective-defense", label: "Collective defence",
                terms: [Term("collective self-defence"), Term("mutual defence"), Term("mutual assistance"),
                        Term("attack against [them] all")]),
            Concept(id: "deterrence", label: "Deterrence", terms: [Term("deter"), Term("deterrent")]),
            Concept(
                id: "aggression", label: "Aggression",
                terms: [Term("aggressor"), Term("act of aggression"), Term("armed attack"), Term("breach of the peace"),
                        Term("invasion")]),
            Concept(id: "realism", label: "Realism", terms: [Term("realist"), Term("neorealism")]),
            Concept(
                id: "liberalism", label: "Liberalism",
                terms: [Term("liberal", options: MatchOptions(exclusions: ["liberal arts"], inflects: false)),
                        Term("idealism"), Term("idealist")]),
            Concept(id: "world-order", label: "World order", terms: [Term("international order"), Term("new world order")]),
            Concept(
                id: "use-of-force", label: "Use of force",
                terms: [Term("use of armed force"), Term("threat or use of force"), Term("armed force"),
                        Term("military force"), Term("force of arms")]),
            Concept(id: "security-dilemma", label: "Security dilemma"),
            Concept(
                id: "nato", label: "NATO",
                terms: [Term("North Atlantic Treaty Organization"), Term("North Atlantic Treaty"),
                        Term("North Atlantic Council")]),
            Concept(
                id: "csto", label: "CSTO",
                terms: [Term("Collective Security Treaty Organization"), Term("Collective Security Treaty")]),
            Concept(id: "united-nations", label: "United Nations", terms: [Term("UN"), Term("U.N.")]),
            Concept(
                id: "un-security-council", label: "Security Council",
                terms: [Term("UN Security Council"), Term("United Nations Security Council"), Term("UNSC")],
                options: MatchOptions(exclusions: ["national security council"])),
            Concept(id: "league-of-nations", label: "League of Nations"),
        ])

    static let lexicon: CompiledLexicon = try! CompiledLexicon(scheme: scheme)

    /// The mentions of `text` read as one unit.
    static func mentions(
        _ text: String, lexicon: CompiledLexicon = lexicon, overlaps: OverlapPolicy = .longest, blocks: [Block] = []
    ) -> [Mention] {
        let document = Document(name: "test.txt", text: text, blocks: blocks)
        let sentence = Sentence(index: 0, range: 0..<text.utf8.count)
        return ConceptTagger(lexicon: lexicon, overlaps: overlaps).tag([sentence], in: document)[0].mentions
    }

    /// `concept:text` for each top-level mention of `text`.
    static func spans(_ text: String, lexicon: CompiledLexicon = lexicon, overlaps: OverlapPolicy = .longest) -> [String] {
        mentions(text, lexicon: lexicon, overlaps: overlaps).map { "\($0.concept):\(covered($0, in: text))" }
    }

    /// The text a mention covers.
    static func covered(_ mention: Mention, in text: String) -> String {
        String(decoding: Array(text.utf8)[mention.range], as: UTF8.self)
    }

    /// The variant rule of the single mention of `text`.
    static func variant(_ text: String) -> String? {
        let found = mentions(text)
        return found.count == 1 ? found[0].provenance?.variant : "\(found.count) mentions"
    }

    /// A lexicon of one concept `c` with the given terms.
    static func lexicon(_ terms: [Term], options: MatchOptions = MatchOptions()) throws -> CompiledLexicon {
        try CompiledLexicon(scheme: ConceptScheme(id: "t", concepts: [Concept(id: "c", label: "", terms: terms, options: options)]))
    }
}
