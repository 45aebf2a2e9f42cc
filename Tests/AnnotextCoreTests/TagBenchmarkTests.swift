import Foundation
import Testing
@testable import AnnotextCore

/// Throughput of the tagger, run by hand in release mode:
///
///     ANNOTEXT_TAG_BENCH=1 swift test -c release --scratch-path .build-tag \
///         --filter AnnotextCoreTests.TagBenchmarkTests
///
/// It needs /tmp/corpus/prose.txt (`../shared/bench/make_prose_corpus.sh`) and, for the large
/// lexicon, /tmp/lex50k.txt (`../shared/bench/make_big_lexicon.py`); it prints MB/s.
@Suite struct TagBenchmarkTests {
    static let isEnabled = ProcessInfo.processInfo.environment["ANNOTEXT_TAG_BENCH"] != nil
        && FileManager.default.fileExists(atPath: "/tmp/corpus/prose.txt")

    @Test(.enabled(if: isEnabled, "set ANNOTEXT_TAG_BENCH=1 and make /tmp/corpus/prose.txt"))
    func measuresThroughput() throws {
        let text = try String(contentsOfFile: "/tmp/corpus/prose.txt", encoding: .utf8)
        let document = Document(name: "prose.txt", text: text)
        let megabytes = Double(text.utf8.count) / 1e6
        let naive = Self.naiveSentences(text)
        let tagOnly = ProcessInfo.processInfo.environment["ANNOTEXT_TAG_BENCH_TAG_ONLY"] != nil
        var segmented: [Sentence] = []
        if !tagOnly {
            let segmentSeconds = Self.best(1) { segmented = SentenceSegmenter().sentences(in: document) }
            print("segment: \(segmented.count) units, \(Self.rate(megabytes, segmentSeconds)) MB/s")
        }
        let sentences = segmented.isEmpty ? naive : segmented

        var lexicons: [(String, ConceptScheme)] = [("fixture (18 concepts)", TagFixture.scheme)]
        if let ir = Self.tsvScheme("/work/shared/bench/lexicon_ir.txt") { lexicons.append(("lexicon_ir.txt", ir)) }
        if let big = Self.tsvScheme("/tmp/lex50k.txt") { lexicons.append(("lex50k.txt", big)) }
        let only = ProcessInfo.processInfo.environment["ANNOTEXT_TAG_BENCH_ONLY"]
        for (name, scheme) in lexicons where only.map({ name.hasPrefix($0) }) ?? true {
            var lexicon: CompiledLexicon?
            let compileSeconds = try Self.best(1) { lexicon = try CompiledLexicon(scheme: scheme) }
            let tagger = ConceptTagger(lexicon: try #require(lexicon))
            let matchSeconds = Self.best { Self.matchOnly(sentences, document, try! #require(lexicon)) }
            var mentions = 0
            let tagSeconds = Self.best { mentions = tagger.tag(sentences, in: document).reduce(0) { $0 + $1.mentions.count } }
            let both = tagOnly ? .infinity : Self.best {
                _ = tagger.tag(SentenceSegmenter().sentences(in: document), in: document)
            }
            print(
                "\(name): \(lexicon?.formCount ?? 0) forms, compile \(String(format: "%.3f", compileSeconds)) s, "
                    + "match only \(Self.rate(megabytes, matchSeconds)) MB/s, "
                    + "tag \(Self.rate(megabytes, tagSeconds)) MB/s (\(mentions) mentions), "
                    + "segment+tag \(Self.rate(megabytes, both)) MB/s")
        }
    }

    /// Tokens and raw matches only, without building mentions: the part whose cost must not grow
    /// with the lexicon.
    static func matchOnly(_ sentences: [Sentence], _ document: Document, _ lexicon: CompiledLexicon) {
        var text = document.text
        var count = 0
        let scanner = TokenScanner(vocabulary: lexicon.tables.vocabulary)
        let matcher = TermMatcher(tables: lexicon.tables, automaton: lexicon.automaton)
        var candidates: [Candidate] = []
        text.withUTF8 { bytes in
            for sentence in sentences {
                scanner.scan(bytes, range: sentence.range)
                matcher.matches(in: scanner.tokens, into: &candidates)
                count += candidates.count
            }
        }
        #expect(count >= 0)
    }

    /// `concept<TAB>term` lines as a scheme, one concept per id (the reader is another module's).
    static func tsvScheme(_ path: String) -> ConceptScheme? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var order: [String] = []
        var terms: [String: [Term]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            let id = String(fields[0])
            if terms[id] == nil { order.append(id) }
            terms[id, default: []].append(Term(String(fields[1])))
        }
        return ConceptScheme(id: path, concepts: order.map { Concept(id: $0, label: "", terms: terms[$0] ?? []) })
    }

    /// Units cut at ". " and blank lines, for when the segmenter is not there.
    static func naiveSentences(_ text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        let bytes = Array(text.utf8)
        var start = 0
        for index in bytes.indices where index + 1 < bytes.count {
            let cut = (bytes[index] == UInt8(ascii: ".") && bytes[index + 1] == 0x20)
                || (bytes[index] == 0x0A && bytes[index + 1] == 0x0A)
            if cut {
                if index + 1 > start { sentences.append(Sentence(index: sentences.count, range: start..<index + 1)) }
                start = index + 2
            }
        }
        if start < bytes.count { sentences.append(Sentence(index: sentences.count, range: start..<bytes.count)) }
        return sentences
    }

    /// The best of `runs` timings, in seconds of this thread's CPU time: the machine is shared,
    /// and wall-clock time there measures the neighbours' builds as much as the tagger.
    static func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = cpuSeconds()
            try body()
            best = min(best, cpuSeconds() - start)
        }
        return best
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func rate(_ megabytes: Double, _ seconds: Double) -> String {
        String(format: "%.1f", megabytes / seconds)
    }
}
