// annotext-bench FILE [--lexicon PATH] [--repeat N] [--min-mb M] [--ingest-only] [--only LINE,...]
//
// Prints MB/s for segment, tag (on already segmented text), segment+tag and ingest into SQLite
// on one file, in this process, best of N runs. Build in release:
//   swift build -c release --product annotext-bench && .build/release/annotext-bench FILE
import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import AnnotextLexicon
import AnnotextPipeline
import Foundation

struct BenchmarkArguments {
    var file = ""
    var lexicon: String?
    var repeats = 3
    var minimumMegabytes = 0.0
    /// Only the ingest line: for profiling the writer.
    var ingestOnly = false
    /// Only these lines (names as printed, comma-separated): for profiling one of them.
    var only: Set<String> = []

    /// Whether the line `name` runs.
    func runs(_ name: String) -> Bool {
        only.isEmpty || only.contains(name) || only.contains(String(name.prefix { $0 != "," }))
    }

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--lexicon": lexicon = rest.popFirst()
            case "--repeat": repeats = Int(rest.popFirst() ?? "") ?? 3
            case "--min-mb": minimumMegabytes = Double(rest.popFirst() ?? "") ?? 0
            case "--ingest-only": ingestOnly = true
            case "--only": only = Set((rest.popFirst() ?? "").split(separator: ",").map(String.init))
            case "-h", "--help":
                print("usage: annotext-bench FILE [--lexicon PATH] [--repeat N] [--min-mb M] [--ingest-only] [--only LINE,...]")
                exit(0)
            default: file = argument
            }
        }
        if file.isEmpty { throw BenchmarkError("usage: annotext-bench FILE [--lexicon PATH] [--repeat N] [--min-mb M] [--ingest-only] [--only LINE,...]") }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The process's CPU seconds so far, all threads.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The CPU seconds of the run that `best` last timed as the best: with several engineers on
/// two cores, the wall clock of a line that uses both depends on what else runs.
nonisolated(unsafe) var bestCPUSeconds = 0.0

/// The best wall-clock seconds of `repeats` runs of `body`.
func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, repeats) {
        let cpu = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if seconds < best {
            best = seconds
            bestCPUSeconds = cpuSeconds() - cpu
        }
    }
    return best
}

func report(_ name: String, megabytes: Double, seconds: Double, extra: String = "") {
    let rate = megabytes / seconds
    let cpu = String(format: "%.3f", bestCPUSeconds)
    print("\(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", rate)) MB/s  (\(String(format: "%.3f", seconds)) s, cpu \(cpu) s)\(extra)")
}

do {
    let arguments = try BenchmarkArguments(Array(CommandLine.arguments.dropFirst()))
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: arguments.file)))
    if arguments.minimumMegabytes > 0, !bytes.isEmpty {
        let original = bytes
        while Double(bytes.count) < arguments.minimumMegabytes * 1_000_000 { bytes += [0x0A, 0x0A] + original }
    }
    let name = URL(fileURLWithPath: arguments.file).lastPathComponent
    let reader = DocumentReader()
    let document = try reader.read(bytes, name: name, format: .text).document
    let megabytes = Double(document.text.utf8.count) / 1_000_000
    print("\(name): \(String(format: "%.2f", megabytes)) MB of text, best of \(arguments.repeats)")

    var scheme = ConceptScheme.builtIn
    var compiled: CompiledLexicon?
    let compileSeconds = try best(1) {
        if let path = arguments.lexicon { scheme = try ConceptScheme(contentsOf: URL(fileURLWithPath: path)) }
        compiled = try CompiledLexicon(scheme: scheme)
    }
    guard let compiled else { throw BenchmarkError("lexicon did not compile") }
    print("lexicon: \(scheme.concepts.count) concepts, loaded and compiled in \(String(format: "%.3f", compileSeconds)) s")

    let segmenter = SentenceSegmenter()
    let tagger = ConceptTagger(lexicon: compiled)
    let annotator = DocumentAnnotator(segmenter: segmenter, tagger: tagger)
    if !arguments.ingestOnly {
        if arguments.runs("read (decode)") {
            let readSeconds = try best(arguments.repeats) { _ = try reader.read(bytes, name: name, format: .text) }
            report("read (decode)", megabytes: megabytes, seconds: readSeconds)
        }

        var sentences: [Sentence] = []
        let segmentSeconds = best(arguments.repeats) { sentences = segmenter.sentences(in: document) }
        if arguments.runs("segment") {
            report("segment", megabytes: megabytes, seconds: segmentSeconds, extra: "  sentences=\(sentences.count)")
        }

        if arguments.runs("tag") {
            // One core, and every unit's mentions read as `Mention` values (made from the
            // tagger's entries when read).
            var mentions = 0
            let tagSeconds = best(arguments.repeats) {
                mentions = tagger.tag(sentences, in: document).reduce(0) { $0 + $1.mentions.count }
            }
            report("tag", megabytes: megabytes, seconds: tagSeconds, extra: "  mentions=\(mentions)")
        }

        if arguments.runs("segment+tag") {
            // All cores for a large document; the mentions as the tagger keeps them (what the
            // JSON writer reads), and counted.
            var mentions = 0
            let bothSeconds = best(arguments.repeats) {
                // Read in place: iterating would copy (and retain) each unit.
                let units = annotator.annotate(document)
                mentions = units.indices.reduce(0) { $0 + units[$1].mentionCount }
            }
            report("segment+tag", megabytes: megabytes, seconds: bothSeconds, extra: "  mentions=\(mentions)")
        }

        if arguments.runs("segment+tag+mentions") {
            // The same, every unit's mentions then read as `Mention` values as well.
            var mentions = 0
            let bothSeconds = best(arguments.repeats) {
                mentions = annotator.annotate(document).reduce(0) { $0 + $1.mentions.count }
            }
            report("segment+tag+mentions", megabytes: megabytes, seconds: bothSeconds, extra: "  mentions=\(mentions)")
        }

        if arguments.runs("segment+tag+records") {
            let recordsSeconds = best(arguments.repeats) { _ = annotator.records(for: document) }
            report("segment+tag+records", megabytes: megabytes, seconds: recordsSeconds)
        }

        if arguments.runs("same, all cores") {
            // What ingest does with a large document: segmented on all cores, tagged in runs on all cores.
            let partsSeconds = best(arguments.repeats) {
                let parts = annotator.parts(of: document)
                DispatchQueue.concurrentPerform(iterations: parts.partCount) { _ = annotator.records(for: parts, part: $0) }
            }
            report("same, all cores", megabytes: megabytes, seconds: partsSeconds)
        }
    }
    guard arguments.runs("ingest into SQLite") else { exit(0) }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var run = 0
    let ingester = CorpusIngester(reader: reader, annotator: annotator, scheme: scheme)
    let ingestSeconds = try best(arguments.repeats) {
        run += 1
        let store = try CorpusStore(path: folder.appendingPathComponent("bench-\(run).sqlite").path)
        let result = try reader.read(bytes, name: name, format: .text)
        _ = try ingester.ingest(result, into: store) { _ in }
    }
    report("ingest into SQLite", megabytes: megabytes, seconds: ingestSeconds)
} catch {
    FileHandle.standardError.write(Data("annotext-bench: \(error)\n".utf8))
    exit(1)
}
