import AnnotextCore
import AnnotextIngest
import ArgumentParser
import Foundation

/// `FILE|-` with `--format` and `--name`: one document read for `tag` and `segment`.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file"))
    var input: String

    @Option(name: .long, help: "Read the input as text, markdown, html or xml (default: from the extension; stdin is text).")
    var format: DocumentFormat?

    @Option(name: .long, help: "The document name to report for standard input (default: stdin).")
    var name: String?

    /// Reads the input into a document, printing any warnings.
    func document() throws -> Document {
        let reader = DocumentReader()
        let result: ReadResult
        if input == "-" {
            // One read loop into one buffer, refused past the reader's size limit.
            result = try reader.readStandardInput(name: name ?? "stdin", format: format ?? .text)
        } else {
            let url = URL(fileURLWithPath: input)
            result = try reader.read(contentsOf: url, name: name ?? url.lastPathComponent, format: format)
        }
        for warning in result.warnings { printWarning(warning.description) }
        return result.document
    }
}

extension DocumentFormat: ExpressibleByArgument {}
