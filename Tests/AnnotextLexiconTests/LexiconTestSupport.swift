import Foundation
import Testing

/// A fresh folder under the system's temporary folder, for lexicon files written by a test.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("annotext-lexicon-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder (creating subfolders) and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// The path a message names for `name` in this folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).relativePath
    }
}

/// Where the package's files are, found from this source file.
enum PackagePaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let lexicons = root.appendingPathComponent("Lexicons")

    /// `../shared` beside the package root, when present.
    static var shared: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// A minimal valid YAML header, for tests that only care about the concepts.
let yamlHeader = """
    scheme: {id: test, title: Test, language: en, version: "1"}

    """
