import Foundation

/// Runs the built `annotext` binary, as a user would, and captures what it prints.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package, when present.
    static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("DESIGN.md").path) ? url : nil
    }()

    /// The binary built beside the test bundle (the test target depends on it).
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("annotext")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/annotext")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return beside
    }()

    /// A fresh folder for one test's corpus.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `annotext ARGUMENTS` with `input` on stdin.
    @discardableResult
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ANNOTEXT_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let errorURL = scratch.appendingPathComponent("stderr")
        try (input ?? Data()).write(to: inputURL)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let out = Pipe()
        let inputHandle = try FileHandle(forReadingFrom: inputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = out
        process.standardError = errorHandle
        process.standardInput = inputHandle
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? inputHandle.close()
        try? errorHandle.close()
        let stderrData = (try? Data(contentsOf: errorURL)) ?? Data()
        return Output(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
