// annotext-search-bench DIR [--db PATH] [--keep] [--repeat N] [--kinds a,b] [--passes hits,records] [--no-check]
//
// Loads the export of `search_peers.py --export DIR` (sentences.jsonl, queries.tsv) into an
// annotext corpus as it is (no re-tagging), runs the queries of queries.tsv in this process
// and prints p50/p99 per kind, checking every answer against the export itself.
//
// Two passes over the query list. The first times what the peers time: `concept`, `and` and
// `phrase_*` fetch id, document and text of the first 20 hits (`CorpusStore.hits`), `count`
// and `counts_all` as they are. The second times the same first pages as full records with
// all their mentions (`CorpusStore.search`, what `annotext search` prints), in rows `…+rec`.
// Both check ids, document names and texts against the export; full records also offsets,
// kinds and mentions (the loader's empty spans).
// Build in release:
//   swift build -c release --product annotext-search-bench
//   .build/release/annotext-search-bench /tmp/search-data
import AnnotextCore
import AnnotextIndex
import Foundation

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU time of this thread: the machine is shared, and wall time counts time spent preempted.
func cpuNow() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Nearest-rank percentile of sorted milliseconds.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

/// The export in memory: postings per concept and the texts, to check answers.
struct Reference {
    var postings: [String: [Int]] = [:]
    var texts: [String] = [""]
    var documents: [String] = [""]
    /// Start offsets in scalars of the document text, as the loader joins sentences.
    var starts: [Int] = [0]
    /// Concept ids of each sentence's mentions in export order.
    var concepts: [[String]] = [[]]

    init(_ data: Data) throws {
        struct Line: Decodable {
            var id: Int
            var doc: String
            var text: String
            var concepts: [String]
        }
        let decoder = JSONDecoder()
        var end = 0
        for slice in data.split(separator: 0x0A) {
            let line = try decoder.decode(Line.self, from: slice)
            let start = line.doc == documents.last ? end + 1 : 0
            end = start + line.text.unicodeScalars.count
            texts.append(line.text)
            documents.append(line.doc)
            starts.append(start)
            concepts.append(line.concepts)
            for concept in Set(line.concepts) { postings[concept, default: []].append(line.id) }
        }
        for key in postings.keys { postings[key]?.sort() }
    }

    /// Whether `record` is export sentence `id` as the loader stored it.
    func matches(_ record: SentenceRecord, id: Int) -> Bool {
        guard id > 0, id < texts.count, record.document == documents[id], record.text == texts[id],
            record.start == starts[id], record.end == starts[id] + texts[id].unicodeScalars.count,
            record.kind == .sentence, let mentions = record.mentions
        else { return false }
        return mentions.map(\.concept) == concepts[id]
            && mentions.allSatisfy {
                $0.label == $0.concept && $0.start == record.start && $0.end == record.start && $0.text.isEmpty
                    && $0.nested.isEmpty && !$0.negated && !$0.hedged && !$0.attributed
            }
    }

    /// Whether `hit` is export sentence `id`.
    func matches(_ hit: SearchHit, id: Int) -> Bool {
        id > 0 && id < texts.count && hit.document == documents[id] && hit.text == texts[id]
    }

    func concept(_ c: String) -> [Int] { Array((postings[c] ?? []).prefix(20)) }
    func count(_ c: String) -> Int { postings[c]?.count ?? 0 }
    func and(_ a: String, _ b: String) -> [Int] {
        let other = Set(postings[b] ?? [])
        return Array((postings[a] ?? []).lazy.filter { other.contains($0) }.prefix(20))
    }

    /// Lower-case alphanumeric words: close to FTS5's unicode61 tokenizer for this text.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    func containsPhrase(_ id: Int, _ phrase: String) -> Bool {
        let want = Self.words(phrase)
        let have = Self.words(texts[id])
        guard have.count >= want.count else { return false }
        return (0...(have.count - want.count)).contains { Array(have[$0..<($0 + want.count)]) == want }
    }
}

