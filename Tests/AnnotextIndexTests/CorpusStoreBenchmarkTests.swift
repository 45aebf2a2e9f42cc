import AnnotextCore
import AnnotextIndex
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
private let usageOfSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
import Darwin
private let usageOfSelf = RUSAGE_SELF
#endif

/// Throughput and latency on a synthetic corpus. Runs only with ANNOTEXT_INDEX_BENCH=N (the
/// number of units, e.g. 100000), best in release:
/// `ANNOTEXT_INDEX_BENCH=100000 swift test -c release --filter CorpusStoreBenchmarkTests`.
/// ANNOTEXT_INDEX_BENCH_DB=PATH keeps the corpus there; with it, ANNOTEXT_INDEX_BENCH_PROFILE=N
/// only runs N searches of `nato` on the kept corpus (to run under perf).
@Suite struct CorpusStoreBenchmarkTests {
    static let size = ProcessInfo.processInfo.environment["ANNOTEXT_INDEX_BENCH"].flatMap { Int($0) }

    static let words = ["the", "state", "power", "treaty", "war", "peace", "order", "system", "security", "council"]
    static let concepts = ["alliance", "nato", "csto", "hegemon", "balance-of-power", "deterrence", "collective-security"]

    /// A deterministic document of `count` units with 0–3 mentions each.
    static func document(_ number: Int, units count: Int, seed: inout UInt64) -> AnnotatedDocument {
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var text = ""
        var tagged: [TaggedSentence] = []
        for index in 0..<count {
            if index > 0 { text += " " }
            let start = text.utf8.count
            var mentions: [Mention] = []
            for word in 0..<14 {
                if word > 0 { text += " " }
                if next() % 7 == 0 {
                    let concept = concepts[next() % concepts.count]
                    let at = text.utf8.count
                    text += concept
                    mentions.append(Mention(concept: concept, range: at..<text.utf8.count, isNegated: next() % 5 == 0))
                } else {
                    text += words[next() % words.count]
                }
            }
            text += "."
            tagged.append(TaggedSentence(sentence: Sentence(index: index, range: start..<text.utf8.count), mentions: mentions))
        }
        let document = Document(name: "doc\(number).txt", text: text)
        return AnnotatedDocument(document: document, tagged: tagged, scheme: Fixtures.scheme)
    }

    /// CPU seconds of this process (user + system): steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(usageOfSelf, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    @Test(.enabled(if: size != nil)) func writeAndSearchThroughput() throws {
        let total = Self.size ?? 0
        let perDocument = 100
        var seed: UInt64 = 42
        let documents = (0..<(total / perDocument)).map { Self.document($0, units: perDocument, seed: &seed) }
        try Fixtures.withCorpusPath { temporary in
            // ANNOTEXT_INDEX_BENCH_DB keeps the corpus for a look with sqlite3.
            let path = ProcessInfo.processInfo.environment["ANNOTEXT_INDEX_BENCH_DB"] ?? temporary
            let environment = ProcessInfo.processInfo.environment
            // ANNOTEXT_INDEX_BENCH_PROFILE=N only searches N times in a kept corpus (for perf).
            if let rounds = environment["ANNOTEXT_INDEX_BENCH_PROFILE"].flatMap({ Int($0) }) {
                let store = try CorpusStore(path: path)
                let query = try ConceptQuery(parsing: "nato", scheme: Fixtures.scheme)
                for _ in 0..<rounds { _ = try store.search(query, limit: 20) }
                return
            }
            try? FileManager.default.removeItem(atPath: path)
            let store = try CorpusStore(path: path)
            let clock = ContinuousClock()
            let cpuBefore = Self.cpuSeconds()
            let writing = try clock.measure {
                for batch in stride(from: 0, to: documents.count, by: 50) {
                    _ = try store.write(Array(documents[batch..<min(batch + 50, documents.count)]), scheme: Fixtures.scheme)
                }
            }
            let seconds = Double(writing.components.attoseconds) / 1e18 + Double(writing.components.seconds)
            let cpu = Self.cpuSeconds() - cpuBefore
            print("index bench: wrote \(total) units in \(seconds) s wall = \(Int(Double(total) / seconds)) units/s; \(cpu) s CPU = \(Int(Double(total) / cpu)) units/s")

            for (text, exact) in [("nato", true), ("alliance", false), ("alliance AND deterrence", false), ("hegemon:negated", true), ("text:treaty", true), ("alliance -nato", true)] {
                let query = try ConceptQuery(parsing: text, scheme: Fixtures.scheme, exact: exact)
                var samples: [Double] = []
                let cpuStart = Self.cpuSeconds()
                for _ in 0..<300 {
                    let elapsed = try clock.measure { _ = try store.search(query, limit: 20) }
                    samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
                }
                let cpuPerSearch = (Self.cpuSeconds() - cpuStart) / 300 * 1e6
                samples.sort()
                let count = try store.count(query)
                print("index bench: search \(text) first 20 p50 \(samples[samples.count / 2]) µs, p90 \(samples[samples.count * 9 / 10]) µs, CPU mean \(cpuPerSearch) µs (\(count) hits)")
            }
            let mapTime = try clock.measure { _ = try store.conceptMap() }
            print("index bench: concept map \(mapTime)")
            let dumpTime = try clock.measure { try store.forEachSentence { _ in } }
            print("index bench: forEachSentence \(dumpTime)")
        }
    }
}
