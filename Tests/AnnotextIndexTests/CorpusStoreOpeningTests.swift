import AnnotextIndex
import Foundation
import GRDB
import Testing

@Suite struct CorpusStoreOpeningTests {
    @Test func refusesCorpusOfNewerSchema() throws {
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "UPDATE meta SET value = '7' WHERE key = 'schema_version'") }
            try queue.close()
            let error = #expect(throws: IndexError.self) { try CorpusStore(path: path) }
            #expect(error?.description == "\(path): corpus was made by a newer annotext (schema 7, this one reads up to 4)")
            #expect(error?.reason == .newerSchema(found: 7, supported: 4))
        }
    }

    @Test func reportsBusyWhenAnotherConnectionHoldsTheWriteLock() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path, busyTimeout: 0.2)
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            let other = try DatabaseQueue(path: path, configuration: configuration)
            try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
            // Opening still works: nothing needs writing.
            let second = try CorpusStore(path: path, busyTimeout: 0.2)
            let error = #expect(throws: IndexError.self) {
                try store.write([Fixtures.corpus[0]], scheme: Fixtures.scheme)
            }
            #expect(error?.description == "\(path): the corpus is busy: another annotext is writing to it")
            #expect(try second.documents().isEmpty)
            try other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
            #expect(try store.write([Fixtures.corpus[0]], scheme: Fixtures.scheme) == [.added])
        }
    }

    @Test func refusesFileThatIsNotSQLite() throws {
        try Fixtures.withCorpusPath { path in
            try String(repeating: "not a database\n", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
            let error = #expect(throws: IndexError.self) { try CorpusStore(path: path) }
            #expect(error?.description == "\(path): not an annotext corpus (file is not a database)")
        }
    }

    @Test func refusesSQLiteDatabaseOfAnotherApplication() throws {
        try Fixtures.withCorpusPath { path in
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
            try queue.close()
            let error = #expect(throws: IndexError.self) { try CorpusStore(path: path) }
            #expect(error?.description == "\(path): not an annotext corpus (a SQLite database without annotext tables)")
        }
    }

    @Test func readOnlyNeedsAnExistingCorpusAndRefusesWrites() throws {
        try Fixtures.withCorpusPath { path in
            let missing = #expect(throws: IndexError.self) { try CorpusStore(path: path, readOnly: true) }
            #expect(missing?.description == "\(path): no corpus here (run annotext ingest first)")
            #expect(!FileManager.default.fileExists(atPath: path))
            _ = try CorpusStore(path: path).write(Fixtures.corpus, scheme: Fixtures.scheme)
            let reader = try CorpusStore(path: path, readOnly: true)
            #expect(try reader.documents().count == 3)
            let error = #expect(throws: IndexError.self) { try reader.remove(named: "a.txt") }
            #expect(error?.description == "\(path): cannot write the corpus: it was opened read-only")
        }
    }
}
