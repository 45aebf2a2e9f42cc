import AnnotextCore
import Foundation

/// Validates a lexicon for `annotext lexicon check`: every error that would make
/// `ConceptScheme(contentsOf:)` or the tagger's compiler refuse it, and warnings about likely
/// mistakes.
///
/// Errors: unreadable files, bad YAML, a missing `scheme` or `concepts`, a concept without
/// `id` or `label`, an id that is not kebab-case, duplicate ids, `broader` or `related` ids that
/// name no concept, `broader` cycles, empty or unmatchable terms, values of the wrong kind, and
/// the first term the compiler refuses. Warnings: unknown keys, and a term that two concepts
/// claim (folding case and hyphens).
public struct LexiconChecker {
    /// Every finding for the lexicon file or folder at `url`, ordered by file, line and column.
    public static func check(contentsOf url: URL) -> [LexiconDiagnostic] {
        withCompilerFindings(LexiconLoader.load(url), file: url.relativePath)
    }

    /// Every finding for the lexicon built into annotext (none, unless it was broken).
    public static func checkBuiltIn() -> [LexiconDiagnostic] {
        let name = ConceptScheme.builtInFileName
        guard let text = EmbeddedLexicons.files[name] else {
            return [LexiconDiagnostic(severity: .error, file: name, message: "not embedded in this build")]
        }
        return withCompilerFindings(LexiconLoader.load(text: text, name: name), file: name)
    }

    /// Adds what the compiler refuses, once the reader and validator found no error: the
    /// compiler knows the term syntax in full (one gap per term, its size, what can match).
    private static func withCompilerFindings(_ result: LexiconLoader.Result, file: String) -> [LexiconDiagnostic] {
        guard let scheme = result.scheme, !result.diagnostics.contains(where: \.isError) else {
            return result.diagnostics
        }
        do {
            _ = try CompiledLexicon(scheme: scheme)
            return result.diagnostics
        } catch let error as LexiconCompileError {
            return [diagnostic(from: error, file: file)] + result.diagnostics
        } catch {
            return [LexiconDiagnostic(severity: .error, file: file, message: "cannot be compiled: \(error)")]
                + result.diagnostics
        }
    }

    /// The compiler's error as a diagnostic, its `FILE:LINE:COLUMN` place split back apart.
    static func diagnostic(from error: LexiconCompileError, file: String) -> LexiconDiagnostic {
        let message = "\(error.kind) \(quoted(error.term)) of concept \(quoted(error.concept)) \(error.reason)"
        let parts = error.place.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) {
            let placeFile = parts.dropLast(2).joined(separator: ":")
            return LexiconDiagnostic(severity: .error, file: placeFile, line: line, column: column, message: message)
        }
        return LexiconDiagnostic(severity: .error, file: file, message: message)
    }
}