do {
    var rest = CommandLine.arguments.dropFirst()
    var folder = ""
    var dbPath: String?
    var keep = false
    // For profiling: run the query list N times (timings of every pass), only these kinds.
    var repeats = 1
    var kinds: Set<String>?
    // Skips reading the export back to check answers (for profilers: the check dominates).
    var check = true
    // Which passes to run: "hits" (what the peers fetch), "records" (full records).
    var passes: Set<String> = ["hits", "records"]
    while let argument = rest.popFirst() {
        switch argument {
        case "--db": dbPath = rest.popFirst()
        case "--keep": keep = true
        case "--repeat": repeats = rest.popFirst().flatMap { Int($0) } ?? 1
        case "--no-check": check = false
        case "--passes": passes = rest.popFirst().map { Set($0.split(separator: ",").map(String.init)) } ?? passes
        case "--kinds": kinds = rest.popFirst().map { Set($0.split(separator: ",").map(String.init)) }
        default: folder = argument
        }
    }
    guard !folder.isEmpty else {
        throw BenchError("usage: annotext-search-bench DIR [--db PATH] [--keep] [--repeat N] [--kinds a,b] [--passes hits,records] [--no-check]")
    }
    let dir = URL(fileURLWithPath: folder)
    let path = dbPath ?? dir.appendingPathComponent("annotext.sqlite").path
    let exists = FileManager.default.fileExists(atPath: path)
    if !keep || !exists {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    var store = try CorpusStore(path: path)
    if keep && exists {
        print("reusing \(path)")
    } else {
        let data = try Data(contentsOf: dir.appendingPathComponent("sentences.jsonl"))
        let start = now()
        let summary = try SentenceExportLoader().load(data, named: "sentences.jsonl", into: store)
        let seconds = Double(now() - start) / 1e9
        print(
            "load: \(summary.sentences) sentences, \(summary.mentions) mentions, \(summary.documents.count) documents in "
                + String(format: "%.1f s (%.0f sentences/s)", seconds, Double(summary.sentences) / seconds))
    }
    store = try CorpusStore(path: path, readOnly: true)
    let reference = check ? try Reference(Data(contentsOf: dir.appendingPathComponent("sentences.jsonl"))) : nil
    // Document name -> export id of its unit 0, from the corpus itself.
    var starts: [String: Int] = [:]
    var next = 1
    for document in try store.documents() {
        starts[document.name] = next
        next += document.sentences
    }
    let firstIDs = starts
    func exportID(_ document: String, _ index: Int) -> Int { (firstIDs[document] ?? -1_000_000) + index }

    let scheme = try store.scheme()
    let table = try String(contentsOf: dir.appendingPathComponent("queries.tsv"), encoding: .utf8)
    var timings: [String: [Double]] = [:]
    var cpuTimings: [String: [Double]] = [:]
    var failures: [String: Int] = [:]
    var order: [String] = []
    let rows = table.split(separator: "\n").dropFirst()
    /// Pass `records` false: what the peers fetch; true: full records of the first pages.
    func run(records full: Bool) throws {
        for line in (0..<max(1, repeats)).lazy.flatMap({ _ in rows }) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            let kind = fields[0]
            if let kinds, !kinds.contains(kind) { continue }
            let pages = ["concept", "and", "phrase_bop", "phrase_lex"].contains(kind)
            if full && !pages { continue }
            let row = full ? kind + "+rec" : kind
            let warmup = fields[1] == "1"
            let a = fields[2]
            let b = fields.count > 3 ? fields[3] : ""
            // Parsing is timed apart (row "parse"): the peers are handed concept ids directly.
            let parseStart = cpuNow()
            let parsed: ConceptQuery?
            switch kind {
            case "concept", "count": parsed = try ConceptQuery(parsing: a, scheme: scheme)
            case "and": parsed = try ConceptQuery(parsing: a + " AND " + b, scheme: scheme)
            case "phrase_bop", "phrase_lex":
                parsed = try ConceptQuery(parsing: "text:\"" + a.replacingOccurrences(of: "\"", with: "\\\"") + "\"", scheme: scheme)
            default: parsed = nil
            }
            if !warmup, !full, parsed != nil { timings["parse", default: []].append(Double(cpuNow() - parseStart) / 1e6) }
            let start = now()
            let cpuStart = cpuNow()
            var records: [SentenceRecord] = []
            var hits: [SearchHit] = []
            var count = 0
            var counts: [ConceptCount] = []
            switch kind {
            case "concept", "and", "phrase_bop", "phrase_lex":
                guard let parsed else { continue }
                if full { records = try store.search(parsed, limit: 20) } else { hits = try store.hits(parsed, limit: 20) }
            case "count":
                guard let parsed else { continue }
                count = try store.count(parsed)
            case "counts_all":
                counts = try store.concepts()
            default:
                continue
            }
            let cpu = Double(cpuNow() - cpuStart) / 1e6
            let wall = Double(now() - start) / 1e6
            if !warmup {
                timings[row, default: []].append(wall)
                cpuTimings[row, default: []].append(cpu)
            }
            var ok = true
            if let reference {
                let ids = full ? records.map { exportID($0.document, $0.index) } : hits.map { exportID($0.document, $0.index) }
                let same =
                    full
                    ? zip(records, ids).allSatisfy { reference.matches($0, id: $1) }
                    : zip(hits, ids).allSatisfy { reference.matches($0, id: $1) }
                switch kind {
                case "concept": ok = same && ids == reference.concept(a)
                case "and": ok = same && ids == reference.and(a, b)
                case "count": ok = count == reference.count(a)
                case "counts_all": ok = counts.allSatisfy { $0.sentences == reference.count($0.id) }
                default: ok = same && ids == ids.sorted() && ids.allSatisfy { reference.containsPhrase($0, a) }
                }
            }
            if !order.contains(row) { order.append(row) }
            if !ok { failures[row, default: 0] += 1 }
        }
    }
    if passes.contains("hits") { try run(records: false) }
    if passes.contains("records") { try run(records: true) }
    print("kind             runs   wall p50   wall p99    cpu p50    cpu p99   wrong   (ms)")
    for kind in order + ["parse"] {
        let sorted = (timings[kind] ?? []).sorted()
        let cpu = (cpuTimings[kind] ?? timings[kind] ?? []).sorted()
        print(
            kind.padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(
                    format: " %5d %10.4f %10.4f %10.4f %10.4f   %d", sorted.count, percentile(sorted, 50),
                    percentile(sorted, 99), percentile(cpu, 50), percentile(cpu, 99), failures[kind] ?? 0))
    }
    if failures.values.contains(where: { $0 > 0 }) { exit(2) }
} catch {
    FileHandle.standardError.write(Data("annotext-search-bench: \(error)\n".utf8))
    exit(1)
}
