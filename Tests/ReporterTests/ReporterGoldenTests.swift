import EdLintCore
import EdLintReporters
import EdLintRules
import EdLintTestSupport
import Foundation
import Testing

struct ReporterGoldenTests {
    func report(_ name: String, format: DocumentFormat) throws -> Report {
        let bytes = [UInt8](try Golden.input(name))
        let registry = try RuleRegistry(rules: try BuiltinRules.load())
        let active = try RuleResolver.resolve(registry: registry, configuration: .defaults(directory: "/"), selection: RuleSelection())
        let file = Linter(rules: active).lint(path: name, bytes: bytes, format: format)
        return Report(files: [file], rules: active.map(\.rule.description))
    }

    @Test(arguments: [("multibyte.md", DocumentFormat.markdown), ("crlf.txt", .plainText)])
    func humanOutputMatchesGolden(name: String, format: DocumentFormat) throws {
        // The findings with their summary, then what `--statistics` prints instead of them.
        let report = try report(name, format: format)
        let output = HumanReporter(color: false, showSummary: true).render(report)
            + HumanReporter(color: false, showSummary: false, showStatistics: true).render(report)
        try Golden.check(output, against: name + ".human")
    }

    @Test(arguments: [("multibyte.md", DocumentFormat.markdown), ("crlf.txt", .plainText)])
    func jsonOutputMatchesGolden(name: String, format: DocumentFormat) throws {
        let output = JSONReporter().render(try report(name, format: format))
        try Golden.check(output, against: name + ".json")
        // The output decodes back into the documented contract.
        let decoded = try JSONDecoder().decode(JSONOutput.self, from: Data(output.utf8))
        #expect(decoded.version == 1)
        #expect(decoded.files.first?.diagnostics.isEmpty == false)
    }

    @Test func jsonPositionsPointAtTheFlaggedText() throws {
        for (name, format) in [("multibyte.md", DocumentFormat.markdown), ("crlf.txt", .plainText)] {
            let report = try report(name, format: format)
            let output = try JSONDecoder().decode(JSONOutput.self, from: Data(JSONReporter().render(report).utf8))
            let source = report.files[0].source
            for (diagnostic, original) in zip(output.files[0].diagnostics, report.files[0].diagnostics) {
                // line/column (Unicode scalars) and byte offsets agree with each other.
                let viaOffset = source.text(in: diagnostic.range.start.offset..<diagnostic.range.end.offset)
                #expect(viaOffset == source.text(in: original.range))
                let lineText = source.text(in: source.lines.contentRange(ofLine: diagnostic.range.start.line - 1, in: source.bytes))
                let viaColumn = String(String.UnicodeScalarView(lineText.unicodeScalars.dropFirst(diagnostic.range.start.column - 1)))
                #expect(viaColumn.hasPrefix(viaOffset.components(separatedBy: .newlines)[0]))
            }
        }
    }

    @Test func colourIsOnlyAddedWhenAsked() throws {
        let report = try report("multibyte.md", format: .markdown)
        #expect(!HumanReporter(color: false).render(report).contains("\u{1B}["))
        #expect(HumanReporter(color: true).render(report).contains("\u{1B}[1;33mwarning"))
    }

    @Test func escapeSequencesInTheTextAreShownEscaped() throws {
        let bytes = Array("Studies show \u{1B}[31mred\u{1B}[0m text.\n".utf8)
        let registry = try RuleRegistry(rules: try BuiltinRules.load())
        let active = try RuleResolver.resolve(registry: registry, configuration: .defaults(directory: "/"), selection: RuleSelection())
        let file = Linter(rules: active).lint(path: "esc\u{1B}]0;title\u{7}.md", bytes: bytes, format: .markdown)
        let output = HumanReporter(color: false).render(Report(files: [file], rules: []))
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(output.contains("\\u{1B}[31mred"))
    }
}
