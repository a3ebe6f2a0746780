import EdLintCore
import EdLintReporters
import EdLintRules
import EdLintTestSupport
import Foundation
import Testing

struct IntegrationFormatTests {
    static let inputs: [(String, DocumentFormat)] = [("multibyte.md", .markdown), ("crlf.txt", .plainText)]

    func report(_ name: String, format: DocumentFormat, prefix: String = "") throws -> Report {
        let bytes = Array(prefix.utf8) + [UInt8](try Golden.input(name))
        let registry = try RuleRegistry(rules: try BuiltinRules.load())
        let active = try RuleResolver.resolve(registry: registry, configuration: .defaults(directory: "/"), selection: RuleSelection())
        let file = Linter(rules: active).lint(path: name, bytes: bytes, format: format)
        return Report(files: [file], rules: active.map(\.rule.description))
    }

    /// SARIF with the machine-specific base folder replaced, so the golden file is portable.
    func sarif(_ report: Report) -> String {
        let base = FileManager.default.currentDirectoryPath
        return SARIFReporter(basePath: base).render(report)
            .replacingOccurrences(of: "file://" + base.replacingOccurrences(of: " ", with: "%20"), with: "file://<BASE>")
    }

    @Test(arguments: inputs)
    func formatsMatchTheirGoldenFiles(name: String, format: DocumentFormat) throws {
        let report = try report(name, format: format)
        try Golden.check(GitHubReporter().render(report), against: name + ".github")
        try Golden.check(RDJSONReporter().render(report), against: name + ".rdjson")
        try Golden.check(CheckstyleReporter().render(report), against: name + ".checkstyle.xml")
        try Golden.check(JUnitReporter().render(report), against: name + ".junit.xml")
        try Golden.check(sarif(report), against: name + ".sarif")
    }

    @Test func githubCommandsEscapeWhatTheRunnerWouldReadAsSyntax() {
        let source = SourceFile(path: "a,b:c.md", text: "x\n")
        let diagnostic = Diagnostic(ruleID: "style.x", category: .style, severity: .info, message: "50% done\nnext: line", range: 0..<1)
        let output = GitHubReporter().render(Report(files: [FileReport(source: source, diagnostics: [diagnostic])], rules: []))
        #expect(output == "::notice file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,title=edlint style.x::50%25 done%0Anext: line\n")
    }

    @Test func fingerprintsSurviveLinesInsertedAbove() throws {
        for (name, format) in Self.inputs {
            let before = try report(name, format: format)
            let after = try report(name, format: format, prefix: "A new first paragraph, added later.\n\n")
            let first = Fingerprint.values(for: before.files[0].diagnostics, in: before.files[0].source)
            let second = Fingerprint.values(for: after.files[0].diagnostics, in: after.files[0].source)
            #expect(!first.isEmpty)
            #expect(first == second, "\(name)")
            #expect(before.files[0].diagnostics.map(\.range.lowerBound) != after.files[0].diagnostics.map(\.range.lowerBound))
        }
    }

    @Test func sarifColumnsCountUTF16CodeUnits() throws {
        let report = try report("multibyte.md", format: .markdown)
        let object = try JSONSerialization.jsonObject(with: Data(sarif(report).utf8)) as? [String: Any]
        let runs = object?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        // "!!" on line 7 follows an emoji (two UTF-16 units): scalar column 42, UTF-16 column 43.
        let punctuation = results.first { ($0["ruleId"] as? String) == "style.repeated-punctuation" }
        let location = (punctuation?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let region = location?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 7)
        #expect(region?["startColumn"] as? Int == 43)
        #expect(runs?.first?["columnKind"] as? String == "utf16CodeUnits")
    }

