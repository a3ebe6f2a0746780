import EdLintTestSupport
import Foundation
import Testing

/// Runs the built `edlint` binary as a user would.
struct CLITests {
    func edlint(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
        let binary = try #require(Fixtures.edlintBinary, "the edlint binary was not built")
        return try Run.process(binary, arguments, in: directory, stdin: stdin, environment: environment)
    }

    func temporary(_ files: [String: String]) throws -> URL {
        let root = Fixtures.temporaryDirectory("edlint-cli")
        try Fixtures.write(files.merging([".git/HEAD": "ref: main\n"]) { a, _ in a }, in: root)
        return root
    }

    @Test func cleanTextExitsZero() throws {
        let root = try temporary(["clean.txt": "The council approved the budget on Tuesday.\n"])
        let result = try edlint(["clean.txt"], in: root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("All clear"))
    }

    @Test func findingsExitOneAndFailOnNeverExitsZero() throws {
        let root = try temporary(["a.md": "Intro.\n\nRelated Posts\n"])
        let result = try edlint(["a.md", "--color", "never"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.md:3:1: warning [boilerplate.related-content]"))
        #expect(try edlint(["a.md", "--fail-on", "never"], in: root).status == 0)
        #expect(try edlint(["a.md", "--fail-on", "error"], in: root).status == 0)
    }

    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent; skipped"))
    func seedArticleExitsOneWithBoilerplateAndClaims() throws {
        let seed = try #require(Fixtures.shared).appendingPathComponent("samples/seed-article.txt")
        let result = try edlint([seed.path, "--format", "json", "--no-config"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\" : \"boilerplate.related-content\""))
        #expect(result.stdout.contains("\"category\" : \"unsupported-claim\""))
    }

    @Test func unknownConfigKeyExitsTwoNamingFileAndKey() throws {
        let root = try temporary([".linterrc": "fail_on: warning\nfial_on: error\n", "a.md": "Fine.\n"])
        let result = try edlint(["a.md"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".linterrc:2:1: unknown key 'fial_on'"))
        #expect(result.stderr.contains("did you mean 'fail_on'?"))
    }

    /// edlint's own diagnostics are not rules: naming them where a rule or category goes is an
    /// error that says so (not "unknown", not accepted and ignored), and `edlint rules` lists
    /// only what a configuration accepts.
    @Test(arguments: [
        (".linterrc", "categories:\n  edlint: off\n", [String](), ".linterrc:2:3: 'edlint' is not a rule"),
        (".linterrc", "rules:\n  edlint.unreadable-file: off\n", [], ".linterrc:2:3: 'edlint.unreadable-file' is not a rule"),
        ("", "", ["--ignore", "edlint"], "--ignore 'edlint' is not a rule"),
        ("", "", ["--select", "edlint.findings-capped"], "--select 'edlint.findings-capped' is not a rule"),
    ])
    func edlintsOwnDiagnosticsAreNotConfigurable(file: String, text: String, flags: [String], message: String) throws {
        let root = try temporary(file.isEmpty ? ["a.md": "Fine.\n"] : [file: text, "a.md": "Fine.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md"] + flags, in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("cannot be turned off"))
    }

    @Test func everyListedRuleIsOneAConfigurationAccepts() throws {
        let listing = try edlint(["rules"])
        #expect(listing.status == 0)
        let ids = listing.stdout.split(separator: "\n").compactMap { line -> String? in
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            return first.contains(".") && !first.hasSuffix(":") ? first : nil
        }
        #expect(ids.count > 20)
        #expect(!ids.contains { $0.hasPrefix("edlint.") })
        let configuration = "rules:\n" + ids.map { "  \($0): info\n" }.joined()
        let root = try temporary([".linterrc": configuration, "a.md": "Fine.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let own = try edlint(["rules", "--category", "edlint"])
        #expect(own.stdout.hasPrefix("edlint's own diagnostics: not rules, and not configurable"))
        #expect(own.stdout.contains("edlint.unreadable-file"))
    }

    /// fail_on resolves like every other key: the nearest .linterrc to each file. A run over
    /// files under several configurations fails when any file has a finding at or above its
    /// own configuration's level; --fail-on overrides them all.
    @Test func failOnIsReadFromTheNearestConfigurationOfEachFile() throws {
        let claim = "Experts say the plan is the best in the region.\n"
        let root = try temporary(["drafts/.linterrc": "fail_on: never\n", "drafts/a.md": claim, "b.md": claim])
        defer { try? FileManager.default.removeItem(at: root) }
        let draft = try edlint(["drafts/a.md"], in: root)
        #expect(draft.status == 0, "drafts/ says fail_on: never: \(draft.stdout)")
        #expect(draft.stdout.contains("unsupported-claim"))
        #expect(try edlint(["b.md"], in: root).status == 1)
        #expect(try edlint(["drafts/a.md", "b.md"], in: root).status == 1)
        #expect(try edlint(["drafts/a.md", "--fail-on", "warning"], in: root).status == 1)
        #expect(try edlint(["b.md", "--fail-on", "never"], in: root).status == 0)
    }

    /// --write-baseline records findings as they are: combined with --fix it used to rewrite
    /// files without a word; now the combination is refused and nothing is written.
    @Test func writeBaselineWithFixIsRefused() throws {
        let text = "The the harbour reopened.\n"
        let root = try temporary(["a.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        for flag in ["--fix", "--diff"] {
            let result = try edlint(["a.md", flag, "--write-baseline", "baseline.json"], in: root)
            #expect(result.status == 2)
            #expect(result.stderr.contains("--write-baseline records the findings as they are"), "\(result.stderr)")
        }
        #expect(try String(contentsOf: root.appendingPathComponent("a.md"), encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("baseline.json").path))
    }

    @Test func unknownFormatExitsTwo() throws {
        let result = try edlint(["--format", "nonsense", "x.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nonsense"))
    }

    @Test func unknownSelectExitsTwo() throws {
        let root = try temporary(["a.md": "Fine.\n"])
        let result = try edlint(["a.md", "--select", "boilerplat"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'boilerplate'?"))
    }

    @Test func rulePackFromTemporaryFolderFiresAndValidates() throws {
        let root = try temporary([
            "pack/style/no-synergy.yml": """
                kind: existence
                summary: Avoid the word synergy
                rationale: It says nothing a plainer word would not say better, and readers skip it.
                message: "'{match}' is jargon"
                phrases: [synergy, synergies]
                examples:
                  valid: ["The teams worked well together."]
                  invalid: ["We unlocked ↓synergies."]
                """,
            "a.md": "The merger will create synergies.\n",
        ])
        let result = try edlint(["a.md", "--rules", "pack", "--select", "style.no-synergy"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.md:1:24: warning [style.no-synergy] 'synergies' is jargon"))
        let check = try edlint(["check-rules", "pack"], in: root)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("1 rule in pack"))
    }

    @Test func checkRulesReportsBadFilesAndFailingExamples() throws {
        let root = try temporary([
            "bad/style/broken.yml": "kind: existence\nsummary: x\nrationale: y\nmessage: z\npatterns: ['(unclosed']\nexamples: {valid: [a], invalid: ['↓b']}\n",
            "failing/style/weak.yml": "kind: existence\nsummary: x\nrationale: y\nmessage: z\nphrases: [cat]\nexamples: {valid: ['a cat'], invalid: ['↓cat']}\n",
        ])
        let bad = try edlint(["check-rules", "bad"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("broken.yml:5:12: invalid pattern '(unclosed'"))
        let failing = try edlint(["check-rules", "failing"], in: root)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("valid example flagged"))
    }

    @Test func standardInputUsesTheGivenName() throws {
        let result = try edlint(["-", "--stdin-filename", "post.md", "--no-config"], stdin: "Intro.\n\nRelated Posts\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("post.md:3:1:"))
    }

    @Test func unreadableFileIsReportedAndOthersStillLinted() throws {
        let root = try temporary(["good.md": "Related Posts\n"])
        let result = try edlint(["missing.md", "good.md", "--format", "json"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("edlint.unreadable-file"))
        #expect(result.stdout.contains("boilerplate.related-content"))
    }

    @Test func rulesAndExplainDescribeRules() throws {
        let list = try edlint(["rules", "--category", "boilerplate"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("boilerplate.related-content"))
        #expect(!list.stdout.contains("style.doubled-word"))
        let explain = try edlint(["explain", "style.doubled-word"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Why it matters"))
        let unknown = try edlint(["explain", "style.doubled-wrd"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'style.doubled-word'?"))
    }

    @Test func versionAndHelpExitZero() throws {
        let version = try edlint(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("edlint "))
        #expect(try edlint(["--help"]).status == 0)
    }

    @Test func noColorWhenForcedOrPiped() throws {
        let root = try temporary(["a.md": "Related Posts\n"])
        #expect(try edlint(["a.md"], in: root).stdout.contains("\u{1B}[") == false)
        #expect(try edlint(["a.md", "--color", "always"], in: root).stdout.contains("\u{1B}["))
    }

    @Test(.enabled(if: Fixtures.pythonHasModule("jsonschema"), "python3 with jsonschema is not installed; skipped"))
    func jsonOutputValidatesAgainstTheDocumentedSchema() throws {
        let schema = Fixtures.packageRoot.appendingPathComponent("docs/edlint-output.schema.json")
        let root = try temporary([
            "a.md": "# Notes — é 😀\r\n\r\nAnalysts suggest the the end!!\r\n\r\nRelated Posts\r\n",
        ])
        let result = try edlint(["a.md", "missing.md", "--format", "json", "--output-file", "out.json"], in: root)
        #expect(result.status == 1)
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let check = try Run.process(
            python,
            ["python3", "-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('valid')",
             schema.path, root.appendingPathComponent("out.json").path])
        #expect(check.stdout.contains("valid"), "\(check.stderr)")
    }
}

/// SARIF for code scanning, validated by the official schema and GitHub's checks.
struct SARIFCLITests {
    @Test(.enabled(if: Fixtures.shared != nil && Fixtures.pythonHasModule("jsonschema"), "needs ../shared and python3 with jsonschema; skipped"))
    func seedAndEvalArticlesValidateWithNoWarnings() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let shared = try #require(Fixtures.shared)
        let output = Fixtures.temporaryDirectory("edlint-sarif-cli")
        defer { try? FileManager.default.removeItem(at: output) }
        let base = shared.deletingLastPathComponent().path
        var files: [String] = []
        for (name, input) in [("seed", "samples/seed-article.txt"), ("articles", "eval/articles")] {
            let file = output.appendingPathComponent("\(name).sarif").path
            let result = try Run.process(
                binary, [shared.appendingPathComponent(input).path, "--format", "sarif", "--base-path", base, "--output-file", file])
            #expect(result.status == 1, "\(result.stderr)")
            files.append(file)
        }
        let check = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", shared.appendingPathComponent("schemas/validate_sarif.py").path, "--github", "--werror"] + files)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}

/// The git integrations: the pre-commit hook, --changed-since, baselines.
struct GitIntegrationTests {
    func git(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "edlint test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "edlint test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
        return try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: environment)
    }

    static let repeated = """
        The harbour board approved the new winter timetable on Monday after a long debate.

        Crossings to the island will stop earlier from November.

        The harbour board approved the new winter timetable on Monday after a long debate.

        """

    @Test func hookBlocksAStagedRepeatAndPassesTheFixedArticle() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let repository = Fixtures.temporaryDirectory("edlint-hook")
        defer { try? FileManager.default.removeItem(at: repository) }
        #expect(try git(["init", "-q"], in: repository).status == 0)
        let install = try Run.process(binary, ["install-hook"], in: repository)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(try Run.process(binary, ["install-hook"], in: repository).status == 2)  // refuses to overwrite
        #expect(try Run.process(binary, ["install-hook", "--force"], in: repository).status == 0)

        try Fixtures.write(["article.md": Self.repeated], in: repository)
        _ = try git(["add", "article.md"], in: repository)
        // The working tree is fixed but the index is not: the hook judges the index.
        try Fixtures.write(["article.md": "Fixed in the working tree only.\n"], in: repository)
        let blocked = try git(["commit", "-qm", "repeated"], in: repository)
        #expect(blocked.status != 0)
        #expect(blocked.stdout.contains("repetition.paragraph") || blocked.stderr.contains("repetition.paragraph"))

        let fixed = Self.repeated.components(separatedBy: "\n\n").prefix(2).joined(separator: "\n\n") + "\n"
        try Fixtures.write(["article.md": fixed], in: repository)
        _ = try git(["add", "article.md"], in: repository)
        let passed = try git(["commit", "-qm", "fixed"], in: repository)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    }

    @Test func changedSinceReportsOnlyEditedParagraphs() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let repository = Fixtures.temporaryDirectory("edlint-changed")
        defer { try? FileManager.default.removeItem(at: repository) }
        _ = try git(["init", "-q"], in: repository)
        try Fixtures.write(["a.md": "Studies show one thing.\n\nA plain paragraph.\n\nCritics contend another.\n"], in: repository)
        _ = try git(["add", "."], in: repository)
        _ = try git(["commit", "-qm", "base"], in: repository)
        try Fixtures.write(["a.md": "Studies show one thing.\n\nExperts say a plain paragraph.\n\nCritics contend another.\n"], in: repository)
        let result = try Run.process(binary, ["a.md", "--changed-since", "HEAD", "--format", "json"], in: repository)
        #expect(result.status == 1)
        let lines = try JSONDecoder().decode(ChangedSinceOutput.self, from: Data(result.stdout.utf8)).files[0].diagnostics.map(\.range.start.line)
        #expect(lines == [3])
    }

    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent; skipped"))
    func changedSinceOnAnEditedSeedReportsOnlyTheEditedParagraphs() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let seed = try String(contentsOf: try #require(Fixtures.shared).appendingPathComponent("samples/seed-article.txt"), encoding: .utf8)
        let repository = Fixtures.temporaryDirectory("edlint-changed-seed")
        defer { try? FileManager.default.removeItem(at: repository) }
        _ = try git(["init", "-q"], in: repository)
        try Fixtures.write(["seed.txt": seed], in: repository)
        _ = try git(["add", "."], in: repository)
        _ = try git(["commit", "-qm", "seed"], in: repository)
        // Edit two paragraphs: line 13 keeps a vague source, line 17 gains one.
        var lines = seed.components(separatedBy: "\n")
        lines[12] = lines[12].replacingOccurrences(of: "Analysts point out", with: "Observers point out")
        lines[16] = "Experts say " + lines[16]
        try Fixtures.write(["seed.txt": lines.joined(separator: "\n")], in: repository)
        let result = try Run.process(binary, ["seed.txt", "--changed-since", "HEAD", "--format", "json"], in: repository)
        #expect(result.status == 1)
        let found = try JSONDecoder().decode(ChangedSinceOutput.self, from: Data(result.stdout.utf8)).files[0].diagnostics.map(\.range.start.line)
        #expect(Set(found) == [13, 17])
    }

    @Test func baselineHidesRecordedFindingsAfterInsertedLinesButNotNewOnes() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let folder = Fixtures.temporaryDirectory("edlint-baseline")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write([".git/HEAD": "x", "a.md": "Intro.\n\nRelated Posts\n\nStudies show it works.\n"], in: folder)
        #expect(try Run.process(binary, ["a.md", "--write-baseline", "baseline.json"], in: folder).status == 0)
        try Fixtures.write(["a.md": "A new first paragraph.\n\nAnother one.\n\nIntro.\n\nRelated Posts\n\nStudies show it works.\n"], in: folder)
        let hidden = try Run.process(binary, ["a.md", "--baseline", "baseline.json"], in: folder)
        #expect(hidden.status == 0, "\(hidden.stdout)")
        #expect(hidden.stderr.contains("2 recorded findings hidden, 0 stale"))
        try Fixtures.write(["a.md": "Intro.\n\nRelated Posts\n\nStudies show it works.\n\nThe the end.\n"], in: folder)
        let fresh = try Run.process(binary, ["a.md", "--baseline", "baseline.json", "--format", "json"], in: folder)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.contains("style.doubled-word"))
        #expect(!fresh.stdout.contains("boilerplate.related-content"))
    }
}

private struct ChangedSinceOutput: Decodable {
    struct File: Decodable { var diagnostics: [Diagnostic] }
    struct Diagnostic: Decodable { var range: Range }
    struct Range: Decodable { var start: Position }
    struct Position: Decodable { var line: Int }
    var files: [File]
}

struct FixTests {
    static let article = "The board met in order to approve the budget after a long debate on Monday.\n\nRelated Posts\n\nThe board met in order to approve the budget after a long debate on Monday.\n\nThe end.\n"

    @Test func diffPreviewsAndFixAppliesSafeFixes() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let folder = Fixtures.temporaryDirectory("edlint-fix")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write([".git/HEAD": "x", "a.md": Self.article, "clean.md": "Nothing to fix here.\n"], in: folder)
        let cleanURL = folder.appendingPathComponent("clean.md")
        let before = try FileManager.default.attributesOfItem(atPath: cleanURL.path)[.modificationDate] as? Date

        let preview = try Run.process(binary, ["a.md", "clean.md", "--diff"], in: folder)
        #expect(preview.status == 1)
        #expect(preview.stdout.contains("-Related Posts"))
        #expect(preview.stdout.contains("+The board met to approve the budget"))
        #expect(try String(contentsOf: folder.appendingPathComponent("a.md"), encoding: .utf8) == Self.article)

        let fixed = try Run.process(binary, ["a.md", "clean.md", "--fix"], in: folder)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("a.md"), encoding: .utf8)
            == "The board met to approve the budget after a long debate on Monday.\n\nThe end.\n")
        // A file with nothing to fix is not rewritten.
        let after = try FileManager.default.attributesOfItem(atPath: cleanURL.path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try Run.process(binary, ["a.md", "--diff"], in: folder).status == 0)
    }
}
