import AnnotextCore
import AnnotextIndex
import Foundation
import Testing

/// Throughput and latency on a synthetic corpus. Runs only with ANNOTEXT_INDEX_BENCH=N (the
/// number of units, e.g. 100000), best in release: `swift test -c release --filter Benchmark`.
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

    @Test(.enabled(if: size != nil)) func writeAndSearchThroughput() throws {
        let total = Self.size ?? 0
        let perDocument = 100
        var seed: UInt64 = 42
        let documents = (0..<(total / perDocument)).map { Self.document($0, units: perDocument, seed: &seed) }
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let clock = ContinuousClock()
            let writing = try clock.measure {
                for batch in stride(from: 0, to: documents.count, by: 50) {
                    _ = try store.write(Array(documents[batch..<min(batch + 50, documents.count)]), scheme: Fixtures.scheme)
                }
            }
            let seconds = Double(writing.components.attoseconds) / 1e18 + Double(writing.components.seconds)
            print("index bench: wrote \(total) units in \(seconds) s = \(Int(Double(total) / seconds)) units/s")

            for (text, exact) in [("nato", true), ("alliance", false), ("alliance AND deterrence", false), ("hegemon:negated", true), ("text:treaty", true), ("alliance -nato", true)] {
                let query = try ConceptQuery(parsing: text, scheme: Fixtures.scheme, exact: exact)
                var samples: [Double] = []
                for _ in 0..<300 {
                    let elapsed = try clock.measure { _ = try store.search(query, limit: 20) }
                    samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
                }
                samples.sort()
                let count = try store.count(query)
                print("index bench: search \(text) first 20 p50 \(samples[samples.count / 2]) µs, p90 \(samples[samples.count * 9 / 10]) µs (\(count) hits)")
            }
            let mapTime = try clock.measure { _ = try store.conceptMap() }
            print("index bench: concept map \(mapTime)")
            let dumpTime = try clock.measure { try store.forEachSentence { _ in } }
            print("index bench: forEachSentence \(dumpTime)")
        }
    }
}
