import AnnotextCore
import AnnotextExport
import ArgumentParser

/// `annotext segment FILE|-`: the units of one document, without a corpus.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences, headings, list items and options.",
        discussion: "Prints one unit a line, or with --json one JSON array in the contract of DESIGN.md.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: JSONOption

    func run() async throws {
        let document = try input.document()
        let annotator = DocumentAnnotator(tagger: nil)
        let sink = ByteSink()
        if output.json {
            let writer = TaggedSentenceWriter(sink: sink, layout: .array, scheme: nil, includesMentions: false)
            writer.write(document, annotator: annotator)
            writer.finish()
        } else {
            for record in annotator.records(for: document) {
                sink.write(record.text.replacingLineBreaks())
                sink.buffer.append(0x0A)
                sink.flushIfFull()
            }
            sink.flush()
        }
    }
}

extension String {
    /// The string on one line: each run of line breaks and tabs becomes one space.
    func replacingLineBreaks() -> String {
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return self }
        var result = ""
        var lastWasBreak = false
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                if !lastWasBreak { result.unicodeScalars.append(" ") }
                lastWasBreak = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasBreak = false
            }
        }
        return result
    }
}
