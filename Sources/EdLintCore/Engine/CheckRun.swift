import Foundation

/// What stops a check before it reports: a configuration or rule pack that is wrong, a
/// baseline that cannot be read, the changed lines that cannot be found. The CLI maps every
/// case to exit 2, in one place.
public enum CheckError: Error, CustomStringConvertible {
    case lint(EdLintError)
    case baseline(Baseline.LoadError)
    case changedLines(String)

    public var description: String {
        switch self {
        case .lint(let error): "\(error)"
        case .baseline(let error): "\(error)"
        case .changedLines(let message): "--changed-since: \(message)"
        }
    }
}

/// A whole check as `edlint` runs one: lint the files, keep the findings on changed lines
/// (`--changed-since`) and not in the baseline (`--baseline`), cap each rule's findings after
/// that filtering, and with `fix` rewrite the fixable files and lint them again so that what is
/// reported has positions in the fixed text. The CLI parses arguments and prints; this decides.
public struct CheckRun {
    /// The lines changed since a revision and the repository root their paths are relative to.
    /// (Untyped: a typed-throws closure here crashes Swift 6.3's code generator; a CheckError
    /// it throws is passed on as it is, anything else is wrapped.)
    public typealias ChangedLinesSource = () throws -> (lines: ChangedLines, repositoryRoot: String)

    public var request: LintRequest
    /// `--changed-since`: asked again after fixing (fixes move lines).
    public var changedLines: ChangedLinesSource?
    /// `--baseline`: findings it records are hidden.
    public var baselinePath: String?
    /// `--max-findings-per-rule`, when given.
    public var maxFindingsPerRule: Int?
    /// Whether the findings cap comes after the filtering above (the linter then does not cap):
    /// what they hide must not count against the cap, and what they keep must not be cut unseen.
    /// Off for a baseline being written, which records every finding.
    public var capAfterFiltering: Bool
    public var fix = false

    private let builtinRules: [any Rule]

    public init(
        builtinRules: [any Rule], request: LintRequest, changedLines: ChangedLinesSource? = nil, baselinePath: String? = nil,
        maxFindingsPerRule: Int? = nil, capAfterFiltering: Bool = false, fix: Bool = false
    ) {
        self.builtinRules = builtinRules
        self.request = request
        self.changedLines = changedLines
        self.baselinePath = baselinePath
        self.maxFindingsPerRule = maxFindingsPerRule
        self.capAfterFiltering = capAfterFiltering
        self.fix = fix
        if capAfterFiltering { self.request.maxFindingsPerRule = 0 }
    }

    public struct Outcome {
        /// The last lint (after fixing, when files were fixed).
        public var lint: LintOutcome
        /// What is reported: filtered, capped, and with a note on each file `--fix` left alone.
        public var reports: [FileReport]
        /// "Baseline …: N recorded findings hidden, M stale entries" when a baseline was applied.
        public var baselineNote: String?
        /// With `fix`: findings fixed, files rewritten, and files that could not be written
        /// (a write that failed, not a file left alone on purpose).
        public var fixedFindings = 0
        public var fixedFiles = 0
        public var writeFailures: [WriteError] = []
    }

    public func run() throws(CheckError) -> Outcome {
        var (lint, reports) = try lintAndFilter()
        var outcome = Outcome(lint: lint, reports: reports)
        (outcome.reports, outcome.baselineNote) = try applyBaseline(to: reports)
        if capAfterFiltering { outcome.reports = capped(outcome.reports, configured: lint.maxFindingsPerRule) }
        guard fix else { return outcome }

        var skipped: [String: WriteError] = [:]
        for report in outcome.reports {
            let fixes = report.diagnostics.compactMap(\.fix)
            guard !fixes.isEmpty, !report.source.bytes.isEmpty else { continue }
            let (fixed, applied) = Fixes.apply(fixes, to: report.source.bytes)
            guard fixed != report.source.bytes else { continue }
            do throws(WriteError) {
                if lint.pathsNotUTF8.contains(report.path) { throw WriteError.nameNotUTF8(path: report.path) }
                try SafeWrite.replace(report.path, expecting: report.source.bytes, with: fixed)
                outcome.fixedFiles += 1
                outcome.fixedFindings += applied.count
            } catch {
                if case .failed = error { outcome.writeFailures.append(error) } else { skipped[report.path] = error }
            }
        }
        if outcome.fixedFiles > 0 {
            // Report what is left, with positions in the fixed text.
            (lint, reports) = try lintAndFilter()
            outcome.lint = lint
            (outcome.reports, outcome.baselineNote) = try applyBaseline(to: reports)
            if capAfterFiltering { outcome.reports = capped(outcome.reports, configured: lint.maxFindingsPerRule) }
        }
        // A file left alone says why, where its findings are reported.
        outcome.reports = outcome.reports.map { report in
            guard let reason = skipped[report.path] else { return report }
            var noted = report
            noted.diagnostics.insert(ToolDiagnostics.fixSkipped(reason), at: 0)
            return noted
        }
        return outcome
    }

    private func lintAndFilter() throws(CheckError) -> (LintOutcome, [FileReport]) {
        let lint: LintOutcome
        do { lint = try LintSession(builtinRules: builtinRules, request: request).run() } catch { throw .lint(error) }
        guard let changedLines else { return (lint, lint.reports) }
        let changes: (lines: ChangedLines, repositoryRoot: String)
        do { changes = try changedLines() } catch let error as CheckError { throw error } catch { throw .changedLines("\(error)") }
        return (lint, changes.lines.filter(lint.reports, repositoryRoot: changes.repositoryRoot))
    }

    private func applyBaseline(to reports: [FileReport]) throws(CheckError) -> ([FileReport], String?) {
        guard let baselinePath else { return (reports, nil) }
        let folder = (FileCollector.absolute(baselinePath) as NSString).deletingLastPathComponent
        let baseline: Baseline
        do { baseline = try Baseline.load(path: baselinePath) } catch { throw .baseline(error) }
        let (filtered, hidden, stale) = baseline.apply(to: reports, baselineFolder: folder)
        let note = "Baseline \(baselinePath): \(hidden) recorded finding\(hidden == 1 ? "" : "s") hidden, "
            + "\(stale.count) stale entr\(stale.count == 1 ? "y" : "ies") (fixed or changed since)."
        return (filtered, note)
    }

    /// The findings cap applied to what a baseline or --changed-since left (see `Linter.capped`).
    private func capped(_ reports: [FileReport], configured: Int) -> [FileReport] {
        let limit = maxFindingsPerRule ?? configured
        return reports.map { report in
            var capped = report
            capped.diagnostics = Linter.capped(report.diagnostics, perRule: limit)
            return capped
        }
    }
}
