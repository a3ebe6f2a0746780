import EdLintCore

/// A GitHub Actions job summary (Markdown, appended to `$GITHUB_STEP_SUMMARY`): counts by
/// category and rule and the files with the most findings, so a run whose annotations were cut
/// at the runner's cap still shows its whole size on the run's page.
public struct StepSummary {
    /// How many files the table lists.
    public static let filesShown = 10

    public init() {}

    public func render(_ report: Report) -> String {
        let summary = report.summary
        var text = "### edlint\n\n"
        guard summary.diagnostics > 0 else {
            return text + "All clear: no problems in \(summary.files) file\(summary.files == 1 ? "" : "s").\n"
        }
        text += "\(summary.diagnostics) finding\(summary.diagnostics == 1 ? "" : "s") in \(summary.filesWithFindings) of \(summary.files) file\(summary.files == 1 ? "" : "s")"
        text += " (\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info).\n\n"
        text += "| category | rule | findings |\n|---|---|---:|\n"
        let categoryOf = Dictionary(report.files.flatMap(\.diagnostics).map { ($0.ruleID, $0.category.rawValue) }, uniquingKeysWith: { first, _ in first })
        let rows = summary.byRule.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        for (rule, count) in rows {
            text += "| \(Self.cell(categoryOf[rule] ?? "")) | `\(Self.cell(rule))` | \(count) |\n"
        }
        let files = report.files.filter { !$0.diagnostics.isEmpty }
            .sorted { ($0.diagnostics.count, $1.path) > ($1.diagnostics.count, $0.path) }
        text += "\n| file | findings |\n|---|---:|\n"
        for file in files.prefix(Self.filesShown) { text += "| \(Self.cell(file.path)) | \(file.diagnostics.count) |\n" }
        if files.count > Self.filesShown { text += "| … \(files.count - Self.filesShown) more | |\n" }
        return text
    }

    /// Text made safe for a Markdown table cell: no pipes, no line breaks, no control characters.
    static func cell(_ text: String) -> String {
        TerminalText.sanitized(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
