import AnnotextCore

extension LexiconValidator {
    /// One error per broader cycle, at the concept of the cycle that comes first in the file.
    func cycleDiagnostics(_ drafts: [ConceptDraft], known: [String: Int]) -> [LexiconDiagnostic] {
        var done: Set<String> = []
        var onPath: Set<String> = []
        var path: [String] = []
        var found: [LexiconDiagnostic] = []

        func visit(_ id: String) {
            onPath.insert(id)
            path.append(id)
            for next in known[id].map({ drafts[$0].concept.broader }) ?? [] where known[next] != nil {
                if onPath.contains(next) {
                    guard let start = path.lastIndex(of: next) else { continue }
                    let cycle = Array(path[start...])
                    let firstInFile = cycle.min { (known[$0] ?? 0) < (known[$1] ?? 0) } ?? next
                    let rotation = cycle.firstIndex(of: firstInFile) ?? 0
                    let rotated = cycle[rotation...] + cycle[..<rotation] + [firstInFile]
                    found.append(
                        LexiconDiagnostic(
                            .error, at: known[firstInFile].flatMap { drafts[$0].idLocation }, file: file,
                            "broader cycle: " + rotated.joined(separator: " -> ")))
                } else if !done.contains(next) {
                    visit(next)
                }
            }
            path.removeLast()
            onPath.remove(id)
            done.insert(id)
        }

        // Only a concept with a broader link can start a cycle.
        for draft in drafts where !draft.concept.broader.isEmpty && !done.contains(draft.concept.id) {
            visit(draft.concept.id)
        }
        return found
    }

    /// A warning for each term (or label) that folds to the same text as a term of an
    /// earlier concept: the tagger would have to pick one of them.
    func claimDiagnostics(_ drafts: [ConceptDraft]) -> [LexiconDiagnostic] {
        var owner: [String: String] = [:]
        owner.reserveCapacity(drafts.count * 2)
        var found: [LexiconDiagnostic] = []
        for draft in drafts {
            let id = draft.concept.id
            let label = Term(draft.concept.label, location: draft.idLocation)
            let terms = [[label], draft.concept.terms, draft.concept.hidden].joined()
            for (index, term) in terms.enumerated() {
                let key = ConceptKey.fold(term.text)
                if key.isEmpty { continue }
                if let other = owner[key] {
                    if other != id {
                        found.append(
                            LexiconDiagnostic(
                                .warning, at: term.location ?? draft.idLocation, file: file,
                                "\(index == 0 ? "label" : "term") \(quoted(term.text)) of concept \(quoted(id)) is also a term of concept \(quoted(other))"
                            ))
                    }
                } else {
                    owner[key] = id
                }
            }
        }
        return found
    }
}

/// The simple folding under which two terms count as the same: case, and hyphens or runs of
/// white space as one space.
enum ConceptKey {
    static func fold(_ text: String) -> String {
        if let ascii = asciiFold(text) { return ascii }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace || character == "-" || character == "\u{2010}" || character == "\u{2011}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }
}

extension ConceptKey {
    /// `fold` for ASCII text, on bytes: the common case, and tens of thousands of terms must
    /// load in milliseconds. Nil when `text` is not ASCII.
    static func asciiFold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "-"),
                    0x0B, 0x0C:
                    pendingSpace = !folded.isEmpty
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingSpace { folded.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    folded.append(byte | 0x20)
                default:
                    if pendingSpace { folded.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    folded.append(byte)
                }
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }

    /// `LexiconValidator.hasWordCharacter` for ASCII text; nil when `text` is not ASCII.
    static func asciiWordCharacterCheck(_ text: String) -> Bool? {
        var inGap = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "{"): inGap = true
            case UInt8(ascii: "}"): inGap = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !inGap { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether `text` is ASCII with a letter or digit outside `{…}` and no brackets at all: a
    /// term that passes every term check, found in one pass over its bytes.
    static func isPlainASCIITerm(_ text: String) -> Bool {
        var hasWordCharacter = false
        for byte in text.utf8 {
            switch byte {
            case 0x80..., UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"): return false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                hasWordCharacter = true
            default: continue
            }
        }
        return hasWordCharacter
    }

    /// Whether `text` has an ASCII capital (a term written with its own capitals).
    static func hasASCIICapital(_ text: String) -> Bool {
        text.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
