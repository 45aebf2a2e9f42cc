import ArgumentParser

@main
struct Annotext: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotext",
        abstract: "Turn lecture notes and articles into an annotated, searchable corpus.",
        version: "0.1.0")
}
