import EdLintCore
import EdLintTestSupport
import Foundation
import Testing

struct ConfigurationTests {
    func parseError(_ text: String) -> String {
        do {
            _ = try Configuration.parse(text, path: "dir/.linterrc", directory: "dir")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func unknownTopLevelKeyNamesFileLineAndNearestKey() {
        let message = parseError("fail_on: error\nmin_severty: info\n")
        #expect(message.hasPrefix("dir/.linterrc:2:1: unknown key 'min_severty'"))
        #expect(message.contains("did you mean 'min_severity'?"))
    }

    @Test func wrongTypesAndValuesAreErrors() {
        #expect(parseError("fail_on: sometimes\n").contains("dir/.linterrc:1:10: 'fail_on': 'sometimes' is not one of error, warning, info, never"))
        #expect(parseError("include: {a: b}\n").contains("'include' must be a list of strings"))
        #expect(parseError("categories:\n  boilerplat: off\n").contains("dir/.linterrc:2:3: unknown category 'boilerplat'; did you mean 'boilerplate'?"))
        #expect(parseError("rules:\n  style.doubled-word: {enabled: maybe}\n").contains("'enabled' must be true or false"))
        #expect(parseError("rules: [1, 2]\n").contains("'rules' must be a mapping"))
    }

    @Test func parsesEveryKey() throws {
        let configuration = try Configuration.parse(
            """
            rules_paths: [team-rules]
            include: ["**/*.md"]
            exclude: [drafts/]
            fail_on: error
            min_severity: warning
            categories:
              style: off
              boilerplate: {severity: error}
            rules:
              unsupported-claim.peacock: warning
              style.doubled-word: {enabled: true, severity: info}
            """, path: "/repo/.linterrc", directory: "/repo")
        #expect(configuration.rulesPaths.map(\.path) == ["/repo/team-rules"])
        #expect(configuration.failOn == .error)
        #expect(configuration.minSeverity == .warning)
        #expect(configuration.admits(relativePath: "posts/a.md"))
        #expect(!configuration.admits(relativePath: "drafts/a.md"))
        #expect(!configuration.admits(relativePath: "notes.txt"))
        #expect(configuration.categories.map(\.category) == [.style, .boilerplate])
        #expect(configuration.rules.map(\.id) == ["unsupported-claim.peacock", "style.doubled-word"])
    }

    @Test func resolverAppliesCategoryThenRuleSettingsAndSelection() throws {
        let registry = try RuleRegistry(rules: TestLint.builtinRules())
        let configuration = try Configuration.parse(
            """
            categories:
              style: off
              boilerplate: {severity: error}
            rules:
              style.doubled-word: {enabled: true, severity: info}
            """, path: "/r/.linterrc", directory: "/r")
        let active = try RuleResolver.resolve(registry: registry, configuration: configuration, selection: RuleSelection())
        let byID = Dictionary(active.map { ($0.context.ruleID, $0.context.severity) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["style.doubled-word"] == .info)
        #expect(byID["style.repeated-punctuation"] == nil)
        #expect(byID["boilerplate.related-content"] == .error)
        let selected = try RuleResolver.resolve(
            registry: registry, configuration: configuration,
            selection: RuleSelection(select: ["unsupported-claim"], ignore: ["unsupported-claim.peacock"]))
        #expect(!selected.isEmpty)
        #expect(selected.allSatisfy { $0.context.category == .unsupportedClaim && $0.context.ruleID != "unsupported-claim.peacock" })
    }

    @Test func unknownRuleIdAndOptionAreErrors() throws {
        let registry = try RuleRegistry(rules: TestLint.builtinRules())
        let unknownRule = try Configuration.parse("rules:\n  style.doubled-wrd: off\n", path: "c/.linterrc", directory: "c")
        #expect(throws: ConfigurationError.self) {
            try RuleResolver.resolve(registry: registry, configuration: unknownRule, selection: RuleSelection())
        }
        do {
            _ = try RuleResolver.resolve(registry: registry, configuration: unknownRule, selection: RuleSelection())
        } catch {
            #expect(error.description == "c/.linterrc:2:3: unknown rule id 'style.doubled-wrd'; did you mean 'style.doubled-word'?")
        }
        let badOption = try Configuration.parse(
            "rules:\n  unsupported-claim.peacock:\n    options: {windw: 2}\n", path: "c/.linterrc", directory: "c")
        do {
            _ = try RuleResolver.resolve(registry: registry, configuration: badOption, selection: RuleSelection())
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("c/.linterrc:3:15: rule 'unsupported-claim.peacock' has no option 'windw'; did you mean 'window'?"))
        }
        let hugeOption = try Configuration.parse(
            "rules:\n  unsupported-claim.peacock:\n    options: {window: 99999999999999999999}\n", path: "c/.linterrc", directory: "c")
        #expect(throws: ConfigurationError.self) {
            try RuleResolver.resolve(registry: registry, configuration: hugeOption, selection: RuleSelection())
        }
    }

    @Test func unknownSelectorIsAnError() throws {
        let registry = try RuleRegistry(rules: TestLint.builtinRules())
        #expect(throws: ConfigurationError.self) {
            try RuleSelection(select: ["boilerplat"]).validate(against: registry)
        }
    }
}

struct LintSessionTests {
    func run(_ paths: [String], in directory: URL, configuration: String? = nil) throws -> LintOutcome {
        let request = LintRequest(
            paths: paths, configurationPath: configuration, jobs: 2, workingDirectory: directory.path)
        return try LintSession(builtinRules: TestLint.builtinRules(), request: request).run()
    }

