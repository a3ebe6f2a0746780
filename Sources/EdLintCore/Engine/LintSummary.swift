/// Counts for the summary line and `--statistics`.
public struct LintSummary: Sendable, Codable, Equatable {
    public var files: Int
    public var filesWithFindings: Int
    public var diagnostics: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var byCategory: [String: Int]
    public var byRule: [String: Int]
    public var fixable: Int

    public init(reports: [FileReport]) {
        let all = reports.flatMap(\.diagnostics)
        files = reports.count
        filesWithFindings = reports.filter { !$0.diagnostics.isEmpty }.count
        diagnostics = all.count
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        infos = all.filter { $0.severity == .info }.count
        byCategory = Dictionary(grouping: all, by: { $0.category.rawValue }).mapValues(\.count)
        byRule = Dictionary(grouping: all, by: \.ruleID).mapValues(\.count)
        fixable = all.filter { $0.fix != nil }.count
    }

    enum CodingKeys: String, CodingKey {
        case files, filesWithFindings = "files_with_findings", diagnostics, errors, warnings, infos
        case byCategory = "by_category", byRule = "by_rule", fixable
    }
}
