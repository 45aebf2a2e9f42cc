import AnnotextIndex
import ArgumentParser

/// `annotext remove NAME...`: drop documents from the corpus.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove documents from the corpus by name.")

    @Argument(help: ArgumentHelp("Document names, as `annotext documents` lists them.", valueName: "name"))
    var names: [String]

    @OptionGroup var corpus: CorpusOptions

    func run() async throws {
        let store = try corpus.openForWriting()
        var missing: [String] = []
        for name in names {
            if try store.remove(named: name) {
                print("Removed \(name).")
            } else {
                missing.append(name)
            }
        }
        if !missing.isEmpty {
            throw CommandFailure("\(corpus.path): no document named \(missing.joined(separator: ", ")) (see annotext documents)")
        }
    }
}