    @Test func nearestConfigurationWinsAndStopsAtRepositoryRoot() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write([
            ".linterrc": "categories:\n  boilerplate: off\n",
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/a.md": "Related Posts\n",
            "repo/sub/.linterrc": "rules:\n  boilerplate.related-content: error\n",
            "repo/sub/b.md": "Related Posts\n",
        ], in: root)
        let outcome = try run([root.appendingPathComponent("repo").path], in: root)
        let byFile = Dictionary(outcome.reports.map { (($0.path as NSString).lastPathComponent, $0.diagnostics) }, uniquingKeysWith: { a, _ in a })
        // a.md: the .linterrc above the repository root is not used, so the default applies.
        #expect(byFile["a.md"]?.map(\.severity) == [.warning])
        #expect(byFile["b.md"]?.map(\.severity) == [.error])
    }

    @Test func walksFoldersSkippingVCSAndHonoursExclude() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write([
            ".git/HEAD": "x",
            ".linterrc": "exclude: [drafts/]\n",
            "a.md": "One.\n", "b.txt": "Two.\n", "NOTES": "Three.\n", "c.html": "<p>no</p>\n",
            "node_modules/x.md": "No.\n", ".build/y.md": "No.\n", "drafts/d.md": "No.\n", "sub/e.markdown": "Four.\n",
        ], in: root)
        let outcome = try run(["."], in: root)
        // FileManager resolves the current directory; compare names only.
        let names = outcome.reports.map { ($0.path as NSString).lastPathComponent }
        #expect(names == ["NOTES", "a.md", "b.txt", "e.markdown"])
    }

    @Test func missingAndInvalidFilesAreReportedWhileOthersAreLinted() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["good.md": "Related Posts\n"], in: root)
        try Data([0x41, 0xFF, 0x42]).write(to: root.appendingPathComponent("bad.md"))
        let outcome = try run(
            [root.appendingPathComponent("missing.md").path, root.appendingPathComponent("bad.md").path, root.appendingPathComponent("good.md").path],
            in: root)
        let rules = outcome.reports.map { $0.diagnostics.map(\.ruleID) }
        #expect(rules == [["edlint.unreadable-file"], ["edlint.invalid-encoding"], ["boilerplate.related-content"]])
    }

    @Test func badConfigurationStopsTheRun() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write([".git/HEAD": "x", ".linterrc": "colour: always\n", "a.md": "Fine.\n"], in: root)
        #expect(throws: EdLintError.self) { try run(["a.md"], in: root) }
    }

    @Test func parallelAndSerialRunsAgree() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: String] = [".git/HEAD": "x"]
        for index in 0..<30 { files["f\(index).md"] = "Para \(index). Studies show it.\n\nRelated Posts\n" }
        try Fixtures.write(files, in: root)
        let serial = try LintSession(builtinRules: TestLint.builtinRules(), request: LintRequest(paths: ["."], jobs: 1, workingDirectory: root.path)).run()
        let parallel = try LintSession(builtinRules: TestLint.builtinRules(), request: LintRequest(paths: ["."], jobs: 4, workingDirectory: root.path)).run()
        #expect(serial.reports.map(\.path) == parallel.reports.map(\.path))
        #expect(serial.reports.map(\.diagnostics) == parallel.reports.map(\.diagnostics))
        #expect(serial.summary.diagnostics == 60)
    }

    /// `onFileReport` hands each file over in run order while the run is still going (so the
    /// CLI prints as files finish): missing paths first, then the files, never out of order
    /// whatever the threads, each before the run's last file is done.
    @Test(arguments: [1, 2, 4])
    func reportsAreHandedOverInOrderWhileTheRunGoes(jobs: Int) throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: String] = [".git/HEAD": "x"]
        for index in 0..<12 { files["f\(index).md"] = "Para \(index). Studies show it.\n\nRelated Posts\n" }
        try Fixtures.write(files, in: root)
        let events = EventLog()
        var request = LintRequest(paths: ["missing.md", "."], jobs: jobs, workingDirectory: root.path)
        request.onFileReport = { events.add("report \($0.path) \($0.diagnostics.count)") }
        request.progress = { done, total in events.add("progress \(done)/\(total)") }
        let outcome = try LintSession(builtinRules: TestLint.builtinRules(), request: request).run()
        let delivered = events.entries.filter { $0.hasPrefix("report ") }
        #expect(delivered == outcome.reports.map { "report \($0.path) \($0.diagnostics.count)" })
        #expect(delivered.first == "report missing.md 1")
        let firstFile = try #require(events.entries.firstIndex { $0.hasPrefix("report f") || $0.hasPrefix("report ./f") })
        let lastProgress = try #require(events.entries.lastIndex(of: "progress 12/12"))
        #expect(firstFile < lastProgress, "the first file is handed over before the last one is linted")
    }
}

/// Events recorded from several threads, in the order they happened.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func add(_ event: String) {
        lock.lock()
        recorded.append(event)
        lock.unlock()
    }

    var entries: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

struct ConfigurationExampleTests {
    @Test func exampleFileDocumentsEveryKeyAndLoads() throws {
        let url = Fixtures.packageRoot.appendingPathComponent(".linterrc.example")
        let text = try String(contentsOf: url, encoding: .utf8)
        for key in Configuration.keys {
            #expect(text.contains("\n\(key):"), "\(key) is not in .linterrc.example")
        }
        var configuration = try Configuration.parse(text, path: url.path, directory: Fixtures.packageRoot.path)
        configuration.rulesPaths = []  // the example's pack folder is illustrative
        let registry = try RuleRegistry(rules: TestLint.builtinRules())
        let active = try RuleResolver.resolve(registry: registry, configuration: configuration, selection: RuleSelection())
        #expect(!active.isEmpty)
    }
}
