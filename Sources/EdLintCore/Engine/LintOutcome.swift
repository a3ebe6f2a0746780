/// The result of a run.
public struct LintOutcome: Sendable {
    public var reports: [FileReport]
    /// Every rule that ran on at least one file, by id.
    public var rules: [RuleDescription]
    /// The findings cap in force for the working folder (`--max-findings-per-rule`, else its
    /// configuration's, else the default), for callers that cap after their own filtering.
    public var maxFindingsPerRule: Int = Linter.defaultMaxFindingsPerRule
    /// How many files were read and linted (not counting those that could not be).
    public var lintedFiles: Int = 0
    /// Temporary files of interrupted edlint runs found while walking (see `SafeWrite`).
    public var staleTemporaries: [String] = []
    /// Files whose names are not UTF-8 (read by their bytes, shown escaped; `--fix` leaves them).
    public var pathsNotUTF8: Set<String> = []

    public var summary: LintSummary { LintSummary(reports: reports) }
}
