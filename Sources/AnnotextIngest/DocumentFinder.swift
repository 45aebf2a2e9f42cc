#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the files to ingest under the paths a person gave.
///
/// Folders are walked recursively (without recursion in the code) in sorted order; hidden
/// files and folders are skipped; a symbolic link to a folder already being walked is not
/// followed again, so link loops end. In folders, only files with a document extension
/// (txt, md, markdown, html, htm, xhtml, xml, tei) are taken unless `include` globs are given.
/// Globs match the relative name or the file name; `exclude` also prunes folders.
public enum DocumentFinder {
    /// What a search found: the files, and the paths it could not search.
    public struct Result: Sendable {
        /// The files, in the order the paths were given, each folder's files sorted by name.
        public var files: [FoundFile] = []
        /// Paths that do not exist and folders that cannot be read, one error each; the search
        /// went on past them.
        public var problems: [IngestError] = []
    }

    /// The files at `paths`; throws the first problem (a missing path, an unreadable folder).
    public static func files(at paths: [String], include: [String] = [], exclude: [String] = []) throws(IngestError)
        -> [FoundFile]
    {
        let result = search(paths, include: include, exclude: exclude)
        if let problem = result.problems.first { throw problem }
        return result.files
    }

    /// The files at `paths`, going on past paths and folders it cannot search.
    ///
    /// A file name seen twice (the same file given twice, or two files of one name given
    /// directly from different folders) is taken once: names are unique in a corpus.
    public static func search(_ paths: [String], include: [String] = [], exclude: [String] = []) -> Result {
        var result = Result()
        var seenNames: Set<String> = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR {
                    result.problems.append(IngestError(name: path, reason: .notFound, message: "no such file or folder"))
                } else {
                    result.problems.append(FileBytes.unreadable(name: path, errno: code))
                }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let (files, problems) = filesInFolder(path, include: include, exclude: exclude)
                result.problems += problems
                for file in files where seenNames.insert(file.name).inserted {
                    result.files.append(file)
                }
            } else {
                let name = String(path.split(separator: "/").last ?? Substring(path))
                if seenNames.insert(name).inserted {
                    result.files.append(FoundFile(url: URL(fileURLWithPath: path), name: name, size: Int(info.st_size)))
                }
            }
        }
        return result
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func filesInFolder(_ root: String, include: [String], exclude: [String])
        -> (files: [FoundFile], problems: [IngestError])
    {
        var results: [FoundFile] = []
        var problems: [IngestError] = []
        var visited: Set<FolderID> = []
        // (absolute path, relative name) of folders still to read.
        var pending: [(String, String)] = [(root, "")]
        while let (folder, relative) = pending.popLast() {
            var info = stat()
            guard stat(folder, &info) == 0 else { continue }
            let id = FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(id).inserted else { continue }
            guard let entries = listFolder(folder) else {
                let code = errno
                let name = relative.isEmpty ? root : root.hasSuffix("/") ? root + relative : root + "/" + relative
                problems.append(
                    code == EACCES || code == EPERM
                        ? IngestError(name: name, reason: .unreadable, message: "folder cannot be read: permission denied")
                        : FileBytes.unreadable(name: name, errno: code))
                continue
            }
            var subfolders: [(String, String)] = []
            for entry in entries where !entry.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
                let name = relative.isEmpty ? entry : relative + "/" + entry
                var entryInfo = stat()
                guard stat(path, &entryInfo) == 0 else { continue }  // a dangling link
                if (entryInfo.st_mode & S_IFMT) == S_IFDIR {
                    if !exclude.contains(where: { matches($0, name) }) { subfolders.append((path, name)) }
                    continue
                }
                guard (entryInfo.st_mode & S_IFMT) == S_IFREG else { continue }
                if exclude.contains(where: { matches($0, name) }) { continue }
                if include.isEmpty {
                    guard DocumentReader.format(forName: entry) != nil else { continue }
                } else if !include.contains(where: { matches($0, name) }) {
                    continue
                }
                results.append(FoundFile(url: URL(fileURLWithPath: path), name: name, size: Int(entryInfo.st_size)))
            }
            // Pushed in reverse so the sorted first subfolder is read next.
            pending.append(contentsOf: subfolders.reversed())
        }
        let sorted = results.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return (sorted, problems)
    }

    /// The entry names of a folder, or nil when it cannot be read.
    private static func listFolder(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether glob `pattern` matches the relative `name` or its last component.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        if fnmatch(pattern, name, 0) == 0 { return true }
        if let last = name.split(separator: "/").last, fnmatch(pattern, String(last), 0) == 0 { return true }
        return false
    }
}
