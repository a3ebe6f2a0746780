import EdLintCore
import Foundation

/// What every reporter renders: the files with their findings, and the rules that ran.
public struct Report: Sendable {
    public let files: [FileReport]
    public var rules: [RuleDescription]

    private let sourcesByPath: [String: SourceFile]

    public init(files: [FileReport], rules: [RuleDescription]) {
        self.files = files
        self.rules = rules
        self.sourcesByPath = Dictionary(files.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
    }

    public var summary: LintSummary { LintSummary(reports: files) }

    /// The source of another file in the run, for related locations that point across files.
    public func source(forPath path: String) -> SourceFile? {
        sourcesByPath[path]
    }
}

/// An output format. Reporters are instances (they take options) and produce typed output.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// Stable, readable JSON for the JSON-based formats: sorted keys, unescaped slashes.
func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}

/// The formats `--format` accepts; one reporter file each.
public enum OutputFormat: String, CaseIterable, Sendable {
    case human
    case json
    case sarif
    case github
    case rdjson
    case checkstyle
    case junit
}
