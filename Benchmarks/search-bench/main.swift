// annotext-search-bench DIR [--db PATH] [--keep] [--repeat N] [--kinds a,b] [--no-check]
//
// Loads the export of `search_peers.py --export DIR` (sentences.jsonl, queries.tsv) into an
// annotext corpus as it is (no re-tagging), runs the queries of queries.tsv in this process
// and prints p50/p99 per kind, checking every answer against the export itself.
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

    init(_ data: Data) throws {
        struct Line: Decodable {
            var id: Int
            var text: String
            var concepts: [String]
        }
        let decoder = JSONDecoder()
        for slice in data.split(separator: 0x0A) {
            let line = try decoder.decode(Line.self, from: slice)
            texts.append(line.text)
            for concept in Set(line.concepts) { postings[concept, default: []].append(line.id) }
        }
        for key in postings.keys { postings[key]?.sort() }
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
    while let argument = rest.popFirst() {
        switch argument {
        case "--db": dbPath = rest.popFirst()
        case "--keep": keep = true
        case "--repeat": repeats = rest.popFirst().flatMap { Int($0) } ?? 1
        case "--no-check": check = false
        case "--kinds": kinds = rest.popFirst().map { Set($0.split(separator: ",").map(String.init)) }
        default: folder = argument
        }
    }
    guard !folder.isEmpty else {
        throw BenchError("usage: annotext-search-bench DIR [--db PATH] [--keep] [--repeat N] [--kinds a,b] [--no-check]")
    }
    let dir = URL(fileURLWithPath: folder)
    let path = dbPath ?? dir.appendingPathComponent("annotext.sqlite").path
    let exists = FileManager.default.fileExists(atPath: path)
    if !keep || !exists {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    var store = try CorpusStore(path: path)
    var firstIDs: [String: Int] = [:]
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
    var next = 1
    for document in try store.documents() {
        firstIDs[document.name] = next
        next += document.sentences
    }
    func exportIDs(_ records: [SentenceRecord]) -> [Int] { records.map { (firstIDs[$0.document] ?? -1_000_000) + $0.index } }

    let scheme = try store.scheme()
    let table = try String(contentsOf: dir.appendingPathComponent("queries.tsv"), encoding: .utf8)
    var timings: [String: [Double]] = [:]
    var cpuTimings: [String: [Double]] = [:]
    var failures: [String: Int] = [:]
    var order: [String] = []
    let rows = table.split(separator: "\n").dropFirst()
    for line in (0..<max(1, repeats)).lazy.flatMap({ _ in rows }) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3 else { continue }
        let kind = fields[0]
        if let kinds, !kinds.contains(kind) { continue }
        let warmup = fields[1] == "1"
        let a = fields[2]
        let b = fields.count > 3 ? fields[3] : ""
        var ok = true
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
        if !warmup, parsed != nil { timings["parse", default: []].append(Double(cpuNow() - parseStart) / 1e6) }
        let start = now()
        let cpuStart = cpuNow()
        var records: [SentenceRecord] = []
        var count = 0
        var counts: [ConceptCount] = []
        switch kind {
        case "concept", "and", "phrase_bop", "phrase_lex":
            guard let parsed else { continue }
            records = try store.search(parsed, limit: 20)
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
            timings[kind, default: []].append(wall)
            cpuTimings[kind, default: []].append(cpu)
        }
        if let reference {
            switch kind {
            case "concept": ok = exportIDs(records) == reference.concept(a)
            case "and": ok = exportIDs(records) == reference.and(a, b)
            case "count": ok = count == reference.count(a)
            case "counts_all": ok = counts.allSatisfy { $0.sentences == reference.count($0.id) }
            default:
                let ids = exportIDs(records)
                ok = ids == ids.sorted() && ids.allSatisfy { reference.containsPhrase($0, a) }
            }
        }
        if !order.contains(kind) { order.append(kind) }
        if !ok { failures[kind, default: 0] += 1 }
    }
    print("kind          runs   wall p50   wall p99    cpu p50    cpu p99   wrong   (ms)")
    for kind in order + ["parse"] {
        let sorted = (timings[kind] ?? []).sorted()
        let cpu = (cpuTimings[kind] ?? timings[kind] ?? []).sorted()
        print(
            kind.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(
                    format: " %5d %10.4f %10.4f %10.4f %10.4f   %d", sorted.count, percentile(sorted, 50),
                    percentile(sorted, 99), percentile(cpu, 50), percentile(cpu, 99), failures[kind] ?? 0))
    }
    if failures.values.contains(where: { $0 > 0 }) { exit(2) }
} catch {
    FileHandle.standardError.write(Data("annotext-search-bench: \(error)\n".utf8))
    exit(1)
}
