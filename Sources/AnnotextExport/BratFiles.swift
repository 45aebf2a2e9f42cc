import AnnotextCore
import Foundation

/// Why an export could not write its files: `PATH: message`, one line.
///
/// (The module's error type; it lives here beside the file output that raises it.)
public struct ExportError: AnnotextError, Sendable, Hashable {
    /// The file or folder.
    public var path: String
    /// What went wrong, for a person.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}

/// Files of an export folder: safe relative paths from document names, and file creation.
enum BratFiles {
    /// The path under `folder` for a document named `name` plus `suffix`. Each `/`-separated
    /// part of the name becomes a folder; parts that would climb out (`..`, `.`, empty) become `_`.
    static func path(in folder: String, forDocument name: String, suffix: String) -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            part.isEmpty || part == "." || part == ".." ? "_" : String(part)
        }
        return ([folder] + parts).joined(separator: "/") + suffix
    }

    /// Creates the folders above `path`.
    static func createFolder(containing path: String) throws(ExportError) {
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ExportError(path: path, message: "cannot create its folder (\(reason(error)))")
        }
    }

    /// Creates `path` (and its folders) with `bytes`, replacing any file there.
    static func write(_ bytes: [UInt8], to path: String) throws(ExportError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        } catch {
            throw ExportError(path: path, message: "cannot write the file (\(reason(error)))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
