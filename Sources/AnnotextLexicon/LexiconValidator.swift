import AnnotextCore

/// Checks what a reader cannot see in one concept alone: id form, duplicate ids, links to
/// unknown concepts, broader cycles, empty or unmatchable terms, and terms that two concepts
/// claim.
struct LexiconValidator {
    /// The file name used when a concept has no location.
    let file: String
    /// Whether to look for terms that two concepts claim: only warnings come of it, so loading
    /// (which stops only at errors) skips it.
    var checksClaims = true

    /// Every finding about `drafts`, in concept order.
    func diagnostics(for drafts: [ConceptDraft]) -> [LexiconDiagnostic] {
        var found: [LexiconDiagnostic] = []
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(drafts.count)
        // Indices, not `for draft in drafts`: copying each draft out costs more than the checks.
        for index in drafts.indices {
            let id = drafts[index].concept.id
            if !Self.isKebabCase(id) {
                found.append(
                    error(
                        at: drafts[index].idLocation,
                        "concept id \(quoted(id)) is not kebab-case (lower-case letters and digits joined by single hyphens)"
                    ))
            }
            if let first = firstIndex[id] {
                let place = drafts[first].idLocation.map { ", first defined at \($0)" } ?? ""
                found.append(error(at: drafts[index].idLocation, "duplicate concept id \(quoted(id))\(place)"))
            } else {
                firstIndex[id] = index
            }
        }
        for index in drafts.indices {
            if !drafts[index].concept.broader.isEmpty || !drafts[index].concept.related.isEmpty {
                found += linkDiagnostics(drafts[index], known: firstIndex)
            }
            if !drafts[index].concept.terms.allSatisfy(Self.isPlain)
                || !drafts[index].concept.hidden.allSatisfy(Self.isPlain)
            {
                found += termDiagnostics(drafts[index])
            }
        }
        found += cycleDiagnostics(drafts, known: firstIndex)
        if checksClaims { found += claimDiagnostics(drafts) }
        return found
    }

    /// Lower-case ASCII letters and digits in runs joined by single hyphens.
    static func isKebabCase(_ id: String) -> Bool {
        var previousWasHyphen = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    private func linkDiagnostics(_ draft: ConceptDraft, known: [String: Int]) -> [LexiconDiagnostic] {
        var found: [LexiconDiagnostic] = []
        let links = [
            ("broader", draft.concept.broader, draft.broaderLocations),
            ("related", draft.concept.related, draft.relatedLocations),
        ]
        for (kind, ids, locations) in links {
            for (index, target) in ids.enumerated() where known[target] == nil {
                let location = index < locations.count ? locations[index] : draft.idLocation
                found.append(
                    error(
                        at: location ?? draft.idLocation,
                        "concept \(quoted(draft.concept.id)) has unknown \(kind) concept \(quoted(target))"))
            }
        }
        return found
    }

    /// Most terms are plain ASCII words: one pass over their bytes clears them.
    private static func isPlain(_ term: Term) -> Bool {
        ConceptKey.isPlainASCIITerm(term.text)
    }

    private func termDiagnostics(_ draft: ConceptDraft) -> [LexiconDiagnostic] {
        let suspect = [draft.concept.terms, draft.concept.hidden].joined().filter { !Self.isPlain($0) }
        return suspect.compactMap { termDiagnostic($0, of: draft) }
    }

    private func termDiagnostic(_ term: Term, of draft: ConceptDraft) -> LexiconDiagnostic? {
        let name = "concept \(quoted(draft.concept.id))"
        let location = term.location ?? draft.idLocation
        if term.text.allSatisfy(\.isWhitespace) {
            return error(at: location, "empty term in \(name)")
        }
        if let problem = Self.bracketProblem(in: term.text) {
            return error(at: location, "term \(quoted(term.text)) of \(name) \(problem)")
        }
        if !Self.hasWordCharacter(term.text) {
            return error(
                at: location, "term \(quoted(term.text)) of \(name) has no letter or digit and can never match")
        }
        return nil
    }

    /// Whether `text` has a letter or digit outside word-gap counts such as `{0,2}`.
    static func hasWordCharacter(_ text: String) -> Bool {
        if let ascii = ConceptKey.asciiWordCharacterCheck(text) { return ascii }
        var inGap = false
        for character in text {
            switch character {
            case "{": inGap = true
            case "}": inGap = false
            default: if !inGap && (character.isLetter || character.isNumber) { return true }
            }
        }
        return false
    }

    /// What is wrong with the `[...]` alternatives and `{min,max}` gaps of a term, if anything.
    static func bracketProblem(in text: String) -> String? {
        var open: Character?
        for character in text {
            switch character {
            case "[", "{":
                if let open { return "opens \(quoted(String(character))) inside \(quoted(String(open)))" }
                open = character
            case "]", "}":
                let expected: Character = character == "]" ? "[" : "{"
                guard open == expected else {
                    return "has \(quoted(String(character))) without \(quoted(String(expected)))"
                }
                open = nil
            default: continue
            }
        }
        return open.map { "has an unclosed \(quoted(String($0)))" }
    }

    private func error(at location: SourceLocation?, _ message: String) -> LexiconDiagnostic {
        LexiconDiagnostic(.error, at: location, file: file, message)
    }
}
