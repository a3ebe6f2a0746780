import EdLintCore
import EdLintRules
import Foundation
import Testing

@testable import EdLintReporters

/// Reports are written piece by piece (`Reporter.write`); the pieces must make exactly the text
/// of the report encoded whole — for no files, files without findings, and findings that point
/// into other files.
struct StreamingOutputTests {
    static func report(_ texts: [(String, String)], crossFile: Bool) throws -> Report {
        let rules = try BuiltinRules.load().map { ActiveRule(rule: $0, context: RuleContext(for: $0.description)) }
        let linter = Linter(rules: rules)
        var files = texts.map { linter.lint(path: $0.0, bytes: Array($0.1.utf8), format: .markdown, crossFile: crossFile) }
        if crossFile { files = LintSession.compareAcrossFiles(files, linters: files.map { _ in linter }) }
        return Report(files: files, rules: rules.map(\.rule.description))
    }

    static let shared = "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier. Buses ran as usual."

    @Test(arguments: [
        [],
        [("clean.md", "Nothing to see.\n")],
        [("a.md", "# Café — ☕\n\n\(shared)\n\nRelated Posts\n"), ("empty.md", ""), ("b.md", "Intro 😀.\n\n\(shared)\n")],
    ])
    func jsonPiecesMakeTheWholeEncoding(_ texts: [(String, String)]) throws {
        let report = try Self.report(texts, crossFile: true)
        var pieces: [String] = []
        JSONReporter().write(report, to: { pieces.append($0) })
        #expect(pieces.joined() == JSONReporter().encodedWhole(report))
        #expect(texts.count < 2 || pieces.count > 2, "written in pieces, not whole")
        if texts.count == 3 { #expect(pieces.joined().contains("repetition.cross-file")) }
    }

    @Test(arguments: [
        [],
        [("clean.md", "Nothing to see.\n")],
        [("a.md", "# Café — ☕\n\n\(shared)\n\nRelated Posts\n"), ("empty.md", ""), ("b.md", "Intro 😀.\n\n\(shared)\n")],
    ])
    func sarifPiecesMakeTheWholeEncoding(_ texts: [(String, String)]) throws {
        let report = try Self.report(texts, crossFile: true)
        let reporter = SARIFReporter(basePath: "/repo")
        var pieces: [String] = []
        reporter.write(report, to: { pieces.append($0) })
        #expect(pieces.joined() == reporter.encodedWhole(report))
        #expect(texts.count < 3 || pieces.count > 4, "written in pieces, not whole")
        if texts.count == 3 { #expect(pieces.joined().contains("repetition.cross-file")) }
    }

    @Test func sarifNotificationsStayOutOfTheStreamedResults() throws {
        let linted = try Self.report([("a.md", "Related Posts\n")], crossFile: false)
        let unreadable = Linter(rules: []).lint(path: "bad.md", bytes: [0x41, 0xFF, 0xFE, 0x0A], format: .markdown)
        let report = Report(files: linted.files + [unreadable], rules: linted.rules)
        let reporter = SARIFReporter(basePath: "/repo")
        var pieces: [String] = []
        reporter.write(report, to: { pieces.append($0) })
        let written = pieces.joined()
        #expect(written == reporter.encodedWhole(report))
        let log = try #require(JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(results.count == 1 && results.first?["ruleId"] as? String == "boilerplate.related-content")
        #expect(notifications.count == 1)
    }

    @Test func humanPiecesAreOnePerFileWithFindings() throws {
        let report = try Self.report([("a.md", "Related Posts\n"), ("clean.md", "Fine.\n"), ("b.md", "Share this:\n")], crossFile: false)
        var pieces: [String] = []
        HumanReporter(showSummary: true).write(report, to: { pieces.append($0) })
        #expect(pieces.count == 3)  // a.md, b.md, the summary
        #expect(pieces[0].hasPrefix("a.md:1:1") && pieces[1].hasPrefix("b.md:1:1") && pieces[2].hasPrefix("Found 2 problems"))
    }
}
