import EdLintCore
import EdLintTestSupport
import Testing

struct SuppressionTests {
    func lint(_ text: String, format: DocumentFormat = .markdown, unused: Bool = false) throws -> [Diagnostic] {
        let registry = try RuleRegistry(rules: TestLint.builtinRules())
        let active = try RuleResolver.resolve(
            registry: registry, configuration: .defaults(directory: "/"), selection: RuleSelection(select: ["style.doubled-word", "boilerplate"]))
        return Linter(rules: active, reportUnusedSuppressions: unused).lint(path: "x", bytes: Array(text.utf8), format: format).diagnostics
    }

    func lines(_ text: String, _ diagnostics: [Diagnostic]) -> [Int] {
        let source = SourceFile(path: "x", text: text)
        return diagnostics.map { source.location(of: $0.range.lowerBound).line }
    }

    @Test func disableUntilEnableByIdOrCategory() throws {
        let text = """
            The the one.

            <!-- edlint-disable style -->

            The the two.

            <!-- edlint-enable style -->

            The the three.
            """
        #expect(lines(text, try lint(text)) == [1, 9])
    }

    @Test func nextLineAndFileDirectives() throws {
        let text = "<!-- edlint-disable-next-line style.doubled-word -- quoted as written -->\nThe the one.\n\nThe the two.\n"
        #expect(lines(text, try lint(text)) == [4])
        let whole = "<!-- edlint-disable-file boilerplate -->\n\nRelated Posts\n\nThe the end.\n"
        #expect(try lint(whole).map(\.ruleID) == ["style.doubled-word"])
    }

    @Test func inlineCommentsAndPlainTextDirectives() throws {
        let inline = "Intro <!-- edlint-disable-next-line --> text.\nThe the two.\n"
        #expect(try lint(inline).isEmpty)
        let text = "The the one.\n\n# edlint-disable style\nThe the two.\n\n# edlint-enable\nThe the three.\n"
        let found = try lint(text, format: .plainText)
        #expect(lines(text, found) == [1, 7])
        // The directive line is not prose.
        #expect(!DocumentReader.parse(text, format: .plainText).blocks.contains { $0.text.contains("edlint") })
    }

    @Test func unusedSuppressionsAreReportedWhenAsked() throws {
        let text = "<!-- edlint-disable-next-line boilerplate -->\nA clean sentence.\n\n<!-- edlint-disable style -->\nThe the end.\n"
        #expect(try lint(text).isEmpty)
        let reported = try lint(text, unused: true)
        #expect(reported.map(\.ruleID) == ["edlint.unused-suppression"])
        #expect(reported.first?.message.contains("boilerplate") == true)
    }
}