    @Test(.enabled(if: Fixtures.shared != nil && Fixtures.pythonHasModule("jsonschema"), "needs ../shared/schemas and python3 with jsonschema; skipped"))
    func sarifValidatesForGitHubWithNoWarnings() throws {
        let shared = try #require(Fixtures.shared)
        let directory = Fixtures.temporaryDirectory("edlint-sarif")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (name, format) in Self.inputs {
            let url = directory.appendingPathComponent(name + ".sarif")
            try Data(SARIFReporter(basePath: FileManager.default.currentDirectoryPath).render(try report(name, format: format)).utf8).write(to: url)
            files.append(url)
        }
        let validator = shared.appendingPathComponent("schemas/validate_sarif.py")
        let result = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", validator.path, "--github", "--werror"] + files.map(\.path))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}

struct SARIFLimitTests {
    /// GitHub keeps 1,024 characters of a rule's full description: longer rationales are cut at
    /// a sentence, marked, and stay whole in `help`.
    @Test func fullDescriptionsFitGitHubsLimit() {
        let long = String(repeating: "A sentence of the rationale. ", count: 60)
        let fitted = SARIFReporter.fitting(long, within: SARIFReporter.fullDescriptionLimit)
        #expect(fitted.count <= 1_024 && fitted.hasSuffix(". …") && long.hasPrefix(String(fitted.dropLast(2))))
        #expect(SARIFReporter.fitting("Short.", within: 1_024) == "Short.")
    }
}

struct RulesDocumentTests {
    @Test func docsRulesPageIsCurrent() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let descriptions = try BuiltinRules.load().map(\.description) + ToolDiagnostics.all
        #expect(committed == RulesDocument.markdown(descriptions), "docs/rules.md is stale: run `edlint rules --format markdown > docs/rules.md`")
    }

    /// The committed reference of every rule's defaults is current (a changed threshold or
    /// severity is a reviewed diff of it) and is itself a valid .linterrc.
    @Test func defaultRuleConfigurationsAreCurrentAndValid() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/default-rule-configurations.yml")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let rules = try BuiltinRules.load()
        #expect(
            committed == RulesDocument.defaults(rules.map(\.description)),
            "docs/default-rule-configurations.yml is stale: run `edlint rules --format defaults > docs/default-rule-configurations.yml`")
        let configuration = try Configuration.parse(committed, path: url.path, directory: Fixtures.packageRoot.path)
        #expect(configuration.rules.count == rules.count)
        let active = try RuleResolver.resolve(
            registry: try RuleRegistry(rules: rules), configuration: configuration, selection: RuleSelection())
        // Every rule at its declared defaults, as if nothing were configured.
        let defaults = try RuleResolver.resolve(
            registry: try RuleRegistry(rules: rules), configuration: .defaults(directory: "/"), selection: RuleSelection())
        #expect(active.map(\.context.options) == defaults.map(\.context.options))
        #expect(active.map(\.context.severity) == defaults.map(\.context.severity))
    }
}

/// edlint's `primaryLocationLineHash` is the value GitHub's upload-sarif computes, checked against
/// an independent transcription of its algorithm (Tests/Tools/github-line-hash.js) under node.
struct GitHubLineHashTests {
    static var node: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/node"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let texts: [String] = [
        "Intro.\n\nRelated Posts\n",
        "Café — naïve 👨‍👩‍👧‍👦 text\r\nwith CRLF\r\n\r\nand more\r\n",
        "Old Mac\rline endings\r\rhere",
        String(repeating: "A long line of words that goes well past one hundred characters. ", count: 5) + "\nshort\n",
        "same\nsame\nsame\n\tsame  \nlast line without newline",
        "\u{FEFF}With a byte order mark\n",
        "",
    ]

    @Test(.enabled(if: GitHubLineHashTests.node != nil, "node is not installed; skipped"), arguments: texts.indices)
    func matchesGitHubsAlgorithm(_ index: Int) throws {
        let node = try #require(Self.node)
        let url = Fixtures.temporaryDirectory("edlint-linehash").appendingPathComponent("input.txt")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let bytes = Array(Self.texts[index].utf8)
        try Data(bytes).write(to: url)
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/Tools/github-line-hash.js").path
        let result = try Run.process(URL(fileURLWithPath: node), [script, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        var expected: [Int: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let number = Int(parts[0]) { expected[number] = String(parts[1]) }
        }
        let ours = GitHubLineHash.lineHashes(of: bytes)
        #expect(!expected.isEmpty || bytes.isEmpty)
        for (line, value) in expected {
            #expect(line < ours.count && ours[line] == value, "line \(line): \(line < ours.count ? ours[line] : "none") vs GitHub's \(value)")
        }
    }
}
