import EdLintCore
import Foundation

/// GitLab's Code Quality report (a subset of the Code Climate issue format, as GitLab documents
/// it): a JSON array of issues with `description`, `check_name`, `fingerprint`, `severity` and
/// `location.path` / `location.lines.begin`. Paths are relative to `basePath` (the repository
/// root), where GitLab looks for them; fingerprints are unique per file and survive lines moving.
public struct GitLabReporter: Reporter {
    public var basePath: String? { base.folder }
    private let base: BasePath

    public init(basePath: String? = nil) {
        self.base = BasePath(basePath)
    }

    struct Issue: Encodable {
        var type = "issue"
        var checkName: String
        var description: String
        var categories: [String]
        var severity: String
        var fingerprint: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case type, checkName = "check_name", description, categories, severity, fingerprint, location
        }
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
        var end: Int
    }

    /// Code Climate's levels: edlint's errors are major (they fail the run), warnings minor.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }

    public func render(_ report: Report) -> String {
        var issues: [Issue] = []
        for file in report.files {
            let path = base.relative(file.path)
            let fingerprints = Fingerprint.values(for: file.diagnostics, in: file.source)
            for (diagnostic, fingerprint) in zip(file.diagnostics, fingerprints) {
                let start = file.source.location(of: diagnostic.range.lowerBound).line
                let end = file.source.location(of: max(diagnostic.range.lowerBound, diagnostic.range.upperBound - 1)).line
                issues.append(
                    Issue(
                        checkName: diagnostic.ruleID, description: diagnostic.message,
                        categories: [diagnostic.category == .edlint ? "Bug Risk" : "Style"],
                        severity: Self.severity(diagnostic.severity),
                        // Unique across the report: the content fingerprint with the file's path.
                        fingerprint: Fingerprint.hex(Fingerprint.hash(path + "\u{0}" + fingerprint)),
                        location: Location(path: path, lines: Lines(begin: start, end: max(start, end)))))
            }
        }
        return encodeJSON(issues)
    }
}
