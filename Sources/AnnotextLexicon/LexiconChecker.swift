import AnnotextCore
import Foundation

/// Validates a lexicon for `annotext lexicon check`: every error that would make
/// `ConceptScheme(contentsOf:)` refuse it, and warnings about likely mistakes.
///
/// Errors: unreadable files, bad YAML, a missing `scheme` or `concepts`, a concept without
/// `id` or `label`, an id that is not kebab-case, duplicate ids, `broader` or `related` ids that
/// name no concept, `broader` cycles, empty or unmatchable terms, values of the wrong kind.
/// Warnings: unknown keys, and a term that two concepts claim (folding case and hyphens).
public struct LexiconChecker {
    /// Every finding for the lexicon file or folder at `url`, ordered by file, line and column.
    public static func check(contentsOf url: URL) -> [LexiconDiagnostic] {
        LexiconLoader.load(url).diagnostics
    }

    /// Every finding for the lexicon built into annotext (none, unless it was broken).
    public static func checkBuiltIn() -> [LexiconDiagnostic] {
        guard let text = EmbeddedLexicons.files[ConceptScheme.builtInFileName] else {
            return [
                LexiconDiagnostic(
                    severity: .error, file: ConceptScheme.builtInFileName, message: "not embedded in this build")
            ]
        }
        return LexiconLoader.load(text: text, name: ConceptScheme.builtInFileName).diagnostics
    }
}
