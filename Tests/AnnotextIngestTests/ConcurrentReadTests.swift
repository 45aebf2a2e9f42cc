import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct ConcurrentReadTests {
    /// Each parse has its own libxml2 context and error hook: reading in parallel, as the
    /// ingest command does, gives exactly what reading one by one gives.
    @Test func readsInParallelAsInSeries() async throws {
        let inputs = try ["article.html", "malformed.html", "chapter.tei.xml", "generic.xml", "lecture.md"].map {
            ($0, try TestSupport.fixture($0))
        }
        let reader = DocumentReader()
        let serial = try inputs.map { try reader.read($0.1, name: $0.0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, ReadResult).self) { group in
            for round in 0..<8 {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (index, try reader.read(input.1, name: input.0)) }
                }
                _ = round
            }
            var results: [(Int, ReadResult)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == inputs.count * 8)
        for (index, result) in parallel {
            #expect(result.document == serial[index].document)
            #expect(result.warnings == serial[index].warnings)
        }
    }
}
