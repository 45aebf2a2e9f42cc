import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct ReadErrorTests {
    @Test func refusesAFileLargerThanTheLimitBeforeReadingIt() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.txt")
        // A sparse 300 MB file: the size check must come from the file system, not a read.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 300_000_000)
        try handle.close()
        let error = TestSupport.error { _ = try DocumentReader().read(contentsOf: url, name: "big.txt") }
        #expect(error?.description == "big.txt: is 300 MB, larger than the 256 MB limit (--max-size)")
        #expect(error?.reason == .tooLarge)
    }

    @Test func refusesBytesLargerThanTheLimit() {
        let reader = DocumentReader(options: ReadOptions(maxSize: 1_000))
        let error = TestSupport.error { _ = try reader.read([UInt8](repeating: 0x61, count: 1_500), name: "stdin") }
        #expect(error?.description == "stdin: is 2 KB, larger than the 1 KB limit (--max-size)")
    }

    @Test func refusesAFolderGivenAsAFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = TestSupport.error { _ = try DocumentReader().read(contentsOf: folder, name: "notes") }
        #expect(error?.description == "notes: is a folder, not a file")
        #expect(error?.reason == .notAFile)
    }

    @Test func reportsAVanishedFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("gone.md")
        let error = TestSupport.error { _ = try DocumentReader().read(contentsOf: url, name: "gone.md") }
        #expect(error?.description == "gone.md: cannot be read: no such file (was it moved or deleted?)")
        #expect(error?.reason == .unreadable)
    }

    @Test func reportsAnUnreadableFile() throws {
        guard getuid() != 0 else {
            print("skipped: running as root, which reads any file")
            return
        }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("locked.txt")
        try TestSupport.write("secret", to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        let error = TestSupport.error { _ = try DocumentReader().read(contentsOf: url, name: "locked.txt") }
        #expect(error?.description == "locked.txt: cannot be read: permission denied")
    }

    @Test func describesAPermissionProblemInPlainWords() {
        #expect(
            FileBytes.unreadable(name: "a.txt", errno: EACCES).description == "a.txt: cannot be read: permission denied"
        )
    }

    @Test func keepsEveryMessageOnOneLineWithoutFatalWords() {
        let error = IngestError(name: "a\nb.xml", reason: .other, message: "first\nsecond")
        #expect(error.description == "a b.xml: first second")
        #expect(!error.description.lowercased().contains("fatal"))
    }

    @Test func recordsTheSourcePathOfAFile() throws {
        let url = TestSupport.fixtures.appendingPathComponent("lecture.md")
        let document = try DocumentReader().read(contentsOf: url, name: "lecture.md").document
        #expect(document.source == url.path)
        #expect(document.name == "lecture.md")
    }
}
