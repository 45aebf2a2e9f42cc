import AnnotextCore
import Foundation

/// Loads a lexicon file or folder into a scheme and the checker's findings; shared by
/// `ConceptScheme(contentsOf:)` (which refuses a lexicon with errors) and `LexiconChecker`.
struct LexiconLoader {
    /// The extensions of the files a folder contributes; other files (a README) are left alone.
    static let folderExtensions: Set<String> = ["yaml", "yml", "tsv", "txt"]

    /// The scheme read (nil when nothing could be read) and every finding, errors first by place.
    struct Result {
        var scheme: ConceptScheme?
        var diagnostics: [LexiconDiagnostic]
    }

    /// Loads `url`, a lexicon file or a folder of them. Without `warnings`, only the checks
    /// that can find errors run (loading stops at errors only).
    static func load(_ url: URL, warnings: Bool = true) -> Result {
        let name = url.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            return Result(
                scheme: nil, diagnostics: [.init(severity: .error, file: name, message: "no such file or folder")])
        }
        guard isFolder.boolValue else {
            var fragment = LexiconFragment()
            var diagnostics: [LexiconDiagnostic] = []
            if let data = read(url, name: name, into: &diagnostics) {
                fragment = parse(data, name: name, isYAMLByName: isYAMLName(name), into: &diagnostics)
            }
            let fallbackID = url.deletingPathExtension().lastPathComponent
            return finish(
                [fragment], files: [name], defaultID: fallbackID, diagnostics: diagnostics, warnings: warnings)
        }
        let members: [String]
        do {
            members = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { !$0.hasPrefix(".") && folderExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
        } catch {
            return Result(
                scheme: nil, diagnostics: [.init(severity: .error, file: name, message: "cannot list the folder")])
        }
        guard !members.isEmpty else {
            return Result(
                scheme: nil,
                diagnostics: [
                    .init(
                        severity: .error, file: name,
                        message: "no lexicon files (.yaml, .yml, .tsv, .txt) in the folder")
                ])
        }
        var fragments: [LexiconFragment] = []
        var diagnostics: [LexiconDiagnostic] = []
        for member in members {
            let memberURL = url.appendingPathComponent(member)
            let memberName = name.hasSuffix("/") ? name + member : name + "/" + member
            if let data = read(memberURL, name: memberName, into: &diagnostics) {
                fragments.append(parse(data, name: memberName, isYAMLByName: isYAMLName(member), into: &diagnostics))
            }
        }
        let memberNames = members.map { name.hasSuffix("/") ? name + $0 : name + "/" + $0 }
        return finish(
            fragments, files: memberNames, defaultID: url.lastPathComponent, diagnostics: diagnostics,
            warnings: warnings)
    }

    /// Parses the embedded text of a built-in lexicon.
    static func load(text: String, name: String) -> Result {
        var diagnostics: [LexiconDiagnostic] = []
        let fragment = parse(Data(text.utf8), name: name, isYAMLByName: isYAMLName(name), into: &diagnostics)
        return finish([fragment], files: [name], defaultID: name, diagnostics: diagnostics)
    }

    private static func isYAMLName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    private static func read(_ url: URL, name: String, into diagnostics: inout [LexiconDiagnostic]) -> Data? {
        do {
            return try Data(contentsOf: url)
        } catch {
            diagnostics.append(.init(severity: .error, file: name, message: "cannot be read"))
            return nil
        }
    }

    /// Reads one file as a term list when its content looks like one, whatever its name, and
    /// as YAML otherwise (a file not named `.yaml` must then start like a lexicon's YAML).
    private static func parse(
        _ data: Data, name: String, isYAMLByName: Bool, into diagnostics: inout [LexiconDiagnostic]
    ) -> LexiconFragment {
        guard let text = String(validating: data, as: UTF8.self) else {
            let place = firstInvalidUTF8(in: data)
            diagnostics.append(
                .init(severity: .error, file: name, line: place.line, column: place.column, message: "not valid UTF-8"))
            return LexiconFragment()
        }
        var bytes = text
        return bytes.withUTF8 { buffer in
            if TSVLexiconReader.looksLikeTSV(buffer) || !(isYAMLByName || startsLikeYAML(buffer)) {
                var reader = TSVLexiconReader(file: name)
                let concepts = reader.read(buffer)
                diagnostics += reader.diagnostics
                if concepts.isEmpty && reader.diagnostics.isEmpty {
                    diagnostics.append(.init(severity: .error, file: name, message: "empty lexicon"))
                }
                return LexiconFragment(header: nil, concepts: concepts)
            }
            var reader = YAMLLexiconReader(file: name)
            let fragment = reader.read(text)
            diagnostics += reader.diagnostics
            return fragment
        }
    }

    /// Whether the first line that is neither blank nor a comment starts a YAML lexicon.
    private static func startsLikeYAML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = LineCursor(bytes)
        while let line = lines.next() {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            return ["scheme:", "concepts:", "---", "%YAML", "{"].contains { text.hasPrefix($0) }
        }
        return false
    }

    /// Where the first byte that is not UTF-8 sits, as a line and a column in scalars.
    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error, .emptyInput:
                return (line, column)
            }
        }
    }

    /// Merges fragments (the first header wins), validates, and sorts the findings by place.
    private static func finish(
        _ fragments: [LexiconFragment], files: [String], defaultID: String, diagnostics: [LexiconDiagnostic],
        warnings: Bool = true
    ) -> Result {
        let drafts = fragments.count == 1 ? fragments[0].concepts : fragments.flatMap(\.concepts)
        let validator = LexiconValidator(file: files.first ?? defaultID, checksClaims: warnings)
        var all = diagnostics + validator.diagnostics(for: drafts)
        let fileOrder = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        all = all.enumerated().sorted { lhs, rhs in
            let left = (fileOrder[lhs.element.file] ?? 0, lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (fileOrder[rhs.element.file] ?? 0, rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        let header = fragments.lazy.compactMap(\.header).first
        let scheme = ConceptScheme(
            id: header?.id ?? defaultID, title: header?.title ?? "", language: header?.language ?? "en",
            version: header?.version ?? "", concepts: drafts.map(\.concept))
        return Result(scheme: scheme, diagnostics: all)
    }
}
