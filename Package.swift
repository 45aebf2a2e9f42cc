// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "annotext",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "annotext", targets: ["annotext"]),
        .library(
            name: "Annotext",
            targets: [
                "AnnotextCore", "AnnotextIngest", "AnnotextLexicon", "AnnotextIndex", "AnnotextExport",
                "AnnotextPipeline",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // SQLite's process-wide options, which only C can set (see CSQLiteSetup.h).
        .target(name: "CSQLiteSetup", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(name: "embed-lexicons", path: "Sources/embed-lexicons"),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["embed-lexicons"]),
        .target(
            name: "AnnotextCore",
            plugins: ["EmbedLexicons"]),
        .target(
            name: "AnnotextIngest",
            dependencies: ["AnnotextCore", "CLibXML2"]),
        .target(
            name: "AnnotextLexicon",
            dependencies: ["AnnotextCore", "CLibXML2", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedLexicons"]),
        .target(
            name: "AnnotextIndex",
            dependencies: ["AnnotextCore", "CSQLiteSetup", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "AnnotextExport",
            dependencies: ["AnnotextCore"]),
        .target(
            name: "AnnotextPipeline",
            dependencies: ["AnnotextCore", "AnnotextIngest", "AnnotextLexicon", "AnnotextIndex"]),
        .executableTarget(
            name: "annotext",
            dependencies: [
                "AnnotextCore", "AnnotextIngest", "AnnotextLexicon", "AnnotextIndex", "AnnotextExport",
                "AnnotextPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "annotext-bench",
            dependencies: ["AnnotextCore", "AnnotextIngest", "AnnotextLexicon", "AnnotextIndex", "AnnotextPipeline"],
            path: "Benchmarks/annotext-bench"),
        .executableTarget(name: "annotext-search-bench", dependencies: ["AnnotextCore", "AnnotextIndex"], path: "Benchmarks/search-bench"),
        .testTarget(name: "AnnotextCoreTests", dependencies: ["AnnotextCore"]),
        .testTarget(name: "AnnotextIngestTests", dependencies: ["AnnotextIngest"], exclude: ["Fixtures"]),
        .testTarget(name: "AnnotextLexiconTests", dependencies: ["AnnotextLexicon"], exclude: ["Fixtures"]),
        .testTarget(
            name: "AnnotextIndexTests",
            dependencies: ["AnnotextIndex", "AnnotextLexicon", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "AnnotextExportTests", dependencies: ["AnnotextExport"]),
        .testTarget(name: "AnnotextPipelineTests", dependencies: ["AnnotextPipeline"]),
        .testTarget(name: "annotextTests", dependencies: ["annotext"]),
    ],
    swiftLanguageModes: [.v6]
)
