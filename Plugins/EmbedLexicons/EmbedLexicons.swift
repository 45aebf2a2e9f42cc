import Foundation
import PackagePlugin

/// Embeds the files of `Lexicons/` into the module as string constants, so that a copied or
/// installed `annotext` binary carries its default lexicon and abbreviation lists.
///
/// `AnnotextCore` gets the abbreviation lists (`Lexicons/abbreviations/`); every other module
/// that uses the plugin gets the concept schemes (the files at the top of `Lexicons/`).
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Lexicons")
        let folder = target.name == "AnnotextCore" ? root.appending(path: "abbreviations") : root
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".txt") || $0.hasSuffix(".tsv")) }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) lexicon files into \(target.name)",
                executable: try context.tool(named: "embed-lexicons").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
