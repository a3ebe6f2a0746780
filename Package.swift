// swift-tools-version: 6.0
// edlint — an editorial quality linter. The package reads top to bottom:
// system C libraries, the pure core, the rules, the reporters, the thin CLI, then tests.
import PackageDescription

let package = Package(
    name: "edlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "edlint", targets: ["edlint"]),
        .library(name: "EdLintCore", targets: ["EdLintCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Binary search over sorted arrays (`partitioningIndex(where:)`), instead of hand-written loops.
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
    ],
    targets: [
        // System libraries from Debian packages (see README: setup installs them).
        .systemLibrary(
            name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CCMarkGFM", path: "Sources/CCMarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        .systemLibrary(
            name: "CStemmer", path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]),

        // The pure core: documents, regex engine, rule model, YAML kinds, configuration, linter.
        .target(
            name: "EdLintCore",
            dependencies: ["CPCRE2", "CCMarkGFM", "Yams", .product(name: "Algorithms", package: "swift-algorithms")]),

        // Build-time embedding of data folders (Rules/, Lexicon/) into Swift modules.
        .executableTarget(name: "RulePackEmbedder", path: "Sources/RulePackEmbedder"),
        .plugin(
            name: "EmbedRulePacks", capability: .buildTool(),
            dependencies: ["RulePackEmbedder"], path: "Plugins/EmbedRulePacks"),

        // Words: tokenizer, Snowball stemmer, stopwords, WordNet synonyms and IDF weights (Lexicon/).
        .target(name: "EdLintText", dependencies: ["CStemmer"], plugins: ["EmbedRulePacks"]),
        // Regenerates Lexicon/ from WordNet and a corpus (run by hand; see Lexicon/README.md).
        .executableTarget(name: "LexiconBuilder", dependencies: ["EdLintText"]),

        // Built-in rules: Swift structural rules plus the YAML packs of Rules/, embedded at build time.
        .target(
            name: "EdLintRules",
            dependencies: ["EdLintCore", "EdLintText", .product(name: "Algorithms", package: "swift-algorithms")],
            plugins: ["EmbedRulePacks"]),

        // Output formats, one reporter per file.
        .target(name: "EdLintReporters", dependencies: ["EdLintCore"]),

        // The command-line tool: argument parsing and process concerns only.
        .executableTarget(
            name: "edlint",
            dependencies: [
                "EdLintCore", "EdLintRules", "EdLintReporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // libFuzzer driver: built by `make fuzz` with coverage instrumentation and libFuzzer's
        // runtime; a plain build makes a program that explains how to build it properly.
        .executableTarget(name: "EdLintFuzz", dependencies: ["EdLintCore", "EdLintRules", "EdLintReporters"]),

        // Tests.
        .target(
            name: "EdLintTestSupport", dependencies: ["EdLintCore", "EdLintRules"],
            path: "Tests/EdLintTestSupport"),
        .testTarget(name: "EdLintCoreTests", dependencies: ["EdLintCore", "EdLintTestSupport"]),
        // Snapshots/ is read from the source tree (the test rewrites it on request), not bundled.
        .testTarget(name: "EdLintRulesTests", dependencies: ["EdLintRules", "EdLintTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "ReporterTests", dependencies: ["EdLintReporters", "EdLintRules", "EdLintTestSupport"],
            resources: [.copy("Golden")]),
        // Depends on the executable so that `swift test` builds the binary it runs.
        .testTarget(
            name: "CLITests",
            dependencies: ["EdLintTestSupport", "edlint", .product(name: "Yams", package: "Yams")]),
    ]
)
