import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext documents`: the documents of the corpus, in ingest order.
struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents in the corpus.")

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: JSONOption

    @Flag(name: .long, help: "With --json, include each document's text (the text offsets point into).")
    var text = false

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let documents = try store.documents()
        let sink = ByteSink()
        if output.json {
            var items: [JSONValue] = []
            for document in documents {
                var fields: [(String, JSONValue)] = [
                    ("name", .string(document.name)),
                    ("title", document.title.map(JSONValue.string) ?? .null),
                    ("format", .string(document.format.rawValue)),
                    ("language", document.language.map(JSONValue.string) ?? .null),
                    ("sentences", .int(document.sentences)),
                    ("mentions", .int(document.mentions)),
                    ("bytes", .int(document.bytes)),
                ]
                if text { fields.append(("text", .string(try store.document(named: document.name)?.text ?? ""))) }
                items.append(.object(fields))
            }
            sink.writeJSON(.array(items))
            sink.write("\n")
        } else {
            let rows = documents.map { document -> [String] in
                [document.name, document.format.rawValue, "\(document.sentences)", "\(document.mentions)", document.title ?? ""]
            }
            sink.write(Table(header: ["document", "format", "sentences", "mentions", "title"], rows: rows).text)
            if let tagging = try store.tagging() { sink.write("\n\(tagging.summary)\n") }
        }
        sink.flush()
    }
}
